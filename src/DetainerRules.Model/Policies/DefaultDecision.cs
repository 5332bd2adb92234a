using DetainerRules.Model.Decisions;

namespace DetainerRules.Model.Policies;

/// <summary>A policy's answer to a decision when none of its rules speaks to it.</summary>
public sealed record DefaultDecision(DecisionEffect Effect, string Because, IReadOnlyList<Citation> Cites)
{
    /// <summary>How well the default's citations support it; unstated for an <c>unknown</c> that cites nothing.</summary>
    public Verification Verified => Support.Of(Cites);

    /// <summary>Whether the default gives an answer (anything but <c>unknown</c>): then it states the law as a rule does, and is counted and checked as one.</summary>
    public bool Answers => Effect.Value != Modality.Unknown;
}
