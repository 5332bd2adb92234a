namespace DetainerRules.Model.Agencies;

/// <summary>Where a roster's agencies and agreements come from, and as of when.</summary>
/// <param name="Snapshot">The copy the roster was built from (a repository's file), when not the publisher's own page.</param>
/// <param name="AsOf">The day the source describes: the date of ICE's list.</param>
public sealed record RosterSource(string Title, string Publisher, string? Url, string? Snapshot, DateOnly AsOf);
