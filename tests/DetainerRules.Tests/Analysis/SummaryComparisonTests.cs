using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// The summary comparison counts on the product of the policies' answer diagrams (<see cref="SummaryComparer"/>)
/// what the full comparison counts by walking every case (<see cref="PolicyComparer.OverSpace"/>); these tests run
/// both and hold every number, every split and its order, and every layer of authority to be the same.
/// </summary>
[TestFixture]
public class SummaryComparisonTests
{
    // Reads the booking moment against another zone (look-backs from conviction and from release), and both offense lists.
    private const string RecentRule = """
          - id: recent-conviction
            when: any conviction(level = felony and within 5 years) and any charge(level = felony)
            then: { notify_ice: { value: required, at: [booking] }, transfer_to_ice: permitted }
            because: b
            cite: src
          - id: every-misdemeanor
            when: every charge(level = misdemeanor) and person.foreign_born
            then: { delay_release: forbidden, notify_ice: forbidden }
            priority: 1
            because: b
            cite: src
        """;

    private static readonly IPolicyEvaluator Pacific = DelegatePolicy.From(TestPolicies.Compile(RecentRule, "time_zone: America/Los_Angeles"));

    private static readonly IPolicyEvaluator Eastern = DelegatePolicy.From(TestPolicies.Compile(
        RecentRule.Replace("within 5 years", "within 10 years of release", StringComparison.Ordinal), "time_zone: America/New_York"));

