using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// The claim the space rests on: every scenario the model can express gets, from every compared
/// policy, the answers its point's representative gets. If it holds, policies that agree on the
/// whole space agree on every scenario.
/// </summary>
[TestFixture]
public class ScenarioSpaceTests
{
    private static IEnumerable<TestCaseData> Catalog() => TestPolicies.CatalogIds().Select(id => new TestCaseData(id));

    [TestCaseSource(nameof(Catalog))]
    public void Project_RandomScenario_RepresentativeGetsTheSameAnswers(string id)
    {
        var policy = TestPolicies.ShippedDelegate(id);
        AssertRepresentativesAgree([policy], RandomScenarios.Generate(seed: 11, count: 500));
    }

    [Test]
    public void Project_SpaceOfTheWholeCatalog_RepresentativeGetsTheSameAnswersFromEveryPolicy()
    {
        var policies = TestPolicies.CatalogIds().Select(id => (IPolicyEvaluator)TestPolicies.ShippedDelegate(id)).ToList();
        AssertRepresentativesAgree(policies, RandomScenarios.Generate(seed: 12, count: 1500).Concat(Repository.ScenarioFiles().Select(f => DetainerRules.Yaml.ScenarioLoader.LoadFile(f))));
    }

    [Test]
    public void For_SameLookBackInTwoTimeZones_TheBookingMomentThatSplitsThemIsInTheSpace()
    {
        const string Rule = """
              - id: recent-conviction
                when: any conviction(within 5 years)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """;
        IPolicyEvaluator pacific = DelegatePolicy.From(TestPolicies.Compile(Rule, "time_zone: America/Los_Angeles"));
        IPolicyEvaluator eastern = DelegatePolicy.From(TestPolicies.Compile(Rule, "time_zone: America/New_York"));

        // 23:30 in Los Angeles on 10 June 2025 is 02:30 on 11 June in New York: a conviction of
        // 10 June 2020 is within five years of the Los Angeles day, a day too old for New York's.
        var lateEvening = TestScenarios.Parse("""
            booked_at: 2025-06-10T23:30:00-07:00
            charges: [ { offense: x, level: misdemeanor, category: theft } ]
            convictions: [ { offense: y, level: felony, category: robbery, convicted_on: 2020-06-10 } ]
            """);
        var notify = Subject.Of(DecisionKind.NotifyIce);
        var space = ScenarioSpace.For([pacific, eastern]);
        var comparison = PolicyComparer.OverSpace([("pacific", pacific), ("eastern", eastern)], space, [notify]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((notify.AnswerFrom(pacific, lateEvening).Value, notify.AnswerFrom(eastern, lateEvening).Value), Is.EqualTo(("required", "unknown")));
            Assert.That(space.Dimensions.Select(d => d.Name), Does.Contain("booked"));
            Assert.That(comparison.Agree, Is.False, "the space must show the moment at which the zones disagree");
        }

        AssertRepresentativesAgree([pacific, eastern], [lateEvening, .. RandomScenarios.Generate(seed: 14, count: 300)]);
    }

    [Test]
    public void For_LookBackAsWrittenAndInAZone_ABookingWrittenADayBehindTheZoneIsInTheSpace()
    {
        const string Rule = """
              - id: recent-conviction
                when: any conviction(within 5 years)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """;
        IPolicyEvaluator local = DelegatePolicy.From(TestPolicies.Compile(Rule, "time_zone: local"));
        IPolicyEvaluator eastern = DelegatePolicy.From(TestPolicies.Compile(Rule, "time_zone: America/New_York"));

        // 22:54 on 19 October written at -09:00 is 03:54 on 20 October in New York: the day as
        // written is a day behind New York's. The space once took its moments from the middle of
        // New York's day only, where no offset from -14:00 to +14:00 writes the day before, and
        // this booking fell outside it (found by the generated policies' zones).
        var written = TestScenarios.Parse("""
            booked_at: 2018-10-19T22:54:00-09:00
            charges: [ { offense: x, level: misdemeanor, category: theft } ]
            convictions: [ { offense: y, level: felony, category: robbery, convicted_on: 2013-10-19 } ]
            """);
        var notify = Subject.Of(DecisionKind.NotifyIce);
        var space = ScenarioSpace.For([local, eastern]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((notify.AnswerFrom(local, written).Value, notify.AnswerFrom(eastern, written).Value), Is.EqualTo(("required", "unknown")));
            Assert.That(space.Project(written), Is.Not.Null);
        }

        AssertRepresentativesAgree([local, eastern], [written, WrittenIn(written, new TimeSpan(14, 0, 0)), WrittenIn(written, new TimeSpan(-12, 0, 0))]);
    }

