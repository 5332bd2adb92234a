using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// A comparison over the space asks each policy only on the dimensions its own rules read and projects
/// every case onto them (<see cref="ProjectedAnswers"/>); these tests hold it to the plain walk, every
/// policy asked at every case, on policies that read different dimensions.
/// </summary>
[TestFixture]
public class ProjectedComparisonTests
{
    // Each reads dimensions the others do not: born abroad and the charges; the detainer and the convictions; citizenship.
    private static readonly IPolicyEvaluator Born = DelegatePolicy.From(TestPolicies.Compile("""
          - id: born-abroad-felony
            when: person.foreign_born and any charge(level = felony)
            then: { notify_ice: { value: required, at: [booking] }, transfer_to_ice: permitted }
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator Detained = DelegatePolicy.From(TestPolicies.Compile("""
          - id: warrant
            when: detainer.warrant = judicial
            then: { notify_ice: { value: required, at: [release] }, delay_release: forbidden }
            because: b
            cite: src
          - id: administrative-violent-past
            when: detainer.warrant = administrative and any conviction(category = homicide)
            then: { notify_ice: forbidden }
            priority: 1
            because: b
            cite: src
        """));

    private static readonly IPolicyEvaluator Citizen = DelegatePolicy.From(TestPolicies.Compile("""
          - id: citizen
            when: person.citizenship = us_citizen
            then: { notify_ice: forbidden, transfer_to_ice: forbidden }
            because: b
            cite: src
        """));

    private static readonly (string, IPolicyEvaluator)[] Three = [("born", Born), ("detained", Detained), ("citizen", Citizen)];

    [Test]
    public void OverSpace_PoliciesReadingDifferentDimensions_CountsEveryCaseAsThePlainWalkDoes()
    {
        var space = ScenarioSpace.For([Born, Detained, Citizen]);

        var comparison = PolicyComparer.OverSpace(Three, space, Subject.All);

        AssertAsWalked(comparison, Three, space);
        Assert.That(comparison.Subjects.Sum(s => s.Splits.Count), Is.GreaterThan(3), "the policies split in several ways");
    }

    [Test]
    public void Run_CatalogPoliciesNarrowed_CountsEveryCaseAndDrawsEveryRegionAsThePlainWalkDoes()
    {
        // los-angeles-county is bound by california, whose rules read other fields than the county's own; its layers are
        // compared over a space built for all three, most of whose dimensions neither layer reads.
        (string, IPolicyEvaluator)[] policies = [.. new[] { "lvmpd-2023", "los-angeles-county", "nyc" }.Select(id => (id, (IPolicyEvaluator)TestPolicies.ShippedDelegate(id)))];
        var filter = SpaceFilter.Parse(["convictions.count=0", "person.foreign_born=yes"]);
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)], null, filter);

        var comparison = ComparisonRun.Of(policies, Subject.All, filter, null, null);

        AssertAsWalked(comparison, policies, space);
        Assert.That(comparison.Layers.Select(l => (l.Policy, l.Authority)), Is.EquivalentTo(new[] { ("los-angeles-county", "california"), ("nyc", "new-york-state") }));
        Assert.That(comparison.Layers.Sum(l => l.Findings.Subjects.Sum(s => s.Splits.Count)), Is.Positive, "a policy's own rules and its authority disagree somewhere");
        foreach (var layer in comparison.Layers)
        {
            var bound = policies.Single(p => p.Item1 == layer.Policy).Item2;
            (string, IPolicyEvaluator)[] three = [("own", bound.WithoutAuthorities()), ("authority", bound.Authorities.Single(a => a.Policy.Id == layer.Authority)), ("in force", bound)];
            foreach (var subject in layer.Findings.Subjects)
            {
                AssertRegionsAsWalked(subject, three, space);
            }
        }
    }

    [Test]
    public void ProjectedAnswers_PolicyReadingTwoOfTheDimensions_IsAskedOnlyOnThoseTwo()
    {
        var space = ScenarioSpace.For([Born, Detained, Citizen]);
        var notify = Subject.Of(DecisionKind.NotifyIce);
        var compared = space.RelevantTo(notify);
        var own = space.RelevantTo(notify, Born);

        var answers = ProjectedAnswers.Of(Born, notify, space, compared);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(own.Select(d => space.Dimensions[d].Name), Is.EquivalentTo(new[] { "person.foreign_born", "charges" }));
            Assert.That(answers.Evaluations, Is.EqualTo(own.Aggregate(1, (p, d) => p * space.Dimensions[d].Count)));
            Assert.That(answers.Evaluations, Is.LessThan((int)space.SizeFor(notify)), "fewer than the cases compared");
            Assert.That(answers.Distinct.Select(a => a.Text), Is.EquivalentTo(new[] { "unknown", "required (booking)" }));
        }
    }

    /// <summary>Every count of the comparison as the plain walk finds it: each policy asked at each case of the subject's part of the space.</summary>
    private static void AssertAsWalked(PolicyComparison comparison, (string, IPolicyEvaluator)[] policies, ScenarioSpace space)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var compared in comparison.Subjects)
            {
                var subject = compared.Subject;
                var walked = space.Points(subject)
                    .Select(point => space.Build(point, "walked"))
                    .Select(scenario => policies.Select(p => subject.AnswerFrom(p.Item2, scenario)).ToArray())
                    .ToList();
                var agreeing = new long[policies.Length, policies.Length];
                foreach (var answers in walked)
                {
                    for (var a = 0; a < policies.Length; a++)
                    {
                        for (var b = 0; b < policies.Length; b++)
                        {
                            agreeing[a, b] += answers[a] == answers[b] ? 1 : 0;
                        }
                    }
                }

                var splits = walked
                    .Where(answers => answers.Distinct().Count() > 1)
                    .GroupBy(answers => string.Join(" | ", answers.Select(a => a.Text)))
                    .OrderByDescending(g => g.Count())
                    .Select(g => (g.Key, (long)g.Count()))
                    .ToList();

                Assert.That(compared.Cases, Is.EqualTo(walked.Count), subject.Name);
                Assert.That(compared.Differing, Is.EqualTo(splits.Sum(s => s.Item2)), subject.Name);
                Assert.That(compared.Agreeing, Is.EqualTo(agreeing), subject.Name);
                Assert.That(
                    compared.Splits.Select(s => (string.Join(" | ", s.Answers.Select(a => a.Text)), s.Cases)),
                    Is.EquivalentTo(splits),
                    subject.Name);
                AssertRegionsAsWalked(compared, policies, space);
            }
        }
    }

    /// <summary>Each split's regions as the greedy cover draws them on every case of the subject's part of the space, each with the first case it covers as example.</summary>
    private static void AssertRegionsAsWalked(SubjectComparison compared, (string, IPolicyEvaluator)[] policies, ScenarioSpace space)
    {
        var subject = compared.Subject;
        var points = space.Points(subject).ToList();
        var texts = points
            .Select(point => space.Build(point, "walked"))
            .Select(scenario => string.Join(" | ", policies.Select(p => subject.AnswerFrom(p.Item2, scenario).Text)))
            .ToList();
        var layout = new AxisLayout(space, [.. space.RelevantTo(subject)]);
        var axes = points.Select(layout.Axes).ToList();
        var index = new PointIndex(layout.Sizes, axes);
        foreach (var split in compared.Splits)
        {
            var key = string.Join(" | ", split.Answers.Select(a => a.Text));
            var members = new ulong[index.Words];
            for (var i = 0; i < points.Count; i++)
            {
                if (texts[i] == key)
                {
                    members[i >> 6] |= 1UL << (i & 63);
                }
            }

            var expected = Regions.Cover(index, axes, members)
                .Select(c => (layout.Describe(c.Box).Description, (long)c.Covered.Count, space.Describe(points[c.Covered[0]], space.RelevantTo(subject))))
                .ToList();

            Assert.That(
                split.Regions.Select(r => (r.Description, r.Cases, space.Describe(space.Project(r.Example)!, space.RelevantTo(subject)))),
                Is.EqualTo(expected),
                $"{subject.Name}: {key}");
        }
    }
}
