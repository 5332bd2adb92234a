using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis;

/// <summary>What a comparison compares: one decision, or the outcome derived from the decisions.</summary>
public sealed record Subject
{
    private static readonly int KindCount = Enum.GetValues<DecisionKind>().Length;

    private Subject(DecisionKind? decision) => Decision = decision;

    /// <summary>The decision compared; null for the outcome.</summary>
    public DecisionKind? Decision { get; }

    public static Subject Outcome { get; } = new((DecisionKind?)null);

    /// <summary>Every decision in the model's order, then the outcome.</summary>
    public static IReadOnlyList<Subject> All { get; } = [.. Enum.GetValues<DecisionKind>().Select(Of), Outcome];

    /// <summary>The name files and the command line use: <c>notify_ice</c>, or <c>outcome</c>.</summary>
    public string Name => Decision is { } kind ? Vocabulary.Word(kind) : "outcome";

    public static Subject Of(DecisionKind decision) => new(decision);

    /// <summary>The subject named <paramref name="name"/>, or null.</summary>
    public static Subject? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public Answer AnswerIn(Verdict verdict) => Decision is { } kind ? Answer.Of(verdict[kind]) : Answer.Of(verdict.Outcome);

    /// <summary>The policy's answer on a scenario, asking it for no more than this subject needs.</summary>
    /// <remarks>The delegate twin settles the outcome's decisions without building a verdict (or, for a policy bound by others, its layers' verdicts): the same rules run, in the same order, as <see cref="IPolicyEvaluator.Evaluate"/> runs them.</remarks>
    public Answer AnswerFrom(IPolicyEvaluator policy, Scenario scenario)
    {
        if (Decision is { } kind)
        {
            return Answer.Of(policy.Decide(scenario, kind));
        }

        if (policy is not DelegatePolicy twin)
        {
            return Answer.Of(policy.Evaluate(scenario).Outcome);
        }

        var decisions = new Decision[KindCount];
        twin.Decide(scenario, decisions);
        return Answer.Of(OutcomeRule.Of(
            scenario,
            decisions[(int)DecisionKind.TransferToIce].Value,
            decisions[(int)DecisionKind.DelayRelease].Value,
            decisions[(int)DecisionKind.ReleaseIfIceAbsent].Value));
    }

    public override string ToString() => Name;
}
