using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// The documented exception to <see cref="OffsetIndependenceTests"/>: a policy with no one place
/// (<c>time_zone: local</c>: the federal detainer request and the 287(g) model agreements) judges
/// the day "in the offset each record is written in" (README, *Time*). So on the day a version of
/// such a family takes effect, one instant written in two offsets can fall on two days and be
/// decided by two versions. These tests pin that behaviour, so that changing it is a decision
/// rather than an accident; they do not say it is right.
/// <para>
/// Where the user says where the bookings are (<c>--timezone</c>, <see cref="Policy.ForBookingsIn"/>),
/// that zone is the jurisdiction's for such a policy: the tests at the end show the offset no
/// longer matters then, for the version, look-backs and hold clocks alike, and that a policy naming
/// its own zone ignores it. The command-line side is in <c>Cli/TimezoneOptionTests.cs</c>.
/// </para>
/// </summary>
[TestFixture]
public class LocalTimeZoneTests
{
    // 19:30 on Saturday 1 April 2017 in California (Pacific daylight time) is 02:30 on 2 April in UTC.
    private static readonly DateTimeOffset WrittenInUtc = new(2017, 4, 2, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WrittenInPacific = WrittenInUtc.ToOffset(TimeSpan.FromHours(-7));

    private static readonly PolicyCatalog Catalog = new([Repository.Rules]);

    [Test]
    public void IceDetainerRequest_OneInstantWrittenInTwoOffsetsAtTheI247ABoundary_PicksTheVersionOfEachWrittenDay()
    {
        var family = PolicyChoice.Resolve(Catalog, "ice-detainer-request");
        var current = Catalog.Load("ice-detainer-request");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WrittenInPacific, Is.EqualTo(WrittenInUtc), "one instant");
            Assert.That(current.EffectiveFrom!.Value.Earliest, Is.EqualTo(new DateOnly(2017, 4, 2)), "the I-247A took effect on 2 April 2017 (ICE Policy 10074.2)");
            Assert.That(current.Time, Is.EqualTo(JurisdictionTime.Local), "the federal request names no zone");
            Assert.That(family.On(WrittenInUtc).Id, Is.EqualTo("ice-detainer-request"), "written in UTC: 2 April");
            Assert.That(family.On(WrittenInPacific).Id, Is.EqualTo("ice-detainer-request-pep"), "written in Pacific time: 1 April");
        }
    }

    /// <summary>The same at every dated boundary of every <c>local</c> family in the catalog (the federal request and the three 287(g) models).</summary>
    [Test]
    public void EveryLocalFamily_OneInstantAnHourIntoTheNewVersionsUtcDay_IsTheOldVersionWrittenAnyWestOfUtc()
    {
        var boundaries = 0;
        foreach (var family in TestPolicies.CatalogIds().Select(Catalog.Load).Where(p => p.Family is not null && p.Time == JurisdictionTime.Local).GroupBy(p => p.Family!))
        {
            var choice = PolicyChoice.Resolve(Catalog, family.Key);
            foreach (var version in family.Where(v => v.EffectiveFrom is { } from && from.Earliest == from.Latest))
            {
                var from = version.EffectiveFrom!.Value.Earliest;
                var before = family.SingleOrDefault(v => v.MayBeInForceOn(from.AddDays(-1)));
                if (before is null)
                {
                    continue;
                }

                var instant = new DateTimeOffset(from.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
                boundaries++;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(choice.On(instant).Id, Is.EqualTo(version.Id), $"{family.Key}: 01:00 UTC on {from}, written in UTC");
                    Assert.That(choice.On(instant.ToOffset(TimeSpan.FromHours(+9))).Id, Is.EqualTo(version.Id), $"{family.Key}: the same instant written at +09:00 (10:00 on {from})");
                    Assert.That(choice.On(instant.ToOffset(TimeSpan.FromHours(-5))).Id, Is.EqualTo(before.Id), $"{family.Key}: the same instant written at -05:00 (20:00 the day before)");
                }
            }
        }

        Assert.That(boundaries, Is.GreaterThanOrEqualTo(4), "the federal request's and the three 287(g) models' boundaries");
    }

    [Test]
    public void WeekendsExcludedVariant_OneReleaseWrittenInTwoOffsets_EndsTheHoldAtTwoInstants()
    {
        // Released at 20:00 on Friday 17 January 2025 in California (-08:00), which is 04:00 on
        // Saturday in UTC. Read at -08:00: 4 hours of Friday count, the weekend and Martin Luther King
        // Jr. Day (Monday 20th) do not, Tuesday gives 24 and Wednesday the last 20: 20:00 on Wednesday
        // 22nd, -08:00. Read in UTC: nothing counts until Tuesday 00:00, so 48 hours end at 00:00 on
        // Thursday 23rd, UTC: four hours earlier for the same person released at the same instant.
        var policy = PolicyCompiler.Compile(PolicyLoader.LoadFile(Path.Combine(Repository.Rules, "variants", "ice-detainer-request-weekends-excluded.yaml")));
        Assert.That(policy.Policy.Time, Is.EqualTo(JurisdictionTime.Local), "the variant keeps the federal request's `local`");

        DateTimeOffset? HoldUntil(string released) => policy.Evaluate(TestScenarios.Parse($$"""
            booked_at: {{released}}
            person: { foreign_born: true, citizenship: noncitizen }
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative, received_at: {{released}} }
            custody: { release_eligible_at: {{released}} }
            """)).HoldUntil;

        var pacific = HoldUntil("2025-01-17T20:00:00-08:00");
        var utc = HoldUntil("2025-01-18T04:00:00Z");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pacific?.ToString("o", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("2025-01-22T20:00:00.0000000-08:00"));
            Assert.That(utc?.ToString("o", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("2025-01-23T00:00:00.0000000+00:00"));
            Assert.That(pacific - utc, Is.EqualTo(TimeSpan.FromHours(4)));
        }
    }

    private static readonly JurisdictionTime LosAngeles = JurisdictionTime.Find("America/Los_Angeles")!;

    [Test]
    public void IceDetainerRequest_BookingsInLosAngeles_OneInstantInAnyOffsetPicksTheVersionOfTheLosAngelesDay()
    {
        var family = PolicyChoice.Resolve(Catalog, "ice-detainer-request");

        using (Assert.EnterMultipleScope())
        {
            foreach (var offset in new[] { TimeSpan.FromHours(-7), TimeSpan.Zero, TimeSpan.FromHours(9) })
            {
                Assert.That(family.On(WrittenInUtc.ToOffset(offset), LosAngeles).Id, Is.EqualTo("ice-detainer-request-pep"), $"19:30 on 1 April in Los Angeles, written at {offset}");
            }

            Assert.That(family.On(WrittenInUtc.AddHours(5), LosAngeles).Id, Is.EqualTo("ice-detainer-request"), "00:30 on 2 April in Los Angeles, written in UTC");
        }
    }

    /// <summary>Every dated boundary of every <c>local</c> family: with the bookings' zone named, the day is that zone's whatever the offset.</summary>
    [TestCase("America/Los_Angeles", false)]
    [TestCase("Asia/Tokyo", true)]
    public void EveryLocalFamily_BookingsZoneNamed_OneInstantPicksOneVersionInAnyOffset(string zone, bool newVersion)
    {
        // 01:00 UTC on the day a version takes effect is still the day before in Los Angeles, and already that day in Tokyo.
        var bookings = JurisdictionTime.Find(zone)!;
        var boundaries = 0;
        foreach (var family in TestPolicies.CatalogIds().Select(Catalog.Load).Where(p => p.Family is not null && p.Time == JurisdictionTime.Local).GroupBy(p => p.Family!))
        {
            var choice = PolicyChoice.Resolve(Catalog, family.Key);
            foreach (var version in family.Where(v => v.EffectiveFrom is { } from && from.Earliest == from.Latest))
            {
                var from = version.EffectiveFrom!.Value.Earliest;
                if (family.SingleOrDefault(v => v.MayBeInForceOn(from.AddDays(-1))) is not { } before)
                {
                    continue;
                }

                var instant = new DateTimeOffset(from.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
                var expected = newVersion ? version.Id : before.Id;
                boundaries++;
                using (Assert.EnterMultipleScope())
                {
                    foreach (var offset in new[] { TimeSpan.FromHours(-5), TimeSpan.Zero, TimeSpan.FromHours(9) })
                    {
                        Assert.That(choice.On(instant.ToOffset(offset), bookings).Id, Is.EqualTo(expected), $"{family.Key}: 01:00 UTC on {from} with bookings in {zone}, written at {offset}");
                    }
                }
            }
        }

        Assert.That(boundaries, Is.GreaterThanOrEqualTo(4), "the federal request's and the three 287(g) models' boundaries");
    }

    [TestCase(EngineKind.RuleNetwork)]
    [TestCase(EngineKind.CompiledNetwork)]
    [TestCase(EngineKind.Delegates)]
    public void WeekendsExcludedVariant_BookingsInLosAngeles_OneReleaseInTwoOffsetsEndsTheHoldAtOneInstant(EngineKind engine)
    {
        // The release of the test above: with the bookings in California, both writings count California's days.
        var variant = PolicyLoader.LoadFile(Path.Combine(Repository.Rules, "variants", "ice-detainer-request-weekends-excluded.yaml"));
        var policy = Compile(engine, variant, LosAngeles);
        string? HoldUntil(string released) => Engines.Evaluate(policy, TestScenarios.Parse($$"""
            booked_at: {{released}}
            person: { foreign_born: true, citizenship: noncitizen }
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative, received_at: {{released}} }
            custody: { release_eligible_at: {{released}} }
            """)).HoldUntil?.ToString("o", System.Globalization.CultureInfo.InvariantCulture);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Policy.Time, Is.EqualTo(LosAngeles), "the compiled copy judges its days in the bookings' zone");
            Assert.That(variant.Time, Is.EqualTo(JurisdictionTime.Local), "the policy as loaded is unchanged");
            Assert.That(HoldUntil("2025-01-17T20:00:00-08:00"), Is.EqualTo("2025-01-22T20:00:00.0000000-08:00"));
            Assert.That(HoldUntil("2025-01-18T04:00:00Z"), Is.EqualTo("2025-01-22T20:00:00.0000000-08:00"), "written in UTC, the same end, in Los Angeles time");
            Assert.That(HoldUntil("2025-01-18T13:00:00+09:00"), Is.EqualTo("2025-01-22T20:00:00.0000000-08:00"));
        }
    }

    [TestCase(EngineKind.RuleNetwork)]
    [TestCase(EngineKind.CompiledNetwork)]
    [TestCase(EngineKind.Delegates)]
    public void LookBack_LocalPolicy_JudgedOnTheWrittenDayWithoutABookingsZoneAndOnTheZonesDayWithOne(EngineKind engine)
    {
        // 18:00 on 28 February 2025 in Los Angeles is 02:00 on 1 March in UTC: a conviction on
        // 28 February 2020 is within five years of the Los Angeles day, not of the UTC day.
        var policy = TestPolicies.Load("""
              - id: recent
                when: any conviction(within 5 years)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """, "time_zone: local");
        string Notify(IPolicyEvaluator compiled, string bookedAt) => Vocabulary.Word(Engines.Evaluate(compiled, TestScenarios.Parse($$"""
            booked_at: {{bookedAt}}
            person: { foreign_born: true, citizenship: noncitizen }
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            convictions: [ { offense: burglary, level: felony, category: burglary, convicted_on: 2020-02-28 } ]
            """))[Model.Decisions.DecisionKind.NotifyIce].Value);

        var asWritten = Compile(engine, policy, null);
        var inLosAngeles = Compile(engine, policy, LosAngeles);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((Notify(asWritten, "2025-02-28T18:00:00-08:00"), Notify(asWritten, "2025-03-01T02:00:00Z")), Is.EqualTo(("required", "unknown")), "today: the day as written");
            Assert.That((Notify(inLosAngeles, "2025-02-28T18:00:00-08:00"), Notify(inLosAngeles, "2025-03-01T02:00:00Z"), Notify(inLosAngeles, "2025-03-01T11:00:00+09:00")), Is.EqualTo(("required", "required", "required")), "the Los Angeles day in any offset");
            Assert.That(ReferenceEquals(policy.ForBookingsIn(null), policy), Is.True, "no zone named: the policy itself");
        }
    }

    [Test]
    public void ForBookingsIn_PolicyNamingItsOwnZone_IsItself()
    {
        var nyc = Catalog.Load("nyc");
        var localized = Catalog.Load("ice-detainer-request").ForBookingsIn(LosAngeles);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReferenceEquals(nyc.ForBookingsIn(LosAngeles), nyc), Is.True, "nyc names America/New_York and keeps it");
            Assert.That(localized.Time, Is.EqualTo(LosAngeles));
            Assert.That(localized.Rules, Is.EqualTo(Catalog.Load("ice-detainer-request").Rules), "rules without a look-back are shared, not rewritten");
        }
    }

    private static IPolicyEvaluator Compile(EngineKind engine, Policy policy, JurisdictionTime? bookings) => engine switch
    {
        EngineKind.RuleNetwork => PolicyCompiler.Compile(policy, (p, id) => throw new InvalidOperationException($"{p.Id} is bound by {id}"), bookings),
        EngineKind.CompiledNetwork => PolicyCompiler.CompileForBulk(policy, (p, id) => throw new InvalidOperationException($"{p.Id} is bound by {id}"), bookings),
        _ => DelegatePolicy.Compile(policy, (p, id) => throw new InvalidOperationException($"{p.Id} is bound by {id}"), bookings),
    };
}
