namespace DetainerRules.Model.Scenarios;

/// <summary>An ICE request lodged with the agency.</summary>
/// <remarks>
/// The court and the offense of a judicial warrant are optional facts: null when the scenario does
/// not state them, and only ever stated with a <see cref="WarrantKind.Judicial"/> warrant (the
/// loaders refuse them with any other).
/// </remarks>
public sealed record Detainer(DetainerForm Form, WarrantKind Warrant, DateTimeOffset? ReceivedAt)
{
    /// <summary>The court whose judge signed the warrant; null when not stated.</summary>
    public WarrantCourt? WarrantCourt { get; init; }

    /// <summary>What the warrant is for; null when not stated.</summary>
    public WarrantOffense? WarrantOffense { get; init; }
}