    /// <summary>
    /// Pins a gap rather than approving it: the release from a prior conviction dated on the day a
    /// booking is written on, which is already the day after the booking in the policy's zone,
    /// passes the scenario loader (it checks the day as written) but has no class in the space: the
    /// conviction is within the look-back and its release, being after the booking day, is not,
    /// which no release on or after its conviction and on or before the booking day can be. Such a
    /// scenario falls outside the space, and <c>compare --space</c> says nothing of it. The random
    /// scenarios of the differential tests keep dates on or before the earliest booking day for that
    /// reason (<c>ScenarioPalette.EarliestBookingDay</c>). Closing the gap (a class for such dates,
    /// or the loader judging the booking day in the policy's zone) should change this test.
    /// </summary>
    [Test]
    public void Project_ReleaseDatedAfterTheBookingDayInThePolicysZone_FallsOutsideTheSpace()
    {
        const string Rule = """
              - id: recent-conviction
                when: any conviction(within 5 years) and no conviction(within 5 years of release)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """;
        IPolicyEvaluator pacific = DelegatePolicy.From(TestPolicies.Compile(Rule, "time_zone: America/Los_Angeles"));

        // 02:28 on 29 March written at -01:00 is 20:28 on 28 March in Los Angeles.
        var booked = TestScenarios.Parse("""
            booked_at: 2020-03-29T02:28:00-01:00
            charges: [ { offense: x, level: misdemeanor, category: theft } ]
            convictions: [ { offense: y, level: felony, category: robbery, convicted_on: 2019-01-01, released_on: 2020-03-29 } ]
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Subject.Of(DecisionKind.NotifyIce).AnswerFrom(pacific, booked).Value, Is.EqualTo("required"), "a release after the booking day is not within the look-back");
            Assert.That(ScenarioSpace.For([pacific]).Project(booked), Is.Null);
        }
    }

    private static Scenario WrittenIn(Scenario scenario, TimeSpan offset) => RandomScenarios.WrittenIn(scenario, offset, $"{scenario.Id}-at-{offset.TotalHours}");

    [Test]
    public void For_LookBacksInOneTimeZone_NoBookingMomentDimension()
    {
        IPolicyEvaluator policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: recent-conviction
                when: any conviction(within 5 years)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """, "time_zone: America/Chicago"));
        Assert.That(ScenarioSpace.For([policy, policy]).Dimensions.Select(d => d.Name), Does.Not.Contain("booked"));
    }

    [Test]
    public void Compare_PoliciesThatAgreeOnTheSpace_AgreeOnRandomScenarios()
    {
        // The same rule written two ways: what the space claims is that agreeing on it is enough.
        IPolicyEvaluator together = DelegatePolicy.From(TestPolicies.Compile("""
              - id: notify
                when: person.foreign_born and any charge(category in [dui, robbery])
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        IPolicyEvaluator apart = DelegatePolicy.From(TestPolicies.Compile("""
              - id: notify-dui
                when: not (not person.foreign_born or no charge(category = dui))
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
              - id: notify-robbery
                when: person.foreign_born and not every charge(category != robbery)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var space = ScenarioSpace.For([together, apart]);
        var comparison = PolicyComparer.OverSpace([("together", together), ("apart", apart)], space, Subject.All);
        Assert.That(comparison.Agree, Is.True, "the two policies say the same thing");

        foreach (var scenario in RandomScenarios.Generate(seed: 13, count: 1000))
        {
            foreach (var subject in Subject.All)
            {
                Assert.That(subject.AnswerFrom(apart, scenario), Is.EqualTo(subject.AnswerFrom(together, scenario)), $"{scenario.Id} {subject}");
            }
        }
    }

    [Test]
    public void For_TwoChargesTogether_SpaceHasTheCombinationAndTheComparisonFindsIt()
    {
        var separate = DelegatePolicy.From(TestPolicies.Compile("""
              - id: felony-and-dui
                when: any charge(level = felony) and any charge(category = dui)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var together = DelegatePolicy.From(TestPolicies.Compile("""
              - id: felony-dui
                when: any charge(level = felony and category = dui)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var space = ScenarioSpace.For([separate, together], [Subject.Of(DetainerRules.Model.Decisions.DecisionKind.NotifyIce)]);

        var comparison = PolicyComparer.OverSpace([("separate", separate), ("together", together)], space, [Subject.Of(DetainerRules.Model.Decisions.DecisionKind.NotifyIce)]);

        var split = comparison.Subjects[0].Splits.Single();
        var example = split.Regions.Single().Example;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(split.Answers.Select(a => a.Text), Is.EqualTo(new[] { "required (booking)", "unknown" }));
            Assert.That(example.Charges, Has.Count.EqualTo(2), "only two charges together tell these policies apart");
            Assert.That(example.Charges.Any(c => c.Level == OffenseLevel.Felony && c.Category != OffenseCategory.Dui), Is.True);
            Assert.That(example.Charges.Any(c => c.Category == OffenseCategory.Dui && c.Level != OffenseLevel.Felony), Is.True);
            Assert.That(split.Regions.Single().Description, Does.Contain("together"));
        }
    }

    [Test]
    public void For_EveryAndNoQuantifiers_RepresentativesAgreeOnRandomScenarios()
    {
        var policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: only-minor
                when: every charge(level <= misdemeanor) and no conviction(level = felony and within 10 years)
                then: { notify_ice: forbidden }
                because: b
                cite: src
              - id: old-violent
                when: any conviction(category in [robbery, homicide] and within 20 years of release) and not any conviction(within 3 years)
                then: { transfer_to_ice: permitted }
                because: b
                cite: src
            """));
        AssertRepresentativesAgree([policy], RandomScenarios.Generate(seed: 14, count: 1500));
    }

    // Found by the space claim on generated policies (seed 14 and nine others): with no statute
    // named anywhere, the statute facet had one class, so a charge citing a statute and one citing
    // none were the same case, and `statute is known` could not split them.
    [Test]
    public void For_StatuteTestedOnlyForPresence_SpaceTellsACitedStatuteFromNone()
    {
        var cites = DelegatePolicy.From(TestPolicies.Compile("""
              - id: cites
                when: any charge(statute is known)
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var silent = DelegatePolicy.From(TestPolicies.Compile("""
              - id: never
                when: "false"
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var notify = Subject.Of(DetainerRules.Model.Decisions.DecisionKind.NotifyIce);
        var space = ScenarioSpace.For([cites, silent], [notify]);

        var comparison = PolicyComparer.OverSpace([("cites", cites), ("silent", silent)], space, [notify]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(comparison.Agree, Is.False);
            Assert.That(comparison.Subjects[0].Splits.Single().Regions.Single().Example.Charges.Single().Statute, Is.Not.Null);
            Assert.That(SpaceClaim.AssertRepresentativesAgree([cites], [TestScenarios.Parse("""
                booked_at: 2025-01-17T09:30:00-08:00
                charges: [ { offense: x, statute: PC 187, level: felony, category: robbery } ]
                """)]), Is.EqualTo(1));
        }
    }

    [Test]
    public void For_LookBack_SpaceHasBothSidesOfTheEdge()
    {
        var policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: recent
                when: any conviction(category = robbery and within 5 years of release)
                then: { transfer_to_ice: permitted }
                because: b
                cite: src
            """));
        var space = ScenarioSpace.For([policy]);
        var convictions = space.Dimensions.Single(d => d.Name == "convictions");
        var labels = Enumerable.Range(0, convictions.Count).Select(convictions.Label).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(labels, Has.Some.Contains("released within 5 years"));
            Assert.That(labels, Has.Some.Contains("released more than 5 years before"));
            Assert.That(labels, Has.Some.EqualTo("no prior conviction"));
        }
    }

    [Test]
    public void For_PolicyReadingTheWarrantCourt_SplitsAJudgesWarrantByCourtAndOnlyThen()
    {
        IPolicyEvaluator reads = DelegatePolicy.From(TestPolicies.Compile("""
              - id: federal-judge
                when: detainer.warrant = judicial and detainer.warrant_court != state
                then: { transfer_to_ice: permitted }
                because: b
                cite: src
            """));
        IPolicyEvaluator ignores = DelegatePolicy.From(TestPolicies.Compile("""
              - id: any-judge
                when: detainer.warrant = judicial
                then: { transfer_to_ice: permitted }
                because: b
                cite: src
            """));
        var transfer = Subject.Of(DecisionKind.TransferToIce);
        var split = ScenarioSpace.For([reads]);
        var plain = ScenarioSpace.For([ignores]);
        var splitDetainers = split.Points().Select(p => split.Build(p, "p").Detainer).ToList();
        var plainDetainers = plain.Points().Select(p => plain.Build(p, "p").Detainer).ToList();
        var comparison = PolicyComparer.OverSpace([("reads", reads), ("ignores", ignores)], ScenarioSpace.For([reads, ignores]), [transfer]);

        using (Assert.EnterMultipleScope())
        {
            // A state court's warrant is a class of its own; an unstated court answers as a federal one.
            Assert.That(splitDetainers.Select(d => d?.WarrantCourt), Does.Contain(WarrantCourt.State));
            Assert.That(splitDetainers.Where(d => d is { Warrant: WarrantKind.Judicial }).Select(d => d!.WarrantCourt).Distinct().Count(), Is.EqualTo(2));
            Assert.That(plainDetainers.Select(d => (d?.WarrantCourt, d?.WarrantOffense)), Is.All.EqualTo(((WarrantCourt?)null, (WarrantOffense?)null)), "a policy that does not read the facts gets no dimension for them");
            var regions = comparison.Subjects.Single().Splits.SelectMany(x => x.Regions).ToList();
            Assert.That(regions, Is.Not.Empty, "the two disagree on a state court's warrant");
            Assert.That(regions.Select(r => r.Example.Detainer?.WarrantCourt), Is.All.EqualTo(WarrantCourt.State), "and only there");
            Assert.That(regions.Select(r => r.Description), Is.All.Contains("a state judge's warrant"));
        }
    }

    [Test]
    public void For_Where_NarrowsEveryScenarioOfTheSpace()
    {
        var policy = DelegatePolicy.Compile(DetainerRules.Yaml.PolicyLoader.LoadFile(Fixtures.Policy("notice-2023")), DetainerRules.Yaml.PolicyLoader.LoadBeside);
        var filter = SpaceFilter.Parse(["charge.level=felony", "detainer.warrant!=judicial"]);
        var space = ScenarioSpace.For([policy], null, filter);
        var whole = ScenarioSpace.For([policy]);

        var scenarios = space.Points().Select(p => space.Build(p, "p")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(space.Size, Is.LessThan(whole.Size));
            Assert.That(scenarios.SelectMany(s => s.Charges).Select(c => c.Level).Distinct(), Is.EqualTo(new[] { OffenseLevel.Felony }));
            Assert.That(scenarios.Select(s => s.Detainer?.Warrant), Has.None.EqualTo(WarrantKind.Judicial));
            Assert.That(scenarios.Select(s => s.Detainer), Has.None.Null, "a clause on detainer.warrant leaves out scenarios with no detainer");
        }
    }

    /// <summary>A clause on a judge's warrant's court or offense keeps exactly the detainers it names, for a policy that never reads them too; a scenario outside it has no point.</summary>
    [Test]
    public void For_WhereOnTheWarrantsCourtAndOffense_KeepsExactlyThoseDetainers()
    {
        IPolicyEvaluator policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: any-judge
                when: detainer.warrant = judicial
                then: { transfer_to_ice: permitted }
                because: b
                cite: src
            """));
        List<Detainer?> Detainers(params string[] clauses)
        {
            var space = ScenarioSpace.For([policy], null, SpaceFilter.Parse(clauses));
            return [.. space.Points().Select(p => space.Build(p, "p").Detainer)];
        }

        var state = Detainers("detainer.warrant_court=state");
        var notState = Detainers("detainer.warrant_court!=state");
        var unstated = Detainers("detainer.warrant_court=unstated");
        var civil = Detainers("detainer.warrant_offense=civil");
        var federalSpace = ScenarioSpace.For([policy], null, SpaceFilter.Parse(["detainer.warrant_court=federal"]));
        static Scenario Judges(string court) => TestScenarios.Arrest(extra: $"detainer: {{ form: I-247A, warrant: judicial, warrant_court: {court}, received_at: 2025-01-17T10:00:00-08:00 }}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state, Is.Not.Empty);
            Assert.That(state.Select(d => (d?.Warrant, d?.WarrantCourt)), Is.All.EqualTo(((WarrantKind?)WarrantKind.Judicial, (WarrantCourt?)WarrantCourt.State)));
            Assert.That(notState, Has.None.Null, "a clause on a part of the detainer keeps only scenarios with one");
            Assert.That(notState.Select(d => d!.WarrantCourt), Has.None.EqualTo(WarrantCourt.State));
            // The policy does not tell a federal judge from an unstated one: one class, shown by its first value.
            Assert.That(notState.Select(d => (d!.Warrant, d.WarrantCourt)), Does.Contain((WarrantKind.Administrative, (WarrantCourt?)null)).And.Contain((WarrantKind.Judicial, (WarrantCourt?)null)));
            Assert.That(unstated.Select(d => d!.WarrantCourt), Is.All.Null);
            Assert.That(unstated.Select(d => d!.Warrant), Does.Contain(WarrantKind.Judicial), "a judge's warrant that does not name its court is unstated");
            Assert.That(civil.Select(d => (d?.Warrant, d?.WarrantOffense)), Is.All.EqualTo(((WarrantKind?)WarrantKind.Judicial, (WarrantOffense?)WarrantOffense.Civil)));
            Assert.That(federalSpace.Project(Judges("federal")), Is.Not.Null);
            Assert.That(federalSpace.Project(Judges("state")), Is.Null, "a state judge's warrant is outside a space of federal ones");
        }
    }

    [TestCase("charge.levle=felony", "unknown field `charge.levle` (did you mean `charge.level`?)")]
    [TestCase("charge.level=felonyy", "`felonyy` is not a value of `charge.level` (did you mean `felony`?)")]
    [TestCase("charge.level", "expected FIELD=VALUE")]
    [TestCase("detainer.warrant_court=county", "`county` is not a value of `detainer.warrant_court`; expected one of federal, state, unstated")]
    [TestCase("person.foreign_born!=yes,no,unknown", "no value of `person.foreign_born` is left")]
    public void Parse_BadClause_SaysWhatIsWrong(string clause, string message)
    {
        var error = Assert.Throws<SpaceFilterException>(() => SpaceFilter.Parse([clause]));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Size_IsTheProductOfTheDimensionsAndEveryPointIsEnumeratedOnce()
    {
        var space = ScenarioSpace.For([DelegatePolicy.Compile(DetainerRules.Yaml.PolicyLoader.LoadFile(Fixtures.Policy("notice-2023")), DetainerRules.Yaml.PolicyLoader.LoadBeside)]);
        var keys = space.Points().Select(p => string.Join(",", p)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((long)keys.Count, Is.EqualTo((long)space.Dimensions.Aggregate(1L, (n, d) => n * d.Count)));
            Assert.That(keys.Distinct().Count(), Is.EqualTo(keys.Count));
            Assert.That(keys, Has.Count.GreaterThan(1));
        }
    }

    private static void AssertRepresentativesAgree(IReadOnlyList<IPolicyEvaluator> policies, IEnumerable<Scenario> scenarios) =>
        Assert.That(SpaceClaim.AssertRepresentativesAgree(policies, scenarios), Is.GreaterThan(0));
}
