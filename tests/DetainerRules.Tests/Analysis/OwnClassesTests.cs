using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// A comparison asks each policy only at the points of its own space and maps each compared class onto
/// the policy's own class that holds it (<see cref="ProjectedAnswers"/>, <see cref="ScenarioSpace.ClassesIn"/>);
/// these tests hold every mapped answer to the policy asked directly at the compared point.
/// </summary>
[TestFixture]
public class OwnClassesTests
{
    // Between them they cut every kind of dimension: fields, the detainer with its court, both offense lists
    // (levels, categories, statutes, wording), conviction dates against two look-backs, and requests.
    private static readonly IPolicyEvaluator Charges = DelegatePolicy.From(TestPolicies.Compile("""
          - id: felony-or-statute
            when: person.foreign_born and (any charge(level = felony) or any charge(statute = "PC 187"))
            then: { notify_ice: { value: required, at: [booking] }, transfer_to_ice: permitted }
            because: b
            cite: src
          - id: every-misdemeanor
            when: every charge(level = misdemeanor)
            then: { delay_release: forbidden }
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator Warrants = DelegatePolicy.From(TestPolicies.Compile("""
          - id: federal-warrant
            when: detainer.warrant = judicial and detainer.warrant_court = federal
            then: { notify_ice: { value: required, at: [release] }, transfer_to_ice: forbidden }
            because: b
            cite: src
          - id: administrative-violent-past
            when: detainer.warrant = administrative and any conviction(category = homicide and within 10 years)
            then: { notify_ice: forbidden }
            priority: 1
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator Recent = DelegatePolicy.From(TestPolicies.Compile("""
          - id: recent-felony
            when: any conviction(level = felony and within 5 years of release) and person.citizenship != us_citizen
            then: { notify_ice: { value: required, at: [booking] }, delay_release: forbidden }
            because: b
            cite: src
          - id: robbery-charge
            when: any charge(category = robbery or offense = "carjacking")
            then: { transfer_to_ice: forbidden }
            because: b
            cite: src
        """));

    private static readonly (string, IPolicyEvaluator)[] Fixtures = [("charges", Charges), ("warrants", Warrants), ("recent", Recent)];

    // Look-backs in two zones, which disagree on the day at some booking moments: the space has a dimension of moments.
    private const string LookBack = """
          - id: recent-conviction
            when: any conviction(within 5 years) and any charge(level = felony)
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
        """;

    private static readonly IPolicyEvaluator Pacific = DelegatePolicy.From(TestPolicies.Compile(LookBack, "time_zone: America/Los_Angeles"));

    private static readonly IPolicyEvaluator Eastern = DelegatePolicy.From(TestPolicies.Compile(
        LookBack.Replace("5 years", "10 years of release", StringComparison.Ordinal), "time_zone: America/New_York"));

    [Test]
    public void Of_FixturePoliciesOnTheirOwnClasses_AnswersAsEachPolicyAskedAtEveryComparedPoint()
    {
        var space = ScenarioSpace.For([.. Fixtures.Select(f => f.Item2)]);

        var checkedPoints = Fixtures.Sum(f => Subject.All.Sum(subject => AssertAsAskedDirectly(f.Item2, subject, space, sample: int.MaxValue)));

        Assert.That(checkedPoints, Is.GreaterThan(1000), "the fixtures' compared points were walked");
    }

    [Test]
    public void Of_LookBacksInTwoZones_AnswersAsEachPolicyAskedAtEveryComparedPoint()
    {
        // The zones disagree on the day at some booking moments, so the space has a dimension of moments;
        // a policy that reads it keeps the compared classes of the moment and the convictions, and its own of the rest.
        IPolicyEvaluator[] policies = [Pacific, Eastern, Charges];
        var space = ScenarioSpace.For(policies);

        var checkedPoints = policies.Sum(p => Subject.All.Sum(subject => AssertAsAskedDirectly(p, subject, space, sample: int.MaxValue)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(space.Dimensions.Select(d => d.Name), Does.Contain(BookingMoments.DimensionName));
            Assert.That(checkedPoints, Is.GreaterThan(300), "the compared points were walked");
        }
    }

    [Test]
    public void Of_RandomCatalogPairs_AnswersAsEachPolicyAskedAtComparedPoints()
    {
        var ids = TestPolicies.CatalogIds().Order(StringComparer.Ordinal).ToList();
        var random = new Random(18);
        for (var pair = 0; pair < 5; pair++)
        {
            var first = ids[random.Next(ids.Count)];
            var second = ids[random.Next(ids.Count)];
            IPolicyEvaluator[] policies = [TestPolicies.ShippedDelegate(first), TestPolicies.ShippedDelegate(second)];
            var space = ScenarioSpace.For(policies);
            foreach (var policy in policies)
            {
                foreach (var subject in new[] { Subject.Of(Model.Decisions.DecisionKind.NotifyIce), Subject.Of(Model.Decisions.DecisionKind.DelayRelease), Subject.Outcome })
                {
                    AssertAsAskedDirectly(policy, subject, space, sample: 1500, seed: pair, because: $"{first} beside {second}: {policy.Policy.Id}");
                }
            }
        }
    }

    [Test]
    public void Of_PolicyReadingFewerClassesThanCompared_IsAskedOnlyAtItsOwnPoints()
    {
        var space = ScenarioSpace.For([.. Fixtures.Select(f => f.Item2)]);
        var notify = Subject.Of(Model.Decisions.DecisionKind.NotifyIce);
        var own = ScenarioSpace.For([Charges], space.Subjects, space.Filter, space.Booking.Day);
        var read = space.RelevantTo(notify, Charges).ToHashSet();
        var walked = space.RelevantTo(notify).Where(read.Contains).ToList();

        var answers = ProjectedAnswers.Of(Charges, notify, space, walked, own);

        var comparedPoints = walked.Aggregate(1, (p, d) => p * space.Dimensions[d].Count);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Evaluations, Is.EqualTo((int)own.SizeFor(notify)));
            Assert.That(answers.Evaluations, Is.LessThan(comparedPoints), "the other policies' tests cut the charges finer than this policy's own");
        }
    }

    [Test]
    public void ClassesIn_SpaceFinerThanThisOne_Throws()
    {
        // Citizenship is one class where no compared policy reads it, and two where one does.
        var coarse = ScenarioSpace.For([Charges]);
        var fine = ScenarioSpace.For([Recent]);
        var citizenship = coarse.Dimensions.ToList().FindIndex(d => d.Name == "person.citizenship");

        Assert.That(() => coarse.ClassesIn(fine, citizenship), Throws.InvalidOperationException.With.Message.Contains("not in exactly one"));
    }

    [Test]
    public void ClassesIn_TwoPoliciesOwnSpacesAskedOneAfterTheOther_EachGetsItsOwnClasses()
    {
        // The charges are cut differently by each policy's own tests: classes read for one policy's space must never answer for another's.
        var space = ScenarioSpace.For([.. Fixtures.Select(f => f.Item2)]);
        var charges = space.Dimensions.ToList().FindIndex(d => d.Name == "charges");
        var ownCharges = ScenarioSpace.For([Charges], space.Subjects, space.Filter, space.Booking.Day);
        var ownRecent = ScenarioSpace.For([Recent], space.Subjects, space.Filter, space.Booking.Day);

        var first = space.ClassesIn(ownCharges, charges);
        var second = space.ClassesIn(ownRecent, charges);
        var again = space.ClassesIn(ownCharges, charges);

        // The same mappings read on a space that has read no other.
        var fresh = ScenarioSpace.For([.. Fixtures.Select(f => f.Item2)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(fresh.ClassesIn(ownCharges, charges)));
            Assert.That(second, Is.EqualTo(ScenarioSpace.For([.. Fixtures.Select(f => f.Item2)]).ClassesIn(ownRecent, charges)));
            Assert.That(second, Is.Not.EqualTo(first), "the fixture's two policies cut the charges differently");
            Assert.That(again, Is.EqualTo(first));
        }
    }

    [Test]
    public void ClassesIn_ConvictionsAtEachMomentOnOnePointChangedInPlace_EachMomentGetsItsOwnClasses()
    {
        // Which own class a compared class of convictions falls in depends on the booking moment. The caller moves one
        // point from moment to moment, as a comparison does; each moment's classes must be its own.
        var space = ScenarioSpace.For([Pacific, Eastern]);
        var own = ScenarioSpace.For([Eastern], space.Subjects, space.Filter, space.Booking.Day);
        var moment = space.Dimensions.ToList().FindIndex(d => d.Name == BookingMoments.DimensionName);
        var convictions = space.Dimensions.ToList().FindIndex(d => d.Name == "convictions");

        var at = new int[space.Dimensions.Count];
        var read = new List<int[]>();
        for (var m = 0; m < space.Dimensions[moment].Count; m++)
        {
            at[moment] = m;
            read.Add(space.ClassesIn(own, convictions, at));
        }

        // Each moment read on a space that has read no other, from a point of its own.
        var fresh = Enumerable.Range(0, read.Count).Select(m =>
        {
            var point = new int[space.Dimensions.Count];
            point[moment] = m;
            return ScenarioSpace.For([Pacific, Eastern]).ClassesIn(own, convictions, point);
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.EqualTo(fresh));
            Assert.That(read.Skip(1).Any(r => !r.SequenceEqual(read[0])), Is.True, "the moments map the convictions differently");
        }
    }

    /// <summary>Asks the policy at every compared point over the dimensions it reads (or a sample of them), and holds the projected answer to it; returns how many points were checked.</summary>
    private static int AssertAsAskedDirectly(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, int sample, int seed = 0, string because = "")
    {
        var read = space.RelevantTo(subject, policy).ToHashSet();
        var walked = space.RelevantTo(subject).Where(read.Contains).ToList();
        var own = ScenarioSpace.For([policy], space.Subjects, space.Filter, space.Booking.Day);
        var projected = ProjectedAnswers.Of(policy, subject, space, walked, own);
        var grid = new GridPoints([.. walked.Select(d => space.Dimensions[d].Count)]);
        var random = new Random(seed);
        var positions = grid.Count <= sample ? Enumerable.Range(0, grid.Count) : Enumerable.Range(0, sample).Select(_ => random.Next(grid.Count));
        var coordinates = new int[walked.Count];
        var point = new int[space.Dimensions.Count];
        var count = 0;
        foreach (var position in positions)
        {
            grid.At(position, coordinates);
            for (var k = 0; k < walked.Count; k++)
            {
                point[walked[k]] = coordinates[k];
            }

            var direct = subject.AnswerFrom(policy, space.Build(point, "direct"));
            var mapped = projected.Distinct[projected.At(coordinates)];
            if (mapped != direct)
            {
                Assert.Fail($"{because} {subject.Name} at {space.Describe(point, walked)}: mapped `{mapped.Text}`, asked `{direct.Text}`");
            }

            count++;
        }

        return count;
    }
}
