using DetainerRules.Model.Decisions;

namespace DetainerRules.Model.Expectations;

/// <summary>What a test expects of one decision; details left out are not checked.</summary>
public sealed record ExpectedDecision(DecisionKind Kind, Modality Value, IReadOnlyList<NotificationPoint>? At, DateTimeOffset? HoldUntil, bool HoldUntilGiven);
