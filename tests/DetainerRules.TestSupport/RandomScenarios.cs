using DetainerRules.Model.Scenarios;
using NodaTime;

namespace DetainerRules.TestSupport;

/// <summary>Random scenarios that vary every field of <see cref="Scenario"/>; reproducible from a seed.</summary>
/// <remarks>
/// <para>
/// Conviction and release dates cluster on both sides of the 5- and 15-year look-back edges (a day
/// either way), bookings sometimes fall on a leap day or next to one, where <c>AddYears</c> clamps,
/// and booking times sit near midnight in offsets from -12 to +14 hours, where the booking day in
/// the booking's own offset differs from the UTC day.
/// </para>
/// <para>
/// Given a <see cref="ScenarioPalette"/>, the charges and convictions are drawn from the values the
/// policies name instead, dates on each side of their look-back edges, and one booking in three has
/// offenses all alike, so <c>every</c> and <c>no</c> meet lists where every element passes and
/// where none does; one in four has no prior conviction. Their times move too (<see cref="Moved"/>):
/// a third of the bookings, and a third of the releases, fall within three hours of a daylight-saving
/// change (or of midnight, in a zone without one) in a zone the generated policies name, and each
/// time is written in an offset of its own, quarter and half hours included, one time in three.
/// </para>
/// </remarks>
public static class RandomScenarios
{
    private static readonly string[] Statutes = ["NRS 200.380", "NRS 484C.110", "PC 187", "PC 459", "PC 273.5", "ORS 164.225"];
    private static readonly int[] LookBackYears = [0, 1, 4, 5, 5, 5, 6, 10, 14, 15, 15, 15, 16, 25];
    private static readonly DateOnly[] LeapDays = [new(2020, 2, 28), new(2020, 2, 29), new(2020, 3, 1), new(2024, 2, 29), new(2021, 2, 28), new(2021, 3, 1)];

    /// <summary>Offsets a record may be written in: every whole hour from -12 to +14, and the half and quarter hours in use.</summary>
    public static IReadOnlyList<TimeSpan> Offsets { get; } =
    [
        .. Enumerable.Range(-12, 27).Select(h => TimeSpan.FromHours(h)),
        new(-9, -30, 0), new(-3, -30, 0), new(3, 30, 0), new(5, 30, 0), new(5, 45, 0), new(8, 45, 0), new(9, 30, 0), new(10, 30, 0), new(12, 45, 0),
    ];

