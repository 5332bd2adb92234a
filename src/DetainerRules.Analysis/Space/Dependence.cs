using DetainerRules.Engine;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Analysis.Space;

/// <summary>Which conditions can change a subject's answer under a policy.</summary>
/// <remarks>
/// A decision is settled from the rules that set it; those rules may read other decisions, whose
/// setters count too, and so on. A policy bound by higher authorities composes each decision with
/// the authorities' answers to the same decision, so their rules count as well. The outcome reads
/// the transfer, delay and release decisions, whether there is a detainer, and whether ICE is there.
/// </remarks>
public static class Dependence
{
    private static readonly DecisionKind[] OutcomeReads = [DecisionKind.TransferToIce, DecisionKind.DelayRelease, DecisionKind.ReleaseIfIceAbsent];

    private static readonly Condition[] OutcomeFields =
    [
        new FieldTest(Field.DetainerPresent, TestOperator.IsTrue, [], SourceSpan.None),
        new FieldTest(Field.IcePresentAtRelease, TestOperator.IsTrue, [], SourceSpan.None),
    ];

    /// <summary>The conditions of every rule, in the policy or its authorities, that can change the subject's answer.</summary>
    public static IReadOnlyList<Condition> ConditionsFor(IPolicyEvaluator policy, Subject subject)
    {
        var decisions = subject.Decision is { } kind ? [kind] : OutcomeReads;
        var conditions = new List<Condition>();
        Collect(policy, decisions, conditions);
        if (subject.Decision is null)
        {
            conditions.AddRange(OutcomeFields);
        }

        return conditions;
    }

    private static void Collect(IPolicyEvaluator policy, DecisionKind[] decisions, List<Condition> into)
    {
        foreach (var rule in RuleStrata.Cone(policy.Policy.Rules, decisions).Rules)
        {
            into.Add(rule.When);
        }

        foreach (var authority in policy.Authorities)
        {
            Collect(authority, decisions, into);
        }
    }
}
