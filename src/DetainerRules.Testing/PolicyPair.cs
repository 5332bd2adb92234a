using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Testing;

/// <summary>Two policies to compare; pick what to compare with <see cref="On(DecisionKind)"/> or <see cref="OnOutcome"/>.</summary>
public sealed class PolicyPair(PolicyUnderTest first, PolicyUnderTest second)
{
    public PolicyUnderTest First { get; } = first;

    public PolicyUnderTest Second { get; } = second;

    public DecisionComparison On(DecisionKind decision) => new(this, Subject.Of(decision), Space.All);

    public DecisionComparison OnOutcome() => new(this, Subject.Outcome, Space.All);

    public override string ToString() => $"{First} and {Second}";
}

/// <summary>Two policies' answers to one decision (or the outcome) over a space of cases: the actual value for <see cref="Answers"/> constraints.</summary>
public sealed class DecisionComparison(PolicyPair pair, Subject subject, Space space)
{
    public PolicyPair Pair { get; } = pair;

    public Subject Subject { get; } = subject;

    public Space Space { get; } = space;

    /// <summary>The same comparison over part of the space.</summary>
    public DecisionComparison Over(Space narrower) => new(Pair, Subject, narrower);

    /// <summary>Runs the comparison: every case of the space, both policies.</summary>
    internal SubjectComparison Run()
    {
        IReadOnlyList<(string, Engine.IPolicyEvaluator)> policies = [(Pair.First.Policy.Id, Pair.First.Evaluator), (Pair.Second.Policy.Id, Pair.Second.Evaluator)];
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)], [Subject], Space.Filter);
        return PolicyComparer.OverSpace(policies, space, [Subject]).Subjects.Single();
    }

    internal ScenarioSpace SpaceFor() => ScenarioSpace.For([Pair.First.Evaluator, Pair.Second.Evaluator], [Subject], Space.Filter);

    public override string ToString() => $"{Pair.First} and {Pair.Second} on {Subject}, over {Space}";
}