    // Bound by a state law that reads the charges, so its layers are compared too.
    private static readonly string County = TestPolicies.Yaml("""
          - id: foreign-born
            when: person.foreign_born and detainer.warrant = administrative
            then: { notify_ice: { value: required, at: [release] }, release_if_ice_absent: permitted }
            because: b
            cite: src
          - id: robbery
            when: any charge(category = robbery or statute = "PC 211")
            then: { notify_ice: { value: required, at: [booking, release] }, transfer_to_ice: forbidden }
            priority: 1
            because: b
            cite: src
        """).Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal);

    private static readonly string State = TestPolicies.Yaml("""
          - id: no-notice-for-felonies
            when: any charge(level = felony) and not (any conviction(category = homicide))
            then: { notify_ice: forbidden, delay_release: forbidden }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: state", StringComparison.Ordinal);

    private static readonly DelegatePolicy Bound = DelegatePolicy.Compile(Load("county"), (_, id) => Load(id));

    [Test]
    public void OverSpace_FixturePolicies_CountsAsTheFullComparison()
    {
        (string, IPolicyEvaluator)[] policies = [("pacific", Pacific), ("eastern", Eastern), ("county", Bound)];

        var (full, summary) = Both(policies);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ScenarioSpace.For([Pacific, Eastern, Bound]).Dimensions.Select(d => d.Name), Does.Contain(BookingMoments.DimensionName), "the zones disagree on the day");
            Assert.That(full.Layers, Has.Count.EqualTo(1), "the county's layers are compared");
            Assert.That(full.Subjects.Sum(s => s.Splits.Count), Is.GreaterThan(10), "the policies split in many ways");
            Assert.That(full.Layers.Sum(l => l.Findings.Subjects.Sum(s => s.Splits.Count)), Is.Positive, "the county and the state disagree somewhere");
        }

        AssertSameCounts(full, summary);
    }

    [Test]
    public void OverSpace_FixturePoliciesNarrowed_CountsAsTheFullComparison()
    {
        (string, IPolicyEvaluator)[] policies = [("eastern", Eastern), ("county", Bound)];
        var filter = SpaceFilter.Parse(["person.foreign_born=yes"]);

        var full = ComparisonRun.Of(policies, Subject.All, filter, null, null);
        var summary = ComparisonRun.Of(policies, Subject.All, filter, null, null, summary: true);

        AssertSameCounts(full, summary);
    }

    [Test]
    public void OverSpace_RandomCatalogPairsAndTriples_CountAsTheFullComparison()
    {
        // Seeded, and drawn again until every subject's cases stay few enough for the full comparison to be quick.
        var ids = TestPolicies.CatalogIds().Order(StringComparer.Ordinal).ToList();
        var random = new Random(18);
        var compared = 0;
        while (compared < 5)
        {
            var picked = Enumerable.Range(0, 2 + (compared % 2)).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
            var policies = picked.Select(id => (id, (IPolicyEvaluator)TestPolicies.ShippedDelegate(id))).ToArray();
            var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);
            if (picked.Count < 2 || Subject.All.Any(s => space.SizeFor(s) > 150_000))
            {
                continue;
            }

            var (full, summary) = Both(policies);
            AssertSameCounts(full, summary, string.Join(" ", picked));
            compared++;
        }
    }

    // Three policies that read the detainer, two for notice and one only for transfers, each telling apart
    // different forms and warrants: so for notice the compared detainers outnumber what the two readers
    // tell apart, and several compared detainers walk as one step of the product. No authorities, so no layers.
    private static readonly IPolicyEvaluator FormA = DelegatePolicy.From(TestPolicies.Compile("""
          - id: form-a
            when: detainer.form = I-247A or detainer.warrant = judicial
            then: { notify_ice: { value: required, at: [release] } }
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator FormN = DelegatePolicy.From(TestPolicies.Compile("""
          - id: form-n
            when: detainer.form = I-247N and not (detainer.warrant = judicial)
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
          - id: i-203
            when: detainer.form = I-203
            then: { notify_ice: { value: permitted, at: [booking, release] } }
            because: b
            cite: src
          - id: judicial
            when: detainer.warrant = judicial
            then: { notify_ice: forbidden }
            priority: 1
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator TransfersOnly = DelegatePolicy.From(TestPolicies.Compile("""
          - id: administrative
            when: detainer.warrant = administrative
            then: { transfer_to_ice: permitted }
            because: b
            cite: src
        """));

    private static readonly (string, IPolicyEvaluator)[] Forms = [("form-a", FormA), ("form-n", FormN), ("transfers", TransfersOnly)];

    [Test]
    public void OverSpace_ComparedClassesSharingAStep_CountsAsTheFullComparison()
    {
        var (full, summary) = Both(Forms);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(full.Layers, Is.Empty, "no policy is bound by another");
            Assert.That(WalkOf(Forms, Subject.Of(DecisionKind.NotifyIce)).Levels.Any(l => l.Steps < l.Classes), Is.True, "some compared detainers walk as one step");
            Assert.That(full.Subjects.Single(s => s.Subject == Subject.Of(DecisionKind.NotifyIce)).Splits, Has.Count.GreaterThan(2), "the notices split in several ways");
        }

        AssertSameCounts(full, summary);
    }

    [Test]
    public void ProductWalk_ComparedClassesSharingAStep_GroupsAsAWalkOfTheCases()
    {
        // Each tuple of answers, its cases and the first case of it in the comparison's order, found by asking every case.
        foreach (var subject in Subject.All)
        {
            var space = ScenarioSpace.For([.. Forms.Select(p => p.Item2)]);
            var (dimensions, _, _) = PolicyComparer.Walked(Forms, space, subject);
            var grid = new GridPoints([.. dimensions.Select(d => space.Dimensions[d].Count)]);
            var walked = new List<(string Answers, long Cases, long First)>();
            var at = new int[dimensions.Count];
            var point = new int[space.Dimensions.Count];
            for (var i = 0; i < grid.Count; i++)
            {
                grid.At(i, at);
                for (var k = 0; k < at.Length; k++)
                {
                    point[dimensions[k]] = at[k];
                }

                var scenario = space.Build(point, "case");
                var answers = string.Join("; ", Forms.Select(p => subject.AnswerFrom(p.Item2, scenario)));
                var seen = walked.FindIndex(g => g.Answers == answers);
                if (seen < 0)
                {
                    walked.Add((answers, 1, i));
                }
                else
                {
                    walked[seen] = walked[seen] with { Cases = walked[seen].Cases + 1 };
                }
            }

            var walk = WalkOf(Forms, subject);
            Assert.That(walk.Groups.Select(g => (string.Join("; ", g.Answers), g.Cases, g.First)), Is.EqualTo(walked), subject.Name);
        }
    }

    [Test]
    public void OverSpace_TwoPoliciesWithOneIdAndTheirLayers_AskedApart()
    {
        // The same id, title and authority, the same rules but for one word: answers kept by anything but the
        // policy object (its id, its file, what it is bound by) would give both the first one's answers.
        var felonies = DelegatePolicy.Compile(Load("county"), (_, id) => Load(id));
        var misdemeanors = DelegatePolicy.Compile(
            PolicyLoader.Load(County.Replace("category = robbery", "level = misdemeanor", StringComparison.Ordinal), "county.yaml"), (_, id) => Load(id));
        (string, IPolicyEvaluator)[] policies = [("county", felonies), ("county", misdemeanors)];

        var (full, summary) = Both(policies);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(felonies.Policy.Id, Is.EqualTo(misdemeanors.Policy.Id));
            Assert.That(full.Subjects.Sum(s => s.Differing), Is.Positive, "the two policies differ somewhere");
            Assert.That(full.Layers, Has.Count.EqualTo(2), "each is bound by the state");
        }

        AssertSameCounts(full, summary);
    }

    private static ProductWalk WalkOf((string, IPolicyEvaluator)[] policies, Subject subject)
    {
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);
        var (dimensions, _, _) = PolicyComparer.Walked(policies, space, subject);
        var diagrams = policies.Select(p => AnswerDiagram.Of(p.Item2, subject, space, dimensions, ScenarioSpace.For([p.Item2], space.Subjects, space.Filter, space.Booking.Day))).ToList();
        return ProductWalk.Over(diagrams, [.. dimensions.Select(d => space.Dimensions[d].Count)]);
    }

    private static Model.Policies.Policy Load(string id) => PolicyLoader.Load(id == "county" ? County : State, id + ".yaml");

    private static (PolicyComparison Full, PolicyComparison Summary) Both((string, IPolicyEvaluator)[] policies) =>
        (ComparisonRun.Of(policies, Subject.All, SpaceFilter.None, null, null), ComparisonRun.Of(policies, Subject.All, SpaceFilter.None, null, null, summary: true));

    private static void AssertSameCounts(PolicyComparison full, PolicyComparison summary, string because = "")
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Summary, Is.True);
            AssertSameSubjects(full, summary, because);
            Assert.That(summary.Layers.Select(l => (l.Policy, l.Authority)), Is.EqualTo(full.Layers.Select(l => (l.Policy, l.Authority))), because);
            foreach (var (f, s) in full.Layers.Zip(summary.Layers))
            {
                AssertSameSubjects(f.Findings, s.Findings, $"{because} {f.Policy} under {f.Authority}");
            }
        }
    }

    private static void AssertSameSubjects(PolicyComparison full, PolicyComparison summary, string because)
    {
        Assert.That(summary.Subjects.Select(s => s.Subject), Is.EqualTo(full.Subjects.Select(s => s.Subject)), because);
        foreach (var (f, s) in full.Subjects.Zip(summary.Subjects))
        {
            var about = $"{because} {f.Subject.Name}";
            Assert.That((s.Cases, s.Differing), Is.EqualTo((f.Cases, f.Differing)), about);
            Assert.That(s.Dimensions, Is.EqualTo(f.Dimensions), about);
            Assert.That(s.Agreeing, Is.EqualTo(f.Agreeing), about);
            Assert.That(s.Splits.Select(x => (string.Join("; ", x.Answers), x.Cases)), Is.EqualTo(f.Splits.Select(x => (string.Join("; ", x.Answers), x.Cases))), about);
            Assert.That(s.Splits.SelectMany(x => x.Answers), Is.EqualTo(f.Splits.SelectMany(x => x.Answers)), about);
            Assert.That(s.Splits.Sum(x => x.Regions.Count + x.Scenarios.Count), Is.Zero, $"{about}: a summary draws no regions");
        }
    }
}
