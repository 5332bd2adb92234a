namespace DetainerRules.Model.Scenarios;

/// <summary>A prior conviction.</summary>
/// <param name="ReleasedOn">When the person was released from the sentence, for look-backs that run from release.</param>
public sealed record Conviction(
    string Offense,
    string? Statute,
    OffenseLevel Level,
    OffenseCategory Category,
    DateOnly ConvictedOn,
    DateOnly? ReleasedOn) : IOffense
{
    public IOffense With(string offense, string? statute, OffenseLevel level, OffenseCategory category) =>
        this with { Offense = offense, Statute = statute, Level = level, Category = category };
}