    public static Scenario[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => One(random, $"random-{seed}-{i}"))];
    }

    /// <summary>Scenarios aimed at the values <paramref name="palette"/> holds; the other fields vary as in <see cref="Generate(int, int)"/>.</summary>
    public static Scenario[] Generate(int seed, int count, ScenarioPalette palette)
    {
        var random = new Random(seed);

        // Times moved with a stream of their own, so the offenses a seed draws stay as they were.
        var clock = new Random(~seed);
        return [.. Enumerable.Range(0, count).Select(i => Aimed(random, clock, palette, $"aimed-{seed}-{i}"))];
    }

    /// <summary>The same instants, every time of the scenario written in <paramref name="offset"/>; <paramref name="id"/> names the copy (the scenario's own id when null).</summary>
    public static Scenario WrittenIn(Scenario scenario, TimeSpan offset, string? id = null) =>
        Rewritten(scenario, scenario.BookedAt.ToOffset(offset), t => t.ToOffset(offset), id);

    private static Scenario Aimed(Random random, Random clock, ScenarioPalette palette, string id)
    {
        var drawn = Moved(clock, One(random, id));
        var bookedOn = palette.EarliestBookingDay(drawn.BookedAt);
        var alike = random.Next(3) == 0;
        var charge = AimedCharge(random, palette);
        var charges = Enumerable.Range(0, random.Next(1, 4)).Select(_ => alike ? charge : AimedCharge(random, palette)).ToList();
        var conviction = AimedConviction(random, palette, bookedOn);
        var convictions = Enumerable.Range(0, random.Next(4) == 0 ? 0 : random.Next(1, 4)).Select(_ => alike ? conviction : AimedConviction(random, palette, bookedOn)).ToList();
        return new Scenario
        {
            Id = id,
            BookedAt = drawn.BookedAt,
            Person = drawn.Person,
            Charges = charges,
            Convictions = convictions,
            Detainer = drawn.Detainer,
            Custody = drawn.Custody,
            IcePresentAtRelease = drawn.IcePresentAtRelease,
            Requests = drawn.Requests,
        };
    }

    private static Charge AimedCharge(Random random, ScenarioPalette palette)
    {
        var category = palette.Categories.Count > 0 && random.Next(10) < 7 ? Pick(random, palette.Categories) : Pick(random, Enum.GetValues<OffenseCategory>());
        var statute = random.Next(3) switch
        {
            0 => null,
            1 when palette.Statutes.Count > 0 => Pick(random, palette.Statutes),
            _ => Pick(random, Statutes),
        };
        var wording = palette.Wordings.Count > 0 && random.Next(2) == 0 ? Pick(random, palette.Wordings) : category.ToString().ToLowerInvariant();
        return new Charge(wording, statute, Pick(random, Enum.GetValues<OffenseLevel>()), category);
    }

    private static Conviction AimedConviction(Random random, ScenarioPalette palette, DateOnly bookedOn)
    {
        // A day either side of an edge the policies draw, or on it.
        DateOnly NearEdge() => Min(bookedOn.AddYears(-(palette.Years.Count > 0 ? Pick(random, palette.Years) : Pick(random, LookBackYears))).AddDays(random.Next(-1, 2)), bookedOn);
        var convicted = NearEdge();
        DateOnly? released = random.Next(3) switch
        {
            0 => null,
            1 => Max(NearEdge(), convicted),
            _ => Min(convicted.AddDays(random.Next(0, 365 * 6)), bookedOn),
        };
        var charge = AimedCharge(random, palette);
        return new Conviction(charge.Offense, charge.Statute, charge.Level, charge.Category, convicted, released);
    }

    private static Scenario One(Random random, string id)
    {
        var offset = TimeSpan.FromHours(random.Next(-12, 15));
        var day = random.Next(5) == 0
            ? Pick(random, LeapDays)
            : new DateOnly(2017, 1, 1).AddDays(random.Next(0, 3300));

        // Half the bookings within two hours of midnight, so the local day and the UTC day differ.
        var minute = random.Next(2) == 0 ? Pick(random, new[] { random.Next(0, 120), random.Next(22 * 60, 24 * 60) }) : random.Next(0, 24 * 60);
        var booked = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset).AddMinutes(minute);
        var bookedOn = DateOnly.FromDateTime(booked.DateTime);
        return new Scenario
        {
            Id = id,
            BookedAt = booked,
            Person = new Person(
                Pick(random, new bool?[] { true, false, null }),
                Pick(random, Enum.GetValues<Citizenship>()),
                random.Next(4) == 0,
                random.Next(6) == 0)
            {
                LawfulStatusProof = random.Next(4) == 0,
            },
            Charges = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Charge(random))],
            Convictions = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Conviction(random, bookedOn))],
            Detainer = random.Next(4) == 0
                ? null
                : JudgesFacts(random, new Detainer(Pick(random, Enum.GetValues<DetainerForm>()), Pick(random, Enum.GetValues<WarrantKind>()), random.Next(3) == 0 ? null : booked.AddHours(random.Next(0, 48)))),
            Custody = new Custody(random.Next(8) == 0 ? null : booked.AddHours(random.Next(1, 400))),
            IcePresentAtRelease = random.Next(2) == 0,
            Requests = Enum.GetValues<FederalRequest>().Where(_ => random.Next(4) == 0).ToHashSet(),
        };
    }

    /// <summary>
    /// The scenario moved whole, one time in three, so that its booking, or another one time in
    /// three its release, falls within three hours of a daylight-saving change in one of the zones
    /// generated policies name (a booking day, a hold's end or a weekend's edge then depends on the
    /// zone's offset on the day); and each of its times written in an offset of its own one time in
    /// three, the instants unchanged.
    /// </summary>
    private static Scenario Moved(Random clock, Scenario scenario)
    {
        var target = clock.Next(3) switch
        {
            0 => scenario.BookedAt,
            1 => scenario.Custody.ReleaseEligibleAt,
            _ => null,
        };
        var shift = target is { } from ? NearChange(clock, from.Offset) - from : TimeSpan.Zero;
        DateTimeOffset Write(DateTimeOffset t) => clock.Next(3) == 0 ? (t + shift).ToOffset(Pick(clock, Offsets)) : t + shift;
        return Rewritten(scenario, Write(scenario.BookedAt), Write);
    }

    /// <summary>An instant within three hours of a daylight-saving change in one of <see cref="PolicyGenerator.Zones"/> between 2017 and 2025, or of local midnight in a zone that keeps one offset, written in <paramref name="offset"/> or in the zone's offset before or after.</summary>
    private static DateTimeOffset NearChange(Random clock, TimeSpan offset)
    {
        var zone = DateTimeZoneProviders.Tzdb[Pick(clock, PolicyGenerator.Zones)];
        var year = clock.Next(2017, 2026);
        var changes = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Skip(1).Select(i => i.Start).ToList();
        var near = changes.Count > 0
            ? Pick(clock, changes)
            : zone.AtStartOfDay(new LocalDate(year, 1, 1).PlusDays(clock.Next(365))).ToInstant();
        var instant = near.Plus(Duration.FromMinutes(clock.Next(-180, 181)));
        var written = clock.Next(3) switch
        {
            0 => offset,
            1 => zone.GetUtcOffset(instant.Minus(Duration.FromHours(4))).ToTimeSpan(),
            _ => zone.GetUtcOffset(instant.Plus(Duration.FromHours(4))).ToTimeSpan(),
        };
        return instant.ToDateTimeOffset().ToOffset(written);
    }

    /// <summary>The scenario with its booking at <paramref name="bookedAt"/> and its other times passed through <paramref name="write"/>.</summary>
    private static Scenario Rewritten(Scenario scenario, DateTimeOffset bookedAt, Func<DateTimeOffset, DateTimeOffset> write, string? id = null) => new()
    {
        Id = id ?? scenario.Id,
        Description = scenario.Description,
        BookedAt = bookedAt,
        Person = scenario.Person,
        Charges = scenario.Charges,
        Convictions = scenario.Convictions,
        Detainer = scenario.Detainer is { } d ? d with { ReceivedAt = d.ReceivedAt is { } received ? write(received) : null } : null,
        Custody = scenario.Custody with { ReleaseEligibleAt = scenario.Custody.ReleaseEligibleAt is { } release ? write(release) : null },
        IcePresentAtRelease = scenario.IcePresentAtRelease,
        Requests = scenario.Requests,
    };

    /// <summary>A judge's warrant with its court and offense each stated or not; other warrants have neither (the loader refuses them).</summary>
    private static Detainer JudgesFacts(Random random, Detainer detainer) => detainer.Warrant != WarrantKind.Judicial ? detainer : detainer with
    {
        WarrantCourt = Pick(random, new WarrantCourt?[] { null, WarrantCourt.Federal, WarrantCourt.State }),
        WarrantOffense = Pick(random, new WarrantOffense?[] { null, WarrantOffense.ImmigrationCrime, WarrantOffense.OtherCrime, WarrantOffense.Civil }),
    };

    private static Charge Charge(Random random)
    {
        var category = Pick(random, Enum.GetValues<OffenseCategory>());
        return new Charge(category.ToString().ToLowerInvariant(), random.Next(3) == 0 ? Pick(random, Statutes) : null, Pick(random, Enum.GetValues<OffenseLevel>()), category);
    }

    private static Conviction Conviction(Random random, DateOnly bookedOn)
    {
        // Kept to what a scenario file may say (ScenarioLoader's date checks): a prior conviction and
        // its release fall on or before the booking day, and the release on or after the conviction.
        var convicted = Min(bookedOn.AddYears(-Pick(random, LookBackYears)).AddDays(random.Next(-2, 3)), bookedOn);
        DateOnly? released = random.Next(2) == 0
            ? null
            : random.Next(2) == 0
                ? Max(Min(bookedOn.AddYears(-Pick(random, LookBackYears)).AddDays(random.Next(-2, 3)), bookedOn), convicted)
                : Min(convicted.AddDays(random.Next(0, 365 * 6)), bookedOn);
        var charge = Charge(random);
        return new Conviction(charge.Offense, charge.Statute, charge.Level, charge.Category, convicted, released);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
