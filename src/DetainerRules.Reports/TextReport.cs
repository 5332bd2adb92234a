using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>Writes a verdict as sentences a reader can follow: the outcome, then each decision with its rules and sources.</summary>
public static class TextReport
{
    /// <param name="explanations">With <c>--explain</c>: each decision's rules with their conditions traced on the scenario.</param>
    /// <param name="flips">With <c>--what-flips</c>: for each subject, the smallest changes to the scenario that change its answer.</param>
    public static void Write(TextWriter w, Verdict verdict, IReadOnlyDictionary<DecisionKind, DecisionExplanation>? explanations = null, IReadOnlyDictionary<Subject, IReadOnlyList<Flip>>? flips = null)
    {
        var policy = verdict.Policy;
        var scenario = verdict.Scenario;
        w.WriteLine($"Policy {policy.Id}: {policy.Title}");
        w.WriteLine($"  {policy.Jurisdiction}; in force {policy.EffectiveFrom?.ToString() ?? "(start not given)"} to {policy.EffectiveUntil?.ToString() ?? "now"}");
        if (!policy.MayBeInForceAt(scenario.BookedAt))
        {
            var family = policy.Family is { } f ? $"; name the family (`{f}`) for the version in force that day" : string.Empty;
            w.WriteLine($"  Not in force on this booking's day ({policy.Time.DayOf(scenario.BookedAt):yyyy-MM-dd}): the answers are what this version would decide, not the law of that day{family}.");
        }

        WriteFiles(w, policy, "  ");
        w.WriteLine($"Scenario {scenario.Id}" + (scenario.Description is { } d ? $": {d.Trim()}" : string.Empty));
        w.WriteLine();
        w.WriteLine($"Outcome: the person is {Phrases.Outcome(verdict.Outcome)}.");
        w.WriteLine($"  Why: {verdict.Outcome.Reason}.");
        WriteFlips(w, flips?.GetValueOrDefault(Subject.Outcome));
        w.WriteLine();
        if (verdict.Policy.BoundBy.Count > 0)
        {
            w.WriteLine($"Bound by: {string.Join(", ", verdict.Policy.BoundBy)}. Their forbidden and required answers prevail; where they leave a choice, this policy's answer stands.");
            foreach (var authority in verdict.AuthorityVerdicts)
            {
                w.WriteLine($"  {authority.Policy.Id}:");
                if (authority.Policy.Absent is { } absent)
                {
                    w.WriteLine($"    Binds nothing here: {absent}.");
                }

                WriteFiles(w, authority.Policy, "    ");
            }

            w.WriteLine();
        }

        foreach (var decision in verdict.Decisions)
        {
            WriteDecision(w, verdict, decision, explanations?.GetValueOrDefault(decision.Kind), flips?.GetValueOrDefault(Subject.Of(decision.Kind)));
        }

        w.WriteLine("Rules fired, in order: " + (verdict.Fired.Count == 0 ? "none" : string.Join(", ", verdict.Fired.Select(r => r.Id))));
    }

