using DetainerRules.Analysis.Batch;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// The synthetic bookings of <c>detainer generate</c>: reproducible from a seed, every field within
/// its bounds, the mix the generator's table describes, and each share's edges, found by choosing the
/// draws (<see cref="ChosenRolls"/>).
/// </summary>
/// <remarks>
/// The draws of one booking, in order: the minute of 2024 it is booked, birth, citizenship, the number
/// of charges and each charge's offense, the number of convictions and each conviction's offense and
/// dates, whether a detainer arrives (then its form, warrant, hours after booking, and for a judge's
/// warrant its court and offense), the registry and watchlist flags, proof of status (foreign-born
/// people who are not noncitizens only), custody, ICE at release, and the five federal requests.
/// An offense draws its category, whether it is a felony, then (traffic and public order only) whether
/// it is an infraction, then whether it is a gross misdemeanor.
/// </remarks>
[TestFixture]
public class BookingGeneratorTests
{
    private static readonly DateTimeOffset NewYear = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8));
    private static readonly DateOnly BookedOn = new(2024, 1, 1);

    /// <summary>The offense table's total weight: a category's share of offenses is its weight over this.</summary>
    private const double TotalWeight = 100.02;

    // Draws that make a foreign-born noncitizen, a U.S.-born citizen and a foreign-born citizen, each
    // on one traffic felony with no conviction, up to the draw for a detainer.
    private static readonly double[] Noncitizen = [0, 0, 0, 0, 0, 0, 0];
    private static readonly double[] Citizen = [0, 0.5, 0.5, 0, 0, 0, 0];
    private static readonly double[] ForeignBornCitizen = [0, 0, 0.6, 0, 0, 0, 0];

    private static Scenario Booking(double then, params double[] rolls) => BookingGenerator.Generate(1, new ChosenRolls(then, rolls)).Single();

    private static double[] Then(double[] first, params double[] rest) => [.. first, .. rest];

    [Test]
    public void Generate_SameSeed_SameBookings()
    {
        var first = BookingGenerator.Generate(200, 7).Select(s => ScenarioJson.ToJson(s)).ToList();
        var again = BookingGenerator.Generate(200, 7).Select(s => ScenarioJson.ToJson(s)).ToList();
        var other = BookingGenerator.Generate(200, 8).Select(s => ScenarioJson.ToJson(s)).ToList();

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other.Zip(first).Count(p => p.First == p.Second), Is.Zero, "another seed, other bookings");
    }

    [Test]
    public void Generate_Count_NumberedIdsInOrder()
    {
        var ids = BookingGenerator.Generate(3, 1).Select(s => s.Id).ToList();

        Assert.That(ids, Is.EqualTo(new[] { "booking-0000001", "booking-0000002", "booking-0000003" }));
        Assert.That(BookingGenerator.Generate(0, 1), Is.Empty);
        Assert.That(BookingGenerator.Generate(12_345, 1).Last().Id, Is.EqualTo("booking-0012345"));
    }

    [TestCase(0.0, 0)]
    [TestCase(0.5, 263_520)]
    [TestCase(0.999999, 527_039)]
    public void BookedAt_AMinuteOf2024InPacificStandardTime(double roll, int minutes)
    {
        var booking = Booking(0.99, roll);

        Assert.That(booking.BookedAt, Is.EqualTo(NewYear.AddMinutes(minutes)));
        Assert.That(booking.BookedAt.Offset, Is.EqualTo(TimeSpan.FromHours(-8)));
    }

    // Foreign-born below 0.22, U.S.-born below 0.92, unknown above; then citizenship by its own share for each.
    [TestCase(0.0, 0.0, true, Citizenship.Noncitizen)]
    [TestCase(0.2199, 0.4999, true, Citizenship.Noncitizen)]
    [TestCase(0.2199, 0.5, true, Citizenship.UsCitizen)]
    [TestCase(0.2199, 0.8499, true, Citizenship.UsCitizen)]
    [TestCase(0.2199, 0.85, true, Citizenship.Unknown)]
    [TestCase(0.22, 0.0, false, Citizenship.UsCitizen)]
    [TestCase(0.22, 0.9699, false, Citizenship.UsCitizen)]
    [TestCase(0.22, 0.97, false, Citizenship.Unknown)]
    [TestCase(0.9199, 0.5, false, Citizenship.UsCitizen)]
    [TestCase(0.92, 0.0, null, Citizenship.Unknown)]
    [TestCase(0.92, 0.5999, null, Citizenship.Unknown)]
    [TestCase(0.92, 0.6, null, Citizenship.UsCitizen)]
    [TestCase(0.92, 0.8999, null, Citizenship.UsCitizen)]
    [TestCase(0.92, 0.9, null, Citizenship.Noncitizen)]
    public void Person_BirthAndCitizenship(double birth, double citizenship, bool? foreignBorn, Citizenship expected)
    {
        var person = Booking(0.99, 0, birth, citizenship).Person;

        Assert.That(person.ForeignBorn, Is.EqualTo(foreignBorn));
        Assert.That(person.Citizenship, Is.EqualTo(expected));
    }

    // Weights 70, 22 and 8 of 100: a draw of 70 in 100 is the first of two charges.
    [TestCase(0.0, 1)]
    [TestCase(0.695, 1)]
    [TestCase(0.705, 2)]
    [TestCase(0.915, 2)]
    [TestCase(0.925, 3)]
    [TestCase(0.995, 3)]
    public void Charges_OneTwoOrThree(double roll, int count)
    {
        Assert.That(Booking(0.99, 0, 0.5, 0.5, roll).Charges, Has.Count.EqualTo(count));
    }

    // Weights 55, 25, 12 and 8 of 100; the one charge before them is an "other" misdemeanor (three draws).
    [TestCase(0.0, 0)]
    [TestCase(0.545, 0)]
    [TestCase(0.555, 1)]
    [TestCase(0.795, 1)]
    [TestCase(0.805, 2)]
    [TestCase(0.915, 2)]
    [TestCase(0.925, 3)]
    public void Convictions_NoneToThree(double roll, int count)
    {
        Assert.That(Booking(0.99, 0, 0.5, 0.5, 0.005, 0.99, 0.99, 0.99, roll).Convictions, Has.Count.EqualTo(count));
    }

    // A category's draw falls within its weight (cumulative, of 100.02).
    [TestCase(0.0, 0.0, OffenseCategory.Traffic)]
    [TestCase(0.0, 14.0, OffenseCategory.Traffic)]
    [TestCase(14.0, 24.0, OffenseCategory.Dui)]
    [TestCase(24.0, 36.0, OffenseCategory.Theft)]
    [TestCase(46.0, 58.0, OffenseCategory.PublicOrder)]
    [TestCase(85.0, 87.0, OffenseCategory.Robbery)]
    [TestCase(93.0, 93.3, OffenseCategory.Homicide)]
    [TestCase(95.0, 95.02, OffenseCategory.Terrorism)]
    [TestCase(95.02, 100.02, OffenseCategory.Other)]
    [TestCase(100.0, 100.0, OffenseCategory.Other)]
    public void Charge_CategoryByWeight(double from, double to, OffenseCategory expected)
    {
        var charge = Booking(0.99, 0, 0.5, 0.5, 0, (from + to) / 2 / TotalWeight).Charges.Single();

        Assert.That(charge.Category, Is.EqualTo(expected));
        Assert.That(charge.Offense, Is.EqualTo(Model.Vocabulary.Word(expected).Replace('_', ' ')));
        Assert.That(charge.Statute, Is.Null);
    }

    [Test]
    public void Charge_OffenseWrittenAsTheCategoryInWords()
    {
        var charge = Booking(0.99, 0, 0.5, 0.5, 0, 41 / TotalWeight).Charges.Single();

        Assert.That(charge.Category, Is.EqualTo(OffenseCategory.DrugPossession));
        Assert.That(charge.Offense, Is.EqualTo("drug possession"));
    }

    // Traffic: felony below 0.02, else infraction below 0.4, else gross misdemeanor below 0.1.
    // DUI has no infraction draw: its felony share is 0.12, then the gross misdemeanor draw.
    [TestCase(0.0, 0.0199, 0.99, 0.99, OffenseLevel.Felony)]
    [TestCase(0.0, 0.02, 0.3999, 0.99, OffenseLevel.Infraction)]
    [TestCase(0.0, 0.02, 0.4, 0.0999, OffenseLevel.GrossMisdemeanor)]
    [TestCase(0.0, 0.02, 0.4, 0.1, OffenseLevel.Misdemeanor)]
    [TestCase(0.52, 0.0099, 0.99, 0.99, OffenseLevel.Felony)]
    [TestCase(0.52, 0.01, 0.3999, 0.99, OffenseLevel.Infraction)]
    [TestCase(0.19, 0.1199, 0.99, 0.99, OffenseLevel.Felony)]
    [TestCase(0.19, 0.12, 0.0999, 0.99, OffenseLevel.GrossMisdemeanor)]
    [TestCase(0.19, 0.12, 0.1, 0.0, OffenseLevel.Misdemeanor)]
    [TestCase(0.86, 0.99, 0.0, 0.0, OffenseLevel.Felony)]
    public void Charge_Level(double category, double felony, double second, double third, OffenseLevel level)
    {
        Assert.That(Booking(0.99, 0, 0.5, 0.5, 0, category, felony, second, third).Charges.Single().Level, Is.EqualTo(level));
    }

    // One robbery conviction (always a felony): convicted 30 days to 20 years before the booking day,
    // released 180 days to 5 years later in 7 felonies of 10, never after the booking day.
    [TestCase(0.0, 0.6999, 0.0, 30, 0)]
    [TestCase(0.999, 0.0, 0.999, 7292, 7292 - 1823)]
    [TestCase(0.5, 0.7, 0.0, 3665, -1)]
    public void Conviction_DatedBeforeTheBooking(double convicted, double released, double after, int daysBefore, int releasedDaysBefore)
    {
        var conviction = Booking(0.99, 0, 0.5, 0.5, 0.005, 0.99, 0.99, 0.99, 0.6, 0.86, 0, convicted, released, after).Convictions.Single();

        Assert.That(conviction.Category, Is.EqualTo(OffenseCategory.Robbery));
        Assert.That(conviction.Level, Is.EqualTo(OffenseLevel.Felony));
        Assert.That(conviction.Offense, Is.EqualTo("robbery"));
        Assert.That(conviction.Statute, Is.Null);
        Assert.That(conviction.ConvictedOn, Is.EqualTo(BookedOn.AddDays(-daysBefore)));
        Assert.That(conviction.ReleasedOn, Is.EqualTo(releasedDaysBefore < 0 ? (DateOnly?)null : BookedOn.AddDays(-releasedDaysBefore)));
    }

    [Test]
    public void Conviction_Misdemeanor_NoReleaseDate()
    {
        // A traffic misdemeanor, then draws of 0 that would release a felony.
        var conviction = Booking(0, 0, 0.5, 0.5, 0.005, 0.99, 0.99, 0.99, 0.6, 0, 0.5, 0.5, 0.5, 0).Convictions.Single();

        Assert.That(conviction.Level, Is.EqualTo(OffenseLevel.Misdemeanor));
        Assert.That(conviction.ConvictedOn, Is.EqualTo(BookedOn.AddDays(-30)));
        Assert.That(conviction.ReleasedOn, Is.Null);
    }

    // A detainer for 12 noncitizens in 100, for 1 other person in 200.
    [TestCase(true, 0.1199, true)]
    [TestCase(true, 0.12, false)]
    [TestCase(false, 0.0049, true)]
    [TestCase(false, 0.005, false)]
    public void Detainer_ByCitizenship(bool noncitizen, double roll, bool detained)
    {
        var booking = Booking(0.5, Then(noncitizen ? Noncitizen : Citizen, roll));

        Assert.That(booking.Detainer, detained ? Is.Not.Null : Is.Null);
    }

    [TestCase(0.5, 0.5, 0.0, DetainerForm.I247A, WarrantKind.Administrative, 1)]
    [TestCase(0.9, 0.9, 0.999, DetainerForm.I247N, WarrantKind.None, 47)]
    [TestCase(0.97, 0.5, 0.5, DetainerForm.I203, WarrantKind.Administrative, 24)]
    public void Detainer_FormWarrantAndHoursAfterBooking(double form, double warrant, double hours, DetainerForm expectedForm, WarrantKind expectedWarrant, int hoursAfter)
    {
        // Draws of 0 after: a judge's warrant's court and offense would be federal and immigration.
        var detainer = Booking(0, Then(Noncitizen, 0, form, warrant, hours)).Detainer!;

        Assert.That(detainer.Form, Is.EqualTo(expectedForm));
        Assert.That(detainer.Warrant, Is.EqualTo(expectedWarrant));
        Assert.That(detainer.ReceivedAt, Is.EqualTo(NewYear.AddHours(hoursAfter)));
        Assert.That(detainer.WarrantCourt, Is.Null, "only a judge's warrant has a court");
        Assert.That(detainer.WarrantOffense, Is.Null);
    }

    // Court: federal 60, state 15, not recorded 25; offense: immigration crime 50, other crime 20, civil 5, not recorded 25.
    [TestCase(0.5, 0.4, WarrantCourt.Federal, WarrantOffense.ImmigrationCrime)]
    [TestCase(0.7, 0.6, WarrantCourt.State, WarrantOffense.OtherCrime)]
    [TestCase(0.8, 0.72, null, WarrantOffense.Civil)]
    [TestCase(0.0, 0.8, WarrantCourt.Federal, null)]
    public void Detainer_JudgesWarrant_CourtAndOffense(double court, double offense, WarrantCourt? expectedCourt, WarrantOffense? expectedOffense)
    {
        var detainer = Booking(0.99, Then(Noncitizen, 0, 0.5, 0.97, 0, court, offense)).Detainer!;

        Assert.That(detainer.Warrant, Is.EqualTo(WarrantKind.Judicial));
        Assert.That(detainer.WarrantCourt, Is.EqualTo(expectedCourt));
        Assert.That(detainer.WarrantOffense, Is.EqualTo(expectedOffense));
    }

    // Registry below 0.02, watchlist below 0.0005, proof of status below 0.3 (a foreign-born citizen).
    [TestCase(0.0199, 0.00049, 0.2999, true, true, true)]
    [TestCase(0.02, 0.0005, 0.3, false, false, false)]
    [TestCase(0.02, 0.0, 0.99, false, true, false)]
    public void Person_Flags(double registry, double watchlist, double proof, bool onRegistry, bool onWatchlist, bool hasProof)
    {
        var person = Booking(0.99, Then(ForeignBornCitizen, 0.99, registry, watchlist, proof)).Person;

        Assert.That(person.Citizenship, Is.EqualTo(Citizenship.UsCitizen));
        Assert.That(person.RegisteredSexOffender, Is.EqualTo(onRegistry));
        Assert.That(person.OnTerroristWatchlist, Is.EqualTo(onWatchlist));
        Assert.That(person.LawfulStatusProof, Is.EqualTo(hasProof));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Person_ProofOfStatus_OnlyForeignBornPeopleWhoAreNotNoncitizens(bool noncitizen)
    {
        // Every draw after the detainer's is 0, which would give proof to a foreign-born citizen.
        var rolls = new ChosenRolls(0, Then(noncitizen ? Noncitizen : Citizen, 0.99));
        var person = BookingGenerator.Generate(1, rolls).Single().Person;

        Assert.That(person.LawfulStatusProof, Is.False);
        Assert.That(person.RegisteredSexOffender && person.OnTerroristWatchlist, Is.True);
        Assert.That(rolls.Drawn, Is.EqualTo(Noncitizen.Length + 1 + 2 + 1 + 1 + 5), "no draw for proof: the detainer, two flags, custody, ICE, five requests");
    }

    // Release time unknown for 5 bookings in 100, else 4 to 72 hours after booking (a U.S.-born citizen: no proof draw).
    [TestCase(0.0499, 0.0, -1)]
    [TestCase(0.05, 0.0, 4)]
    [TestCase(0.05, 0.999, 72)]
    public void Custody_ReleaseEligible(double unknown, double hours, int hoursAfter)
    {
        var custody = Booking(0.99, Then(Citizen, 0.99, 0.99, 0.99, unknown, hours)).Custody;

        Assert.That(custody.ReleaseEligibleAt, Is.EqualTo(hoursAfter < 0 ? (DateTimeOffset?)null : NewYear.AddHours(hoursAfter)));
    }

    // ICE at release for 1 booking in 100 without a detainer, 4 in 10 with one.
    [TestCase(false, 0.0099, true)]
    [TestCase(false, 0.01, false)]
    [TestCase(true, 0.3999, true)]
    [TestCase(true, 0.4, false)]
    public void IcePresentAtRelease_MoreOftenWithADetainer(bool detainer, double roll, bool present)
    {
        var rolls = detainer
            ? Then(Noncitizen, 0, 0.5, 0.5, 0.5, 0.99, 0.99, 0.99, 0.5, roll)
            : Then(Citizen, 0.99, 0.99, 0.99, 0.99, 0.5, roll);
        var booking = Booking(0.99, rolls);

        Assert.That(booking.Detainer is not null, Is.EqualTo(detainer));
        Assert.That(booking.IcePresentAtRelease, Is.EqualTo(present));
    }

    private static IReadOnlySet<FederalRequest> Requests(params double[] rolls) =>
        Booking(0.99, Then(Citizen, [0.99, 0.99, 0.99, 0.99, 0.5, 0.99, .. rolls])).Requests;

    [Test]
    public void Requests_EachBelowItsShare_AllFive()
    {
        Assert.That(Requests(0.0199, 0.0099, 0.0299, 0.0199, 0.0049), Is.EquivalentTo(Enum.GetValues<FederalRequest>()));
    }

    [Test]
    public void Requests_EachAtItsShare_None()
    {
        Assert.That(Requests(0.02, 0.01, 0.03, 0.02, 0.005), Is.Empty);
    }

    [Test]
    public void Requests_InTheirOrderOfDraws()
    {
        // Jail access 2 in 100, interview 1, release date 3, criminal intelligence 2, civil enforcement 1 in 200.
        Assert.That(Requests(0.015, 0.015, 0.015, 0.015, 0.015), Is.EquivalentTo(new[] { FederalRequest.JailAccess, FederalRequest.ReleaseDateInformation, FederalRequest.CriminalIntelligence }));
        Assert.That(Requests(0.99, 0.005, 0.025, 0.99, 0.004), Is.EquivalentTo(new[] { FederalRequest.Interview, FederalRequest.ReleaseDateInformation, FederalRequest.CivilEnforcementOperation }));
    }

    [Test]
    public void Generate_EveryFieldWithinItsBounds()
    {
        foreach (var s in BookingGenerator.Generate(5_000, 3))
        {
            var bookedOn = DateOnly.FromDateTime(s.BookedAt.DateTime);
            Assert.That(s.BookedAt, Is.GreaterThanOrEqualTo(NewYear).And.LessThan(NewYear.AddDays(366)), s.Id);
            Assert.That(s.Charges, Has.Count.InRange(1, 3), s.Id);
            Assert.That(s.Convictions, Has.Count.InRange(0, 3), s.Id);
            foreach (var c in s.Convictions)
            {
                Assert.That(c.ConvictedOn, Is.InRange(bookedOn.AddDays(-(20 * 365) + 1), bookedOn.AddDays(-30)), s.Id);
                if (c.ReleasedOn is { } released)
                {
                    Assert.That(c.Level, Is.EqualTo(OffenseLevel.Felony), s.Id);
                    var earliest = c.ConvictedOn.AddDays(180);
                    Assert.That(released, Is.InRange(earliest < bookedOn ? earliest : bookedOn, bookedOn), s.Id);
                    Assert.That(released, Is.LessThan(c.ConvictedOn.AddDays(5 * 365)), s.Id);
                }
            }

            if (s.Detainer is { } d)
            {
                Assert.That(d.ReceivedAt, Is.InRange(s.BookedAt.AddHours(1), s.BookedAt.AddHours(47)), s.Id);
                Assert.That(d.WarrantCourt is null && d.WarrantOffense is null || d.Warrant == WarrantKind.Judicial, s.Id);
            }

            if (s.Custody.ReleaseEligibleAt is { } release)
            {
                Assert.That(release, Is.InRange(s.BookedAt.AddHours(4), s.BookedAt.AddHours(72)), s.Id);
            }

            Assert.That(!s.Person.LawfulStatusProof || (s.Person.ForeignBorn == true && s.Person.Citizenship != Citizenship.Noncitizen), s.Id);
            Assert.That(s.Charges.Concat<IOffense>(s.Convictions).All(o => o.Statute is null && o.Offense == Model.Vocabulary.Word(o.Category).Replace('_', ' ')), s.Id);
            Assert.That(s.Charges.Concat<IOffense>(s.Convictions).All(o => o.Level != OffenseLevel.Infraction || o.Category is OffenseCategory.Traffic or OffenseCategory.PublicOrder), s.Id);
        }
    }

    /// <summary>The mix over 40,000 bookings of one seed: each share within five standard errors of the generator's table.</summary>
    [Test]
    public void Generate_TheMixOfTheTable()
    {
        var all = BookingGenerator.Generate(40_000, 11).ToList();
        var foreign = all.Where(s => s.Person.ForeignBorn == true).ToList();
        var native = all.Where(s => s.Person.ForeignBorn == false).ToList();
        var unknown = all.Where(s => s.Person.ForeignBorn is null).ToList();
        var noncitizens = all.Where(s => s.Person.Citizenship == Citizenship.Noncitizen).ToList();
        var others = all.Where(s => s.Person.Citizenship != Citizenship.Noncitizen).ToList();
        var detainers = all.Where(s => s.Detainer is not null).ToList();
        var charges = all.SelectMany(s => s.Charges).ToList();
        var traffic = charges.Where(c => c.Category == OffenseCategory.Traffic).ToList();
        var theft = charges.Where(c => c.Category == OffenseCategory.Theft).ToList();

        Assert.Multiple(() =>
        {
            Share("foreign-born", all, s => s.Person.ForeignBorn == true, 0.22);
            Share("birth unknown", all, s => s.Person.ForeignBorn is null, 0.08);
            Share("foreign-born noncitizens", foreign, s => s.Person.Citizenship == Citizenship.Noncitizen, 0.5);
            Share("foreign-born citizens", foreign, s => s.Person.Citizenship == Citizenship.UsCitizen, 0.35);
            Share("U.S.-born, citizenship unknown", native, s => s.Person.Citizenship == Citizenship.Unknown, 0.03);
            Share("birth unknown, citizenship unknown", unknown, s => s.Person.Citizenship == Citizenship.Unknown, 0.6);
            Share("birth unknown, noncitizens", unknown, s => s.Person.Citizenship == Citizenship.Noncitizen, 0.1);
            Share("one charge", all, s => s.Charges.Count == 1, 0.7);
            Share("two charges", all, s => s.Charges.Count == 2, 0.22);
            Share("no conviction", all, s => s.Convictions.Count == 0, 0.55);
            Share("one conviction", all, s => s.Convictions.Count == 1, 0.25);
            Share("two convictions", all, s => s.Convictions.Count == 2, 0.12);
            Share("detainers on noncitizens", noncitizens, s => s.Detainer is not null, 0.12);
            Share("detainers on others", others, s => s.Detainer is not null, 0.005);
            Share("I-247A", detainers, s => s.Detainer!.Form == DetainerForm.I247A, 0.85);
            Share("administrative warrants", detainers, s => s.Detainer!.Warrant == WarrantKind.Administrative, 0.8);
            Share("registry", all, s => s.Person.RegisteredSexOffender, 0.02);
            Share("watchlist", all, s => s.Person.OnTerroristWatchlist, 0.0005);
            Share("proof of status", foreign.Where(s => s.Person.Citizenship != Citizenship.Noncitizen).ToList(), s => s.Person.LawfulStatusProof, 0.3);
            Share("release time unknown", all, s => s.Custody.ReleaseEligibleAt is null, 0.05);
            Share("ICE at release, no detainer", all.Except(detainers).ToList(), s => s.IcePresentAtRelease, 0.01);
            Share("ICE at release, a detainer", detainers, s => s.IcePresentAtRelease, 0.4);
            Share("jail access", all, s => s.Requests.Contains(FederalRequest.JailAccess), 0.02);
            Share("interview", all, s => s.Requests.Contains(FederalRequest.Interview), 0.01);
            Share("release date", all, s => s.Requests.Contains(FederalRequest.ReleaseDateInformation), 0.03);
            Share("criminal intelligence", all, s => s.Requests.Contains(FederalRequest.CriminalIntelligence), 0.02);
            Share("civil enforcement", all, s => s.Requests.Contains(FederalRequest.CivilEnforcementOperation), 0.005);
            Share("traffic charges", charges, c => c.Category == OffenseCategory.Traffic, 14 / TotalWeight);
            Share("theft charges", charges, c => c.Category == OffenseCategory.Theft, 12 / TotalWeight);
            Share("burglary charges", charges, c => c.Category == OffenseCategory.Burglary, 4 / TotalWeight);
            Share("other charges", charges, c => c.Category == OffenseCategory.Other, 5 / TotalWeight);
            Share("traffic felonies", traffic, c => c.Level == OffenseLevel.Felony, 0.02);
            Share("traffic infractions", traffic, c => c.Level == OffenseLevel.Infraction, 0.98 * 0.4);
            Share("traffic gross misdemeanors", traffic, c => c.Level == OffenseLevel.GrossMisdemeanor, 0.98 * 0.6 * 0.1);
            Share("theft felonies", theft, c => c.Level == OffenseLevel.Felony, 0.2);
            Share("theft gross misdemeanors", theft, c => c.Level == OffenseLevel.GrossMisdemeanor, 0.8 * 0.1);
            Share("felony convictions released", all.SelectMany(s => s.Convictions).Where(c => c.Level == OffenseLevel.Felony).ToList(), c => c.ReleasedOn is not null, 0.7);
        });
    }

    private static void Share<T>(string what, IReadOnlyCollection<T> items, Func<T, bool> which, double expected)
    {
        var share = (double)items.Count(which) / items.Count;
        var error = Math.Sqrt(expected * (1 - expected) / items.Count);
        Assert.That(share, Is.EqualTo(expected).Within((5 * error) + 1e-9), $"{what}: {items.Count(which)} of {items.Count}");
    }
}
