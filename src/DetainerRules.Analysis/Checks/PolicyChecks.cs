using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Analysis.Checks;

/// <summary>Checks a policy over every case of its scenario space for rules that can never matter and rules that contradict each other.</summary>
/// <remarks>
/// The policy's own rules are checked (higher authorities are policies of their own). Each finding
/// is a warning at the rule's position: the file is valid, but probably not what its author meant.
/// </remarks>
public static class PolicyChecks
{
    /// <summary>Cases checked at most; a larger space is reported rather than checked.</summary>
    public const long MaxCases = 500_000;

    /// <param name="strict">
    /// Also warn about decisions that are <c>unknown</c> in every case (no rule sets them and the
    /// default is <c>unknown</c>), and about rules and defaults whose citations stand below
    /// <c>primary</c>; often deliberate, so off by default.
    /// </param>
    public static IReadOnlyList<Diagnostic> Check(IPolicyEvaluator policy, bool strict) =>
        [.. Space(policy, strict), .. StaleReasons.Check(policy.Policy), .. strict ? Verification(policy.Policy) : []];

    /// <summary>A warning for each rule, and each default other than <c>unknown</c>, not verified in the provision's own text.</summary>
    public static IReadOnlyList<Diagnostic> Verification(Policy policy)
    {
        static string Level(Verification v) => v == Model.Policies.Verification.Unstated ? "does not say how its citations were verified" : $"rests on `{Vocabulary.Word(v)}` citations";
        var findings = policy.Rules
            .Where(r => r.Verified != Model.Policies.Verification.Primary)
            .OrderBy(r => r.Span.Line)
            .Select(r => Diagnostic.Warning(r.Span, DiagnosticCodes.BelowPrimary, "cite", $"rule `{r.Id}` {Level(r.Verified)}, not on the provision's own text (`verified: primary` with `at` and `quote`)"))
            .ToList();
        findings.AddRange(policy.Defaults
            .Where(d => d.Value.Answers && d.Value.Verified != Model.Policies.Verification.Primary)
            .OrderBy(d => d.Key)
            .Select(d => Diagnostic.Warning(policy.Span, DiagnosticCodes.BelowPrimary, "defaults." + Vocabulary.Word(d.Key), $"the default for `{Vocabulary.Word(d.Key)}` {Level(d.Value.Verified)}, not on the provision's own text")));
        return findings;
    }

    private static List<Diagnostic> Space(IPolicyEvaluator policy, bool strict)
    {
        var own = policy.WithoutAuthorities();
        var rules = own.Policy.Rules;
        ScenarioSpace space;
        try
        {
            space = ScenarioSpace.For([own]);
        }
        catch (SpaceTooLargeException e)
        {
            return [Diagnostic.Warning(own.Policy.Span, DiagnosticCodes.TooLarge, "rules", $"{e.Message}: rules that never fire or conflict were not looked for")];
        }

        if (space.Size > MaxCases)
        {
            return [Diagnostic.Warning(own.Policy.Span, DiagnosticCodes.TooLarge, "rules", $"the policy spans {space.Size} cases, more than {MaxCases}: rules that never fire or conflict were not looked for")];
        }

        var fired = new HashSet<PolicyRule>();
        var deciding = new HashSet<PolicyRule>();
        var conflicts = new Dictionary<(DecisionKind, string), (int Count, int[] Example, IReadOnlyList<PolicyRule> Rules)>();
        var everDecided = new HashSet<DecisionKind>();
        foreach (var point in space.Points())
        {
            var verdict = own.Evaluate(space.Build(point, "check"));
            fired.UnionWith(verdict.Fired);
            foreach (var decision in verdict.Decisions)
            {
                deciding.UnionWith(decision.Deciding.Concat(decision.Conflict).Select(a => a.Rule));
                if (decision.Value != Modality.Unknown || decision.Default is null)
                {
                    everDecided.Add(decision.Kind);
                }

                if (decision.IsConflict)
                {
                    var involved = decision.Conflict.Select(a => a.Rule).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
                    var key = (decision.Kind, string.Join(",", involved.Select(r => r.Id)));
                    conflicts[key] = conflicts.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (1, point, involved);
                }
            }
        }

        var findings = new List<Diagnostic>();
        foreach (var rule in rules.OrderBy(r => r.Span.Line))
        {
            if (!fired.Contains(rule))
            {
                findings.Add(Diagnostic.Warning(rule.Span, DiagnosticCodes.NeverFires, "when", $"rule `{rule.Id}` never fires: no case of the {space.Size} the policy can tell apart meets `{rule.WhenText.Trim()}`"));
            }
            else if (!deciding.Contains(rule))
            {
                findings.Add(Diagnostic.Warning(rule.Span, DiagnosticCodes.NeverDecides, "priority", $"rule `{rule.Id}` fires but never decides anything: a rule of higher priority always overrides it"));
            }
        }

        foreach (var ((kind, _), (count, example, involved)) in conflicts.OrderBy(c => c.Value.Rules[0].Span.Line))
        {
            var where = space.Describe(example, space.RelevantTo(Subject.Of(kind)));
            findings.Add(Diagnostic.Warning(involved[0].Span, DiagnosticCodes.Conflict, Vocabulary.Word(kind),
                $"rules {string.Join(" and ", involved.Select(r => $"`{r.Id}`"))} (priority {involved[0].Priority}) disagree on `{Vocabulary.Word(kind)}` in {count} of {space.Size} cases, which leaves it unknown; e.g. {(where.Length == 0 ? "every case" : where)}"));
        }

        if (strict)
        {
            foreach (var kind in Enum.GetValues<DecisionKind>().Where(k => !everDecided.Contains(k)))
            {
                findings.Add(Diagnostic.Warning(own.Policy.Span, DiagnosticCodes.NeverDecided, "defaults." + Vocabulary.Word(kind), $"`{Vocabulary.Word(kind)}` is unknown in every case: no rule sets it and its default is `unknown`"));
            }
        }

        return findings;
    }
}
