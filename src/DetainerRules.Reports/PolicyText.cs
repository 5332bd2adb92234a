using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>Writes a policy as it takes effect, with every part's origin in its chain of variants.</summary>
public static class PolicyText
{
    public static void Write(TextWriter w, Policy p)
    {
        w.WriteLine($"Policy {p.Id}: {p.Title}");
        w.WriteLine($"  Jurisdiction: {p.Jurisdiction}");
        w.WriteLine($"  In force: {p.EffectiveFrom?.ToString() ?? "(start not given)"} to {p.EffectiveUntil?.ToString() ?? "now"}");
        w.WriteLine($"  Days judged in: {p.Time.Name ?? "each time's written offset (no time zone named)"}");
        w.WriteLine($"  Verified: {Verification(p)}");
        if (p.Family is { } family)
        {
            w.WriteLine($"  Family: {family}");
        }

        if (p.Lineage.Count > 1)
        {
            w.WriteLine($"  Built from: {string.Join(" -> ", p.Lineage)}");
            foreach (var id in p.Lineage.Where(p.Amendments.ContainsKey))
            {
                w.WriteLine($"    {id}: {p.Amendments[id]}");
            }
        }

        Section(w, "Sources", p.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s =>
            $"{s.Id}: {s.Title}{(s.Citation is { } c ? $" ({c})" : string.Empty)}{(s.Url is { } u ? $" <{u}>" : string.Empty)}{From(p, "sources", s.Id)}"));
        Section(w, "Offense lists", p.OffenseLists.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
            $"{l.Key}: {string.Join(", ", l.Value.Categories.Order().Select(c => Vocabulary.Word(c)))}{From(p, "offense_lists", l.Key)}"));
        Section(w, "Conditions", p.NamedConditions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.Key}: {OneLine(c.Value)}{From(p, "conditions", c.Key)}"));
        Section(w, "Limits", p.Limits.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
            $"{l.Key}: {l.Value.Text}{From(p, "limits", l.Key)}"));
        w.WriteLine("Defaults:");
        foreach (var (kind, fallback) in p.Defaults.OrderBy(d => d.Key))
        {
            w.WriteLine($"  {Vocabulary.Word(kind)}: {Vocabulary.Word(fallback.Effect.Value)}, because {fallback.Because}{From(p, "defaults", Vocabulary.Word(kind))}");
            WriteCites(w, fallback.Cites);
        }

        w.WriteLine("Rules:");
        foreach (var rule in p.Rules)
        {
            w.WriteLine($"  {rule.Id} (priority {rule.Priority}) [from {rule.Origin ?? p.Id}, {rule.Span}]");
            w.WriteLine($"    when: {OneLine(rule.WhenText)}");
            w.WriteLine($"    then: {string.Join("; ", rule.Then.Select(Effect))}");
            w.WriteLine($"    because: {rule.Because}");
            WriteCites(w, rule.Cites);
        }

        Section(w, "Open questions", p.OpenQuestions);
    }

    /// <summary>How many rules and answering defaults stand at each verification level, e.g. <c>5 primary, 2 judgement (6 rules, 1 default)</c>.</summary>
    public static string Verification(Policy p)
    {
        var defaults = AnsweringDefaults(p);
        var what = string.Join(", ", new[] { Count(p.Rules.Count, "rule"), Count(defaults, "default") }.Where(c => c.Length > 0));
        return string.Join(", ", AnswersByLevel(p).Where(l => l.Answers > 0).Select(l => $"{l.Answers} {Vocabulary.Word(l.Level)}"))
            is { Length: > 0 } counts ? $"{counts} ({what})" : "no rules, and no default that answers";
    }

    /// <summary>Every verification level, strongest first, with how many of the policy's rules and answering defaults stand at it (<see cref="Support.OfAnswers"/>).</summary>
    public static IEnumerable<(Model.Policies.Verification Level, int Answers)> AnswersByLevel(Policy p)
    {
        var levels = Support.OfAnswers(p).ToList();
        return Enum.GetValues<Model.Policies.Verification>().Select(level => (level, levels.Count(l => l == level)));
    }

    /// <summary>How many of the policy's defaults give an answer other than <c>unknown</c>.</summary>
    public static int AnsweringDefaults(Policy p) => p.Defaults.Values.Count(d => d.Answers);

    private static string Count(int n, string noun) => n switch
    {
        0 => string.Empty,
        1 => $"1 {noun}",
        _ => $"{n} {noun}s",
    };

    private static void WriteCites(TextWriter w, IReadOnlyList<Citation> cites)
    {
        foreach (var cite in cites)
        {
            w.WriteLine($"    cite: {CitationText.Heading(cite)}");
            foreach (var line in CitationText.Details(cite))
            {
                w.WriteLine($"      {line}");
            }
        }
    }

    private static void Section(TextWriter w, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        w.WriteLine($"{title}:");
        foreach (var line in items)
        {
            w.WriteLine($"  {line}");
        }
    }

    private static string From(Policy p, string section, string name) =>
        p.Lineage.Count > 1 && p.Origins.TryGetValue($"{section}:{name}", out var origin) ? $" [from {origin}]" : string.Empty;

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    /// <summary>What a rule or default sets, e.g. <c>delay_release = required (limit clock48: 48 hours)</c>.</summary>
    public static string Effect(DecisionEffect e)
    {
        var text = $"{Vocabulary.Word(e.Decision)} = {Vocabulary.Word(e.Value)}";
        if (e.At.Count > 0)
        {
            text += $" at {string.Join(" and ", e.At.Select(p => Vocabulary.Word(p)))}";
        }

        return e.Limit is { } limit ? $"{text} (limit {limit.Name}: {limit.Text})" : text;
    }
}
