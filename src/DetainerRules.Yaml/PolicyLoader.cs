using System.Text.RegularExpressions;
using DetainerRules.Language;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Reads a policy file, checks it whole, and type-checks its conditions.</summary>
/// <remarks>Every problem in the file is reported in one pass, each with its position and field.</remarks>
public static partial class PolicyLoader
{
    private static readonly string[] TopKeys =
        ["id", "family", "title", "jurisdiction", "effective", "summary", "sources", "offense_lists", "conditions", "limits", "defaults", "open_questions", "rules"];

    private static readonly string[] RuleKeys = ["id", "when", "then", "priority", "because", "cite"];

    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static Policy LoadFile(string path)
    {
        var policy = Load(InputFile.Read(path), path);
        var stem = Path.GetFileNameWithoutExtension(path);
        return policy.Id == stem
            ? policy
            : throw new InvalidInputException([Diagnostic.Error(policy.Span, PolicyDiagnosticCodes.Identity, "id",
                $"policy id `{policy.Id}` does not match the file name `{stem}`: a policy is named by its file")]);
    }

    /// <exception cref="InvalidInputException">The text has problems; all of them are listed.</exception>
    public static Policy Load(string text, string file)
    {
        var (root, locate) = DocumentReader.Read(file, text);
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var top = r.Mapping(root, TopKeys)
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, PolicyDiagnosticCodes.Field, string.Empty, $"expected a policy (a mapping with `id`, `rules`, ...), found {root.Kind}")]);

        var id = CheckId(r, r.Required(top, "id"), "policy");
        var family = top["family"] is { } familyNode ? CheckId(r, familyNode, "family") : null;
        var title = r.Text(r.Required(top, "title"));
        var jurisdiction = r.Text(r.Required(top, "jurisdiction"));
        var (from, until) = ReadEffective(r, top["effective"]);
        var summary = top["summary"] is { } s ? r.Text(s) : null;
        var sources = ReadSources(r, r.Required(top, "sources"));
        var lists = ReadOffenseLists(r, top["offense_lists"]);
        var named = ReadNamedConditions(r, top["conditions"], text, locate);
        var limits = ReadLimits(r, top["limits"]);
        var parts = new PartReader(r, sources, limits);
        var binder = new ConditionBinder(lists, named, diagnostics);
        binder.BindAllNamed();
        var defaults = ReadDefaults(parts, r.Required(top, "defaults"));
        var openQuestions = r.List(top["open_questions"]).Select(r.Text).OfType<string>().ToList();
        var rules = ReadRules(parts, binder, r.Required(top, "rules"), text, locate);
        binder.CheckUnusedNamed();
        CheckCycles(r, rules);
        if (diagnostics.Count > 0)
        {
            throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)]);
        }

        return new Policy(id!, title!, jurisdiction!, from, until, summary, [.. sources.Values], defaults!, rules, openQuestions, root.Span)
        {
            Family = family,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex IdPattern();

    private static string? CheckId(FieldReader r, YamlNode? node, string what)
    {
        var id = r.Text(node);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            r.Report(node!.Span, node.Path, $"{what} id `{id}` must be lowercase letters, digits and dashes (at most 80)", PolicyDiagnosticCodes.Identity);
            return null;
        }

        return id;
    }

    private static (LegalDate? From, LegalDate? Until) ReadEffective(FieldReader r, YamlNode? node)
    {
        var m = r.Mapping(node, ["from", "until"]);
        if (m is null)
        {
            return (null, null);
        }

        LegalDate? Read(string key)
        {
            var scalar = r.Scalar(m[key], "a date");
            if (scalar is null)
            {
                return null;
            }

            if (LegalDate.TryParse(scalar.Value, out var date))
            {
                return date;
            }

            r.Report(scalar.Span, scalar.Path, $"`{scalar.Value}` is not a date: write `YYYY`, `YYYY-MM` or `YYYY-MM-DD`");
            return null;
        }

        var (from, until) = (Read("from"), Read("until"));
        if (from is { } f && until is { } u && u.Latest < f.Earliest)
        {
            r.Report(m["until"]!.Span, m.PathOf("until"), $"the policy ends ({u}) before it starts ({f})");
        }

        return (from, until);
    }

    private static Dictionary<string, Source> ReadSources(FieldReader r, YamlNode? node)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var item in r.List(node))
        {
            var m = r.Mapping(item, ["id", "title", "url", "citation"]);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a source (id, title, url or citation)");
                continue;
            }

            var id = CheckId(r, r.Required(m, "id"), "source");
            var title = r.Text(r.Required(m, "title"));
            var url = m["url"] is { } u ? r.Text(u) : null;
            var citation = m["citation"] is { } c ? r.Text(c) : null;
            if (url is null && citation is null)
            {
                r.Report(m.Node.Span, item.Path, "a source needs a `url` or a `citation` so readers can find it", PolicyDiagnosticCodes.Completeness);
            }

            if (id is not null && title is not null && !sources.TryAdd(id, new Source(id, title, url, citation)))
            {
                r.Report(m["id"]!.Span, m.PathOf("id"), $"source id `{id}` is used twice", PolicyDiagnosticCodes.Identity);
            }
        }

        return sources;
    }

    private static Dictionary<string, IReadOnlySet<OffenseCategory>> ReadOffenseLists(FieldReader r, YamlNode? node)
    {
        var lists = new Dictionary<string, IReadOnlySet<OffenseCategory>>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(r, node))
        {
            var categories = r.List(value).Select(r.Word<OffenseCategory>).OfType<OffenseCategory>().ToHashSet();
            lists[key.Value] = categories;
        }

        return lists;
    }

    private static Dictionary<string, ConditionText> ReadNamedConditions(FieldReader r, YamlNode? node, string text, Func<int, SourceSpan> locate)
    {
        var named = new Dictionary<string, ConditionText>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(r, node))
        {
            if (r.Scalar(value, "a condition") is { } scalar)
            {
                named[key.Value] = new ConditionText(scalar.Value, value.Path, ScalarPositions.For(scalar, text, locate));
            }
        }

        return named;
    }

    private static Dictionary<string, HoldLimit> ReadLimits(FieldReader r, YamlNode? node)
    {
        var limits = new Dictionary<string, HoldLimit>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(r, node))
        {
            var m = r.Mapping(value, ["hours", "exclude", "description"]);
            if (m is null)
            {
                r.Report(value.Span, value.Path, "expected a limit (hours, exclude, description)");
                continue;
            }

            var hours = r.Integer(m["hours"], 0, 24 * 365);
            var exclusions = r.List(m["exclude"]).Select(n => (Node: n, Text: r.Text(n))).ToList();
            foreach (var (n, word) in exclusions.Where(e => e.Text is not null and not ("weekends" or "federal_holidays")))
            {
                r.Report(n.Span, n.Path, $"`{word}` cannot be excluded{Suggestion.Hint(word!, ["weekends", "federal_holidays"])}; expected `weekends` or `federal_holidays`");
            }

            var description = m["description"] is { } d ? r.Text(d) : null;
            if (m["hours"] is null && description is null)
            {
                r.Report(m.Node.Span, value.Path, "a limit needs `hours`, or a `description` when no fixed number of hours applies", PolicyDiagnosticCodes.Completeness);
            }

            limits[key.Value] = new HoldLimit(key.Value, hours, exclusions.Any(e => e.Text == "weekends"), exclusions.Any(e => e.Text == "federal_holidays"), description);
        }

        return limits;
    }

    private static Dictionary<DecisionKind, DefaultDecision>? ReadDefaults(PartReader parts, YamlNode? node)
    {
        var r = parts.Reader;
        var m = r.Mapping(node, Vocabulary.Words<DecisionKind>());
        if (m is null)
        {
            return null;
        }

        var defaults = new Dictionary<DecisionKind, DefaultDecision>();
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var word = Vocabulary.Word(kind);
            if (m[word] is not { } value)
            {
                r.Report(m.Node.Span, m.PathOf(word), $"no default for decision `{word}`: every decision needs one (`unknown` when the sources are silent)", PolicyDiagnosticCodes.Completeness);
                continue;
            }

            if (parts.ReadDefault(kind, value) is { } d)
            {
                defaults[kind] = d;
            }
        }

        return defaults;
    }

    private static List<PolicyRule> ReadRules(PartReader parts, ConditionBinder binder, YamlNode? node, string text, Func<int, SourceSpan> locate)
    {
        var r = parts.Reader;
        var rules = new List<PolicyRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in r.List(node))
        {
            var m = r.Mapping(item, RuleKeys);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a rule (id, when, then, because, cite)");
                continue;
            }

            var id = CheckId(r, r.Required(m, "id"), "rule");
            if (id is not null && !ids.Add(id))
            {
                r.Report(m["id"]!.Span, m.PathOf("id"), $"rule id `{id}` is used twice", PolicyDiagnosticCodes.Identity);
            }

            var whenScalar = r.Scalar(r.Required(m, "when"), "a condition");
            var when = whenScalar is null ? null : binder.Bind(new ConditionText(whenScalar.Value, whenScalar.Path, ScalarPositions.For(whenScalar, text, locate)));
            var then = parts.ReadEffects(r.Required(m, "then"));
            var priority = m["priority"] is { } p ? r.Integer(p, -1_000_000, 1_000_000) : 0;
            var because = r.Text(r.Required(m, "because"));
            var cites = parts.ReadCites(r.Required(m, "cite"));
            if (id is not null && when is not null && then is not null && priority is not null && because is not null && cites is not null)
            {
                rules.Add(new PolicyRule(id, when, whenScalar!.Value, then, priority.Value, because, cites, m.Node.Span));
            }
        }

        return rules;
    }

    private static void CheckCycles(FieldReader r, List<PolicyRule> rules)
    {
        var strata = RuleStrata.Compute(rules);
        if (strata.Cycle.Count > 0)
        {
            var first = rules.First(rule => strata.Cycle.Contains("rule " + rule.Id));
            r.Report(first.Span, "rules", $"rules read and set decisions in a cycle: {string.Join(" -> ", strata.Cycle)}", PolicyDiagnosticCodes.Cycle);
        }
    }

    private static IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(FieldReader r, YamlNode? node)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            yield break;
        }

        if (node is not YamlMapping mapping)
        {
            r.Report(node.Span, node.Path, $"expected a mapping of names to definitions, found {node.Kind}");
            yield break;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (!IdPattern().IsMatch(key.Value.Replace('_', '-')))
            {
                r.Report(key.Span, value.Path, $"name `{key.Value}` must be lowercase letters, digits, `_` and `-`", PolicyDiagnosticCodes.Identity);
                continue;
            }

            yield return (key, value);
        }
    }
}
