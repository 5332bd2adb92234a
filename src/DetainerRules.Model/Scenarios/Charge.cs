namespace DetainerRules.Model.Scenarios;

/// <summary>An offense the person is charged with in the current arrest.</summary>
public sealed record Charge(string Offense, string? Statute, OffenseLevel Level, OffenseCategory Category) : IOffense
{
    public IOffense With(string offense, string? statute, OffenseLevel level, OffenseCategory category) =>
        new Charge(offense, statute, level, category);
}
