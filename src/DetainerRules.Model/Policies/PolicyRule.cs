using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Policies;

/// <summary>One rule of a policy: when a condition holds, it sets decisions, for a stated reason and source.</summary>
/// <param name="Priority">Higher wins when rules disagree about a decision; it never affects firing order.</param>
/// <param name="WhenText">The condition as the analyst wrote it, for explanations.</param>
public sealed record PolicyRule(
    string Id,
    Condition When,
    string WhenText,
    IReadOnlyList<DecisionEffect> Then,
    int Priority,
    string Because,
    IReadOnlyList<Citation> Cites,
    SourceSpan Span)
{
    /// <summary>The policy in a chain of variants that added this rule or last replaced it.</summary>
    public string? Origin { get; init; }

    /// <summary>How well the rule's citations support it.</summary>
    public Verification Verified => Support.Of(Cites);
}
