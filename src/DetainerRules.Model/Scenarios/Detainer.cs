namespace DetainerRules.Model.Scenarios;

/// <summary>An ICE request lodged with the agency for this person.</summary>
public sealed record Detainer(DetainerForm Form, WarrantKind Warrant, DateTimeOffset? ReceivedAt);
