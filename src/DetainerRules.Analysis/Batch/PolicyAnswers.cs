using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Batch;

/// <summary>One policy's answers for one batch record: every decision, the outcome, and when a hold would end.</summary>
/// <param name="Decisions">Indexed by <see cref="DecisionKind"/>.</param>
/// <param name="HoldUntil">The latest a hold may last under <c>delay_release</c> (as <c>decisions.delay_release.hold_until</c> in the evaluate contract); null when no hold applies or it has no fixed end.</param>
public sealed record PolicyAnswers(Decision[] Decisions, Outcome Outcome, DateTimeOffset? HoldUntil);
