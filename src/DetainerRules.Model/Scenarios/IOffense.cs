namespace DetainerRules.Model.Scenarios;

/// <summary>What a charge and a prior conviction both say about an offense: what a condition inside <c>charge(...)</c> or <c>conviction(...)</c> reads.</summary>
public interface IOffense
{
    /// <summary>The offense as written.</summary>
    string Offense { get; }

    string? Statute { get; }

    OffenseLevel Level { get; }

    OffenseCategory Category { get; }

    /// <summary>The same charge or conviction with these four facts instead of its own.</summary>
    IOffense With(string offense, string? statute, OffenseLevel level, OffenseCategory category);
}
