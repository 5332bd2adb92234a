using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis;

/// <summary>A scenario being put together from the values of the space's dimensions.</summary>
/// <remarks>
/// Space scenarios are booked on a Wednesday away from holidays and become eligible for release
/// eight hours later, so holds are computed on ordinary working days. The default moment is noon
/// UTC, which falls on the same day (12 March 2025) in every zone from UTC-11 to UTC+11, every U.S.
/// state and territory's among them; where compared policies judge days in zones that can
/// disagree, <see cref="BookingMoments"/> moves the booking within that day.
/// </remarks>
internal sealed class ScenarioDraft
{
    public static readonly DateTimeOffset DefaultBookedAt = new(2025, 3, 12, 8, 0, 0, TimeSpan.FromHours(-4));

    /// <summary>The default booking's day, in UTC: conviction dates default to a few years before it.</summary>
    public static DateOnly BookedOn => DateOnly.FromDateTime(DefaultBookedAt.UtcDateTime);

    public DateTimeOffset BookedAt { get; set; } = DefaultBookedAt;

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
