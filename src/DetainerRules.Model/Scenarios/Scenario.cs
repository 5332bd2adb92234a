using System.Diagnostics.CodeAnalysis;

namespace DetainerRules.Model.Scenarios;

/// <summary>One arrest: who, for what, what ICE asked, and the custody timeline.</summary>
/// <remarks>
/// A reference type on purpose: the rule engine uses a fact's equality as its identity, and two
/// scenarios with equal content must still be two facts.
/// </remarks>
public sealed class Scenario
{
    public Scenario()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, to change a part of with an object initializer: <c>new Scenario(s) { Detainer = null }</c>.</summary>
    /// <remarks>The copy is another fact to the rule engine. A new property must be copied here too (the field table's tests catch a miss).</remarks>
    [SetsRequiredMembers]
    public Scenario(Scenario other)
    {
        Id = other.Id;
        Description = other.Description;
        BookedAt = other.BookedAt;
        Person = other.Person;
        Charges = other.Charges;
        Convictions = other.Convictions;
        Detainer = other.Detainer;
        Custody = other.Custody;
        IcePresentAtRelease = other.IcePresentAtRelease;
        Requests = other.Requests;
    }

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
