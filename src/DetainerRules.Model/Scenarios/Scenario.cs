namespace DetainerRules.Model.Scenarios;

/// <summary>One arrest: who, for what, what ICE asked, and the custody timeline.</summary>
/// <remarks>
/// A reference type on purpose: the rule engine uses a fact's equality as its identity, and two
/// scenarios with equal content must still be two facts.
/// </remarks>
public sealed class Scenario
{
    public required string Id { get; init; }
    public string? Description { get; init; }
    public required DateTimeOffset BookedAt { get; init; }
    public Person Person { get; init; } = Person.Unknown;
    public required IReadOnlyList<Charge> Charges { get; init; }
    public IReadOnlyList<Conviction> Convictions { get; init; } = [];
    public Detainer? Detainer { get; init; }
    public Custody Custody { get; init; } = new(null);

    /// <summary>Whether ICE is there to take custody when the person becomes eligible for release.</summary>
    /// <remarks>False unless the scenario says so: ICE presence is an event that has to be recorded.</remarks>
    public bool IcePresentAtRelease { get; init; }

    public IReadOnlySet<FederalRequest> Requests { get; init; } = new HashSet<FederalRequest>();

    /// <summary>The booking day in the booking's own time zone: look-back periods count from it.</summary>
    public DateOnly BookedOn => DateOnly.FromDateTime(BookedAt.DateTime);
}
