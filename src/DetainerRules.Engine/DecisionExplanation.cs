using DetainerRules.Model.Decisions;

namespace DetainerRules.Engine;

/// <summary>Why a decision came out as it did: the rules that decided, those that fired and lost, and those that conflicted, each traced.</summary>
public sealed record DecisionExplanation(IReadOnlyList<RuleTrace> Deciding, IReadOnlyList<RuleTrace> Overridden, IReadOnlyList<RuleTrace> Conflict)
{
    /// <summary>Every decision of a verdict, explained.</summary>
    public static IReadOnlyDictionary<DecisionKind, DecisionExplanation> Of(Verdict verdict, ConditionTracer tracer)
    {
        var explanations = new Dictionary<DecisionKind, DecisionExplanation>();
        foreach (var decision in verdict.Decisions)
        {
            List<RuleTrace> Traces(IEnumerable<Assertion> assertions) => [.. assertions.Select(a => Trace(verdict, a, tracer))];
            explanations[decision.Kind] = new DecisionExplanation(Traces(decision.Deciding), Traces(decision.Overridden), Traces(decision.Conflict));
        }

        return explanations;
    }

    /// <summary>Traces a rule against the decisions of the policy it belongs to, the composed policy's own or an authority's.</summary>
    private static RuleTrace Trace(Verdict verdict, Assertion assertion, ConditionTracer tracer)
    {
        var owner = Owner(verdict, assertion) ?? verdict.Own;
        var decisions = new Modality[Enum.GetValues<DecisionKind>().Length];
        foreach (var d in owner.Decisions)
        {
            decisions[(int)d.Kind] = d.Value;
        }

        return new RuleTrace(owner.Policy.Id, assertion.Rule, assertion.Effect, tracer.Trace(assertion.Rule.When, owner.Scenario, decisions));
    }

    private static Verdict? Owner(Verdict verdict, Assertion assertion)
    {
        if (verdict.Own.Policy.Rules.Contains(assertion.Rule))
        {
            return verdict.Own;
        }

        return verdict.AuthorityVerdicts.Select(a => Owner(a, assertion)).FirstOrDefault(o => o is not null);
    }
}
