using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Batch;

/// <summary>One policy's answers for one batch record: every decision, the outcome, and when a hold would end.</summary>
/// <param name="Decisions">Indexed by <see cref="DecisionKind"/>.</param>
/// <param name="Version">The id of the policy that answered: the family's version in force on the booking day, or the policy itself; for an agency, its layers that day.</param>
/// <param name="HoldUntil">The latest a hold may last under <c>delay_release</c> (as <c>decisions.delay_release.hold_until</c> in the evaluate contract); null when no hold applies or it has no fixed end.</param>
public sealed record PolicyAnswers(string Version, Decision[] Decisions, Outcome Outcome, DateTimeOffset? HoldUntil);
