using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis;

/// <summary>A scenario being put together from the values of the space's dimensions.</summary>
/// <remarks>
/// Every space scenario is booked at the same moment, on a Wednesday morning away from holidays, and
/// becomes eligible for release the same evening, so holds are computed on ordinary working days.
/// Look-backs are laid out from this booking day. The moment is noon UTC, so it falls on the same
/// day (12 March 2025) in every zone from UTC-11 to UTC+11, every U.S. state and territory's among
/// them: policies judge look-backs in their own jurisdiction's calendar, and all of them must see
/// the same booking day for one set of cuts to serve them all.
/// </remarks>
internal sealed class ScenarioDraft
{
    public static readonly DateTimeOffset BookedAt = new(2025, 3, 12, 8, 0, 0, TimeSpan.FromHours(-4));

    public static DateOnly BookedOn => DateOnly.FromDateTime(BookedAt.UtcDateTime);

    public bool? ForeignBorn { get; set; } = true;
    public Citizenship Citizenship { get; set; } = Citizenship.Noncitizen;
    public bool RegisteredSexOffender { get; set; }
    public bool OnTerroristWatchlist { get; set; }
    public bool LawfulStatusProof { get; set; }
    public (DetainerForm Form, WarrantKind Warrant)? Detainer { get; set; }
    public bool IcePresentAtRelease { get; set; }
    public HashSet<FederalRequest> Requests { get; } = [];
    public List<Charge> Charges { get; } = [new Charge("disorderly conduct", null, OffenseLevel.Misdemeanor, OffenseCategory.PublicOrder)];
    public List<Conviction> Convictions { get; } = [];

    public Scenario Build(string id, string? description = null) => new()
    {
        Id = id,
        Description = description,
        BookedAt = BookedAt,
        Person = new Person(ForeignBorn, Citizenship, RegisteredSexOffender, OnTerroristWatchlist) { LawfulStatusProof = LawfulStatusProof },
        Charges = [.. Charges],
        Convictions = [.. Convictions],
        Detainer = Detainer is { } d ? new Detainer(d.Form, d.Warrant, BookedAt.AddHours(2)) : null,
        Custody = new Custody(BookedAt.AddHours(8)),
        IcePresentAtRelease = IcePresentAtRelease,
        Requests = new HashSet<FederalRequest>(Requests),
    };
}
