namespace DetainerRules.TestSupport;

/// <summary>Where a generated named condition may be used, by what its body reads.</summary>
internal enum NamedKind
{
    /// <summary>Scenario fields and decisions only: at the top of a condition and inside any quantifier.</summary>
    Anywhere,

    /// <summary>May quantify over charges or convictions: at the top only.</summary>
    Scenario,

    /// <summary>Reads the offense: inside <c>charge(...)</c> or <c>conviction(...)</c>.</summary>
    Offense,

    /// <summary>Reads the conviction's dates (<c>within</c>): inside <c>conviction(...)</c> only.</summary>
    Conviction,
}

/// <summary>A named condition the generator defined, with what it may be used for.</summary>
/// <param name="Order">Its place in the order of definition: a body names only conditions defined before it, so replacing one never makes a cycle.</param>
/// <param name="ReadBound">The highest decision tier its body may read, -1 for none; a replacement keeps it, so every rule using the name stays after the decisions it reads.</param>
internal sealed record NamedCondition(string Name, NamedKind Kind, int Order, int ReadBound)
{
    /// <summary>Whether the name may be used in <paramref name="place"/>.</summary>
    public bool FitsIn(ConditionPlace place) => (Kind, place) switch
    {
        (NamedKind.Anywhere, _) => true,
        (NamedKind.Scenario, ConditionPlace.Scenario) => true,
        (NamedKind.Offense, ConditionPlace.Charge or ConditionPlace.Conviction) => true,
        (NamedKind.Conviction, ConditionPlace.Conviction) => true,
        (NamedKind.Scenario or NamedKind.Offense or NamedKind.Conviction, _) => false,
        _ => throw new ArgumentOutOfRangeException(nameof(place), $"no rule for {Kind} in {place}"),
    };

    /// <summary>Where the generator writes a body of this kind.</summary>
    public ConditionPlace Place => Kind switch
    {
        NamedKind.Anywhere or NamedKind.Scenario => ConditionPlace.Scenario,
        NamedKind.Offense => ConditionPlace.Charge,
        NamedKind.Conviction => ConditionPlace.Conviction,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "no such kind"),
    };
}

/// <summary>Where a condition is written: the top of a <c>when</c>, or inside <c>charge(...)</c> or <c>conviction(...)</c>.</summary>
public enum ConditionPlace
{
    Scenario,
    Charge,
    Conviction,
}

/// <summary>A count that runs down: how many more of something a generated set may have.</summary>
internal sealed class ReadBudget(int count)
{
    private int _left = count;

    /// <summary>Takes one, if any is left.</summary>
    public bool Take()
    {
        if (_left == 0)
        {
            return false;
        }

        _left--;
        return true;
    }
}
