namespace DetainerRules.Model.Scenarios;

/// <summary>The custody timeline.</summary>
/// <param name="ReleaseEligibleAt">When the person would be released but for ICE; null when not yet known.</param>
public sealed record Custody(DateTimeOffset? ReleaseEligibleAt);
