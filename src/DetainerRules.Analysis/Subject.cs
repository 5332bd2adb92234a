using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis;

/// <summary>What a comparison compares: one decision, or the outcome derived from the decisions.</summary>
public sealed record Subject
{
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
    public Answer AnswerFrom(IPolicyEvaluator policy, Scenario scenario) =>
        Decision is { } kind ? Answer.Of(policy.Decide(scenario, kind)) : Answer.Of(policy.DecideOutcome(scenario));

    public override string ToString() => Name;
}
