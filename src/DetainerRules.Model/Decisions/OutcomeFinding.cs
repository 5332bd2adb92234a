namespace DetainerRules.Model.Decisions;

/// <summary>What happens to the person, until when if held, and the reason in words.</summary>
public sealed record OutcomeFinding(Outcome Value, DateTimeOffset? HoldUntil, string Reason);
