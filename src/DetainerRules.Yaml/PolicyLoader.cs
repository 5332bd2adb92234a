using System.Text.RegularExpressions;
using DetainerRules.Language;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>Reads a policy file, checks it whole, and type-checks its conditions.</summary>
/// <remarks>Every problem in the file is reported in one pass, each with its position and field.</remarks>
public static partial class PolicyLoader
{
    // The keys come from the format's shapes, which the JSON Schema is written from too.
    private static readonly IReadOnlyList<string> BaseKeys = PolicyFormat.BaseKeys;
    private static readonly IReadOnlyList<string> VariantKeys = PolicyFormat.Top.Keys;
    private static readonly IReadOnlyList<string> RuleKeys = PolicyFormat.Rule.Keys;

    /// <summary>Deepest chain of variants accepted, so a runaway chain fails with a message.</summary>
    public const int MaxChainLength = 32;

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

    /// <summary>Loads a policy that <paramref name="origin"/> names (in <c>bound_by</c>), from the folder <paramref name="origin"/> was loaded from.</summary>
    /// <exception cref="InvalidInputException">No such policy beside it, or the file has problems.</exception>
    public static Policy LoadBeside(Policy origin, string id)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(origin.Span.File)) ?? ".", id + ".yaml");
        return File.Exists(path)
            ? LoadFile(path)
            : throw new InvalidInputException([Diagnostic.Error(origin.Span, PolicyDiagnosticCodes.Reference, "bound_by",
                $"policy `{origin.Id}` is bound by `{id}`, but there is no `{id}.yaml` beside it")]);
    }

    /// <summary>Loads a policy; a variant's <c>extends</c> is looked up beside <paramref name="file"/>.</summary>
    /// <exception cref="InvalidInputException">The text, or a policy it extends, has problems; all of them are listed.</exception>
    public static Policy Load(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var draft = ReadDraft(r, text, file, []);
        var policy = draft is null ? null : Finish(r, draft);
        if (policy is null && diagnostics.Count == 0)
        {
            // Every path that gives up reports why; this only guards against one that forgets.
            diagnostics.Add(Diagnostic.Error(new SourceSpan(file, 1, 1), PolicyDiagnosticCodes.Completeness, string.Empty, "the policy is incomplete"));
        }

        if (diagnostics.Count > 0 || policy is null)
        {
            throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)]);
        }

        return policy;
    }

    private static PolicyDraft? ReadDraft(FieldReader r, string text, string file, List<string> chain)
    {
        var (root, locate) = DocumentReader.Read(file, text);
        var top = r.Mapping(root, VariantKeys)
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, PolicyDiagnosticCodes.Field, string.Empty, $"expected a policy (a mapping with `id`, `rules`, ...), found {root.Kind}")]);
        var id = CheckId(r, r.Required(top, "id"), "policy");
        var isVariant = top["extends"] is not null;
        var draft = isVariant ? ReadBase(r, top, file, chain) : new PolicyDraft();
        if (draft is null)
        {
            return null;
        }

        if (!isVariant)
        {
            foreach (var key in VariantKeys.Except(BaseKeys).Where(k => top[k] is not null))
            {
                r.Report(top[key]!.Span, top.PathOf(key), $"`{key}` is for a variant: add `extends: <policy>` to change another policy", PolicyDiagnosticCodes.Reference);
            }
        }

        // What only a variant may say is reported above for a base policy and otherwise ignored.
        YamlNode? Variant(string key) => isVariant ? top[key] : null;
        var origin = id ?? "?";
        draft.Id = id;
        draft.Span = root.Span;
        draft.Lineage.Add(origin);
        draft.Family = top["family"] is { } familyNode ? CheckId(r, familyNode, "family") : draft.Family;
        if (top["bound_by"] is { } boundBy)
        {
            draft.BoundBy.Clear();
            draft.BoundBy.AddRange(r.List(boundBy).Select(n => CheckId(r, n, "authority")).OfType<string>());
        }
        draft.Title = Inherit(r, top, "title", draft.Title, isVariant);
        draft.Jurisdiction = Inherit(r, top, "jurisdiction", draft.Jurisdiction, isVariant);
        draft.Summary = top["summary"] is { } s ? r.Text(s) : draft.Summary;
        draft.Time = top["time_zone"] is { } zone ? ReadTimeZone(r, zone) ?? draft.Time : draft.Time;
        draft.State = top["state"] is { } state ? ReadState(r, state) : draft.State;
        if (top["effective"] is not null || !isVariant)
        {
            (draft.EffectiveFrom, draft.EffectiveUntil) = ReadEffective(r, top["effective"]);
        }

        if (top["amendment"] is { } amendment && r.Text(amendment) is { } said)
        {
            draft.Amendments[origin] = said;
        }
        else if (isVariant)
        {
            r.Report(top.Node.Span, top.PathOf("amendment"), "a variant must say what it changes in `amendment`", PolicyDiagnosticCodes.Completeness);
        }

        Merge(r, draft, ReadSources(r, isVariant ? top["sources"] : r.Required(top, "sources")), "sources", origin, top, addOnly: true);
        Merge(r, draft, ReadOffenseLists(r, top["offense_lists"]), draft.OffenseLists, "offense_lists", origin, top["offense_lists"], replace: false);
        Merge(r, draft, ReadOffenseLists(r, Variant("replace_offense_lists")), draft.OffenseLists, "offense_lists", origin, Variant("replace_offense_lists"), replace: true);
        Merge(r, draft, ReadNamedConditions(r, top["conditions"], text, locate), draft.Conditions, "conditions", origin, top["conditions"], replace: false);
        Merge(r, draft, ReadNamedConditions(r, Variant("replace_conditions"), text, locate), draft.Conditions, "conditions", origin, Variant("replace_conditions"), replace: true);
        Merge(r, draft, ReadLimits(r, top["limits"]), draft.Limits, "limits", origin, top["limits"], replace: false);
        Merge(r, draft, ReadLimits(r, Variant("replace_limits")), draft.Limits, "limits", origin, Variant("replace_limits"), replace: true);
        ReadDefaultNodes(r, draft, isVariant ? top["defaults"] : r.Required(top, "defaults"), isVariant, origin);
        if (top["open_questions"] is { } questions)
        {
            // A variant restates its open questions: some of its base's are settled by the change.
            draft.OpenQuestions.Clear();
            draft.OpenQuestions.AddRange(r.List(questions).Select(r.Text).OfType<string>());
        }
        MergeRules(r, draft, isVariant ? top["rules"] : r.Required(top, "rules"), Variant("replace_rules"), Variant("remove_rules"), origin, text, locate);
        return draft;
    }

    private static PolicyDraft? ReadBase(FieldReader r, MappingView top, string file, List<string> chain)
    {
        var node = top["extends"]!;
        var name = r.Text(node);
        if (name is null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var path = Path.IsPathRooted(name) || name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(folder, name))
            : Path.Combine(folder, name + ".yaml");
        var here = Path.GetFullPath(file);
        if (chain.Contains(path, StringComparer.Ordinal) || path == here)
        {
            r.Report(node.Span, node.Path, $"`extends` makes a cycle: {string.Join(" -> ", chain.Append(here).Append(path).Select(Path.GetFileNameWithoutExtension))}", PolicyDiagnosticCodes.Cycle);
            return null;
        }

        if (chain.Count >= MaxChainLength)
        {
            r.Report(node.Span, node.Path, $"chain of variants is longer than {MaxChainLength}", PolicyDiagnosticCodes.Cycle);
            return null;
        }

        if (!File.Exists(path))
        {
            var known = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>() : [];
            r.Report(node.Span, node.Path, $"no policy `{name}` to extend beside this file{Suggestion.Hint(name, known)}", PolicyDiagnosticCodes.Reference);
            return null;
        }

        string baseText;
        try
        {
            baseText = InputFile.Read(path);
        }
        catch (InvalidInputException e)
        {
            r.Report(node.Span, node.Path, $"cannot read `{name}`: {string.Join("; ", e.Diagnostics.Select(d => d.Message))}", PolicyDiagnosticCodes.Reference);
            return null;
        }

        return ReadDraft(r, baseText, path, [.. chain, here]);
    }

    private static string? Inherit(FieldReader r, MappingView top, string key, string? inherited, bool isVariant) =>
        top[key] is { } node ? r.Text(node) : isVariant ? inherited : r.Text(r.Required(top, key));

    private static void Merge(FieldReader r, PolicyDraft draft, Dictionary<string, Source> sources, string section, string origin, MappingView top, bool addOnly)
    {
        foreach (var (id, source) in sources)
        {
            if (addOnly && draft.Sources.ContainsKey(id) && draft.Lineage.Count > 1)
            {
                r.Report(top["sources"]!.Span, top.PathOf("sources"), $"source `{id}` is already defined by `{draft.Origins[$"{section}:{id}"]}`: cite it as it is, or give the new source another id", PolicyDiagnosticCodes.Identity);
                continue;
            }

            draft.Sources[id] = source;
            draft.Origins[$"{section}:{id}"] = origin;
        }
    }

    private static void Merge<T>(FieldReader r, PolicyDraft draft, Dictionary<string, T> entries, Dictionary<string, T> into, string section, string origin, YamlNode? node, bool replace)
    {
        foreach (var (name, value) in entries)
        {
            var exists = into.ContainsKey(name);
            if (replace && !exists)
            {
                r.Report(node!.Span, $"{node.Path}.{name}", $"replaces nothing: the base has no {section} entry `{name}`{Suggestion.Hint(name, into.Keys)}", PolicyDiagnosticCodes.Reference);
                continue;
            }

            if (!replace && exists && draft.Lineage.Count > 1)
            {
                r.Report(node!.Span, $"{node.Path}.{name}", $"`{name}` is already defined by `{draft.Origins[$"{section}:{name}"]}`: list it under `replace_{section}` to change it", PolicyDiagnosticCodes.Identity);
                continue;
            }

            into[name] = value;
            draft.Origins[$"{section}:{name}"] = origin;
        }
    }

    private static void ReadDefaultNodes(FieldReader r, PolicyDraft draft, YamlNode? node, bool isVariant, string origin)
    {
        var m = r.Mapping(node, Vocabulary.Words<DecisionKind>());
        if (m is null)
        {
            return;
        }

        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var word = Vocabulary.Word(kind);
            if (m[word] is { } value)
            {
                draft.Defaults[kind] = value;
                draft.Origins[$"defaults:{word}"] = origin;
            }
            else if (!isVariant)
            {
                r.Report(m.Node.Span, m.PathOf(word), $"no default for decision `{word}`: every decision needs one (`unknown` when the sources are silent)", PolicyDiagnosticCodes.Completeness);
            }
        }
    }

    private static void MergeRules(FieldReader r, PolicyDraft draft, YamlNode? added, YamlNode? replaced, YamlNode? removed, string origin, string text, Func<int, SourceSpan> locate)
    {
        var inherited = draft.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in r.List(removed))
        {
            var id = r.Text(item);
            var index = draft.Rules.FindIndex(rule => rule.Id == id);
            if (index < 0)
            {
                r.Report(item.Span, item.Path, $"removes nothing: the base has no rule `{id}`{Suggestion.Hint(id ?? string.Empty, inherited)}", PolicyDiagnosticCodes.Reference);
                continue;
            }

            draft.Rules.RemoveAt(index);
        }

        foreach (var (mapping, maybeId) in RuleNodes(r, replaced))
        {
            if (maybeId is not { } id)
            {
                continue;
            }

            var index = draft.Rules.FindIndex(rule => rule.Id == id);
            if (index < 0)
            {
                r.Report(mapping.Span, mapping.Path, $"replaces nothing: the base has no rule `{id}`{Suggestion.Hint(id, inherited)}", PolicyDiagnosticCodes.Reference);
                continue;
            }

            draft.Rules[index] = new DraftRule(id, mapping, origin, text, locate);
        }

        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mapping, id) in RuleNodes(r, added))
        {
            var rejected = id is null;
            if (id is not null && inherited.Contains(id))
            {
                r.Report(mapping.Span, mapping.Path, $"rule `{id}` already exists in the base: list it under `replace_rules` to change it, or `remove_rules` to drop it", PolicyDiagnosticCodes.Identity);
                rejected = true;
            }
            else if (id is not null && !own.Add(id))
            {
                r.Report(mapping.Span, mapping.Path + ".id", $"rule id `{id}` is used twice", PolicyDiagnosticCodes.Identity);
                rejected = true;
            }

            draft.Rules.Add(new DraftRule(id ?? string.Empty, mapping, origin, text, locate, rejected));
        }
    }

    /// <summary>Each rule mapping with its id; the id is null when missing or malformed (already reported).</summary>
    private static IEnumerable<(YamlMapping Node, string? Id)> RuleNodes(FieldReader r, YamlNode? node)
    {
        foreach (var item in r.List(node))
        {
            if (item is not YamlMapping mapping)
            {
                r.Report(item.Span, item.Path, "expected a rule (id, when, then, because, cite)");
                continue;
            }

            var idNode = mapping.Entries.FirstOrDefault(e => e.Key.Value == "id").Value;
            if (idNode is null)
            {
                r.Report(mapping.Span, mapping.Path + ".id", "required field is missing");
            }

            yield return (mapping, idNode is null ? null : CheckId(r, idNode, "rule"));
        }
    }

    private static Policy? Finish(FieldReader r, PolicyDraft draft)
    {
        if (draft.Rules.Count > InputLimits.MaxRules)
        {
            r.Report(draft.Span, "rules", $"the policy has {draft.Rules.Count} rules; the limit is {InputLimits.MaxRules}", PolicyDiagnosticCodes.Completeness);
            return null;
        }

        var parts = new PartReader(r, draft.Sources, draft.Limits);
        var binder = new ConditionBinder(draft.OffenseLists, draft.Conditions, r.Diagnostics, draft.Time);
        binder.BindAllNamed();
        var defaults = new Dictionary<DecisionKind, DefaultDecision>();
        foreach (var (kind, node) in draft.Defaults)
        {
            if (parts.ReadDefault(kind, node) is { } d)
            {
                defaults[kind] = d;
            }
        }

        var rules = draft.Rules.Select(rule => (Rule: ReadRule(parts, binder, rule), rule.Rejected))
            .Where(x => !x.Rejected).Select(x => x.Rule).OfType<PolicyRule>().ToList();
        binder.CheckUnusedNamed();
        CheckCycles(r, rules);
        if (draft.Id is null || draft.Title is null || draft.Jurisdiction is null || defaults.Count != Enum.GetValues<DecisionKind>().Length)
        {
            return null;
        }

        return new Policy(draft.Id, draft.Title, draft.Jurisdiction, draft.EffectiveFrom, draft.EffectiveUntil, draft.Summary, [.. draft.Sources.Values], defaults, rules, draft.OpenQuestions, draft.Span)
        {
            Family = draft.Family,
            Time = draft.Time,
            State = draft.State,
            BoundBy = draft.BoundBy,
            Lineage = draft.Lineage,
            Amendments = draft.Amendments,
            NamedConditions = draft.Conditions.ToDictionary(c => c.Key, c => c.Value.Text, StringComparer.Ordinal),
            OffenseLists = draft.OffenseLists,
            Limits = draft.Limits,
            Origins = draft.Origins,
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
        var m = r.Mapping(node, PolicyFormat.Effective.Keys);
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

    private static string? ReadState(FieldReader r, YamlNode node)
    {
        if (r.Text(node) is not { } code)
        {
            return null;
        }

        if (UsJurisdictions.Names.ContainsKey(code))
        {
            return code;
        }

        r.Report(node.Span, node.Path, $"unknown state `{code}`{Suggestion.Hint(code, UsJurisdictions.Names.Keys)}: use a postal code such as `NV` or `DC`, or `US` for federal policy");
        return null;
    }

    /// <summary>An IANA zone the bundled time zone database knows; null (reported) otherwise.</summary>
    private static Model.Time.JurisdictionTime? ReadTimeZone(FieldReader r, YamlNode node)
    {
        if (r.Text(node) is not { } id)
        {
            return null;
        }

        if (Model.Time.JurisdictionTime.Find(id) is { } time)
        {
            return time;
        }

        r.Report(node.Span, node.Path, $"unknown time zone `{id}`{Suggestion.Hint(id, Model.Time.JurisdictionTime.ZoneIds)}: name an IANA zone such as `America/Los_Angeles`, or `local` for a policy with no one place (time zone database {Model.Time.JurisdictionTime.DatabaseVersion})");
        return null;
    }

    private static Dictionary<string, Source> ReadSources(FieldReader r, YamlNode? node)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var item in r.List(node))
        {
            var m = r.Mapping(item, PolicyFormat.Source.Keys);
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
            if (value is YamlScalar { IsNull: true } || (value is YamlSequence { Items.Count: 0 }))
            {
                r.Report(value.Span, value.Path, $"offense list `{key.Value}` is empty: list at least one category", PolicyDiagnosticCodes.Completeness);
            }

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
            var m = r.Mapping(value, PolicyFormat.Limit.Keys);
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

    private static PolicyRule? ReadRule(PartReader parts, ConditionBinder binder, DraftRule draft)
    {
        var r = parts.Reader;
        var m = r.Mapping(draft.Node, RuleKeys)!;
        var whenScalar = r.Scalar(r.Required(m, "when"), "a condition");
        var when = whenScalar is null ? null : binder.Bind(new ConditionText(whenScalar.Value, whenScalar.Path, ScalarPositions.For(whenScalar, draft.Text, draft.Locate)));
        var then = parts.ReadEffects(r.Required(m, "then"));
        var priority = m["priority"] is { } p ? r.Integer(p, -1_000_000, 1_000_000) : 0;
        var because = r.Text(r.Required(m, "because"));
        var cites = parts.ReadCites(r.Required(m, "cite"));
        return when is not null && then is not null && priority is not null && because is not null && cites is not null
            ? new PolicyRule(draft.Id, when, whenScalar!.Value, then, priority.Value, because, cites, m.Node.Span) { Origin = draft.Origin }
            : null;
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