    private static void WriteDecision(TextWriter w, Verdict verdict, Decision decision, DecisionExplanation? explanation, IReadOnlyList<Flip>? flips)
    {
        var policy = verdict.Policy;
        var holdUntil = verdict.HoldUntil;
        var value = Model.Vocabulary.Word(decision.Value);
        w.WriteLine($"{Phrases.Title(decision.Kind)} [{value}]: {Phrases.Sentence(decision, holdUntil)}.");
        if (decision.IsConflict)
        {
            // Rules that agree on the value can still disagree on the hold limit; then the limits are what differs.
            var onLimit = decision.Conflict.Select(c => c.Effect.Value).Distinct().Count() == 1;
            w.WriteLine($"  CONFLICT: rules of equal priority disagree{(onLimit ? " on the hold limit" : string.Empty)}, so the policy gives no answer:");
            foreach (var claim in decision.Conflict)
            {
                w.WriteLine($"    rule {claim.Rule.Id} (priority {claim.Rule.Priority}) says {Claimed(claim.Effect)}: {claim.Rule.Because}");
                WriteTrace(w, explanation?.Conflict.FirstOrDefault(t => t.Rule == claim.Rule), "      ");
            }
        }
        else if (decision.Default is { } fallback)
        {
            w.WriteLine($"  No rule applies; the policy's default: {fallback.Because}");
        }
        else
        {
            foreach (var claim in decision.Deciding)
            {
                w.WriteLine($"  {value[..1].ToUpperInvariant()}{value[1..]} by rule {claim.Rule.Id}: {claim.Rule.Because}");
                WriteTrace(w, explanation?.Deciding.FirstOrDefault(t => t.Rule == claim.Rule), "    ");
                if (policy.AmendmentFor(claim.Rule) is { } amendment)
                {
                    w.WriteLine($"  The rule comes from {claim.Rule.Origin}: {amendment}");
                }
            }
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cite in decision.Cites)
        {
            if (explanation is null)
            {
                // Each source with its level, so a judgement of ours never reads as the source's words;
                // a passage cited twice at one level (two quotes of it) is listed once.
                var heading = CitationText.Heading(cite);
                if (listed.Add(heading))
                {
                    w.WriteLine($"  Source: {heading}");
                }

                continue;
            }

            // Explained: each source with its verification and the words the answer rests on.
            w.WriteLine($"  Source: {CitationText.Heading(cite)}");
            foreach (var line in CitationText.Details(cite))
            {
                w.WriteLine($"    {line}");
            }
        }

        foreach (var lost in decision.Overridden)
        {
            var winners = string.Join(", ", decision.Deciding.Concat(decision.Conflict).Select(a => $"{a.Rule.Id} (priority {a.Rule.Priority})"));
            w.WriteLine($"  Overridden: rule {lost.Rule.Id} (priority {lost.Rule.Priority}) said {Claimed(lost.Effect)}; it lost to {winners}");
            WriteTrace(w, explanation?.Overridden.FirstOrDefault(t => t.Rule == lost.Rule), "    ");
        }

        if (verdict.Layers.TryGetValue(decision.Kind, out var layer) && layer != policy.Id)
        {
            w.WriteLine($"  This answer is {layer}'s, which prevails over {policy.Id}.");
        }

        foreach (var d in verdict.Disagreements.Where(d => d.Decision == decision.Kind))
        {
            w.WriteLine($"  Layers disagree: {d.Policy} says {Model.Vocabulary.Word(d.PolicyValue)}, {d.Authority} says {Model.Vocabulary.Word(d.AuthorityValue)}; in force: {Model.Vocabulary.Word(d.Effective)}.");
        }

        WriteFlips(w, flips);
        w.WriteLine();
    }

    /// <summary>What a rule claims: the value, and the hold limit by name and in words when it sets one.</summary>
    private static string Claimed(DecisionEffect effect) =>
        Model.Vocabulary.Word(effect.Value) + (effect.Limit is { } limit ? $" with limit {limit.Name} ({limit.Text})" : string.Empty);

    /// <summary>The file the policy was read from, and the bases it is built on, so a reader knows which file gave the answers.</summary>
    private static void WriteFiles(TextWriter w, Model.Policies.Policy policy, string indent)
    {
        if (policy.Files.Count == 0)
        {
            return;
        }

        w.WriteLine($"{indent}File: {policy.Files[^1].Path}");
        if (policy.Files.Count > 1)
        {
            w.WriteLine($"{indent}Built on: {string.Join(" -> ", policy.Files.Take(policy.Files.Count - 1).Select(f => f.Path))}");
        }
    }

    private static void WriteFlips(TextWriter w, IReadOnlyList<Flip>? flips)
    {
        if (flips is null)
        {
            return;
        }

        if (flips.Count == 0)
        {
            w.WriteLine($"  {FlipText.Heading}: {FlipText.Nothing}");
            return;
        }

        w.WriteLine($"  {FlipText.Heading}:");
        foreach (var flip in flips)
        {
            w.WriteLine($"    - {FlipText.Of(flip)}");
        }
    }

    /// <summary>A rule's condition, part by part, with what held and the scenario's values.</summary>
    private static void WriteTrace(TextWriter w, RuleTrace? trace, string indent)
    {
        if (trace is null)
        {
            return;
        }

        w.WriteLine($"{indent}when ({trace.Policy}): {trace.Rule.WhenText.Trim()}");
        WriteNode(w, trace.When, indent + "  ");
    }

    /// <summary>A traced condition, one part a line, indented by depth.</summary>
    internal static void WriteNode(TextWriter w, TraceNode node, string indent)
    {
        var values = node.Values is null ? string.Empty : $"  [{node.Values}]";
        w.WriteLine($"{indent}{(node.Holds ? "holds" : "fails")}: {node.Condition}{values}");
        foreach (var part in node.Parts)
        {
            WriteNode(w, part, indent + "  ");
        }
    }
}
