namespace DetainerRules.Model.Scenarios;

/// <summary>An offense the person is charged with in the current arrest.</summary>
public sealed record Charge(string Offense, string? Statute, OffenseLevel Level, OffenseCategory Category);
