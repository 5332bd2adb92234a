using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

/// <summary>The comparison machinery, on fixture policies whose differences are counted by hand in their files.</summary>
[TestFixture]
public class PolicyComparerTests
{
    private static (string, IPolicyEvaluator) Fixture(string id) => (id, DelegatePolicy.Compile(PolicyLoader.LoadFile(Fixtures.Policy(id)), PolicyLoader.LoadBeside));

    [Test]
    public void OverSpace_PolicyAndItsAmendment_NotificationDiffersExactlyForListedChargesOfPeopleBornAbroad()
    {
        var policies = new[] { Fixture("notice-2020"), Fixture("notice-2023") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var notify = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.NotifyIce)]).Subjects.Single();

        var split = notify.Splits.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((notify.Cases, notify.Differing), Is.EqualTo((12L, 3L)), "counted in notice-2023.yaml");
            Assert.That(split.Answers.Select(a => a.Text), Is.EqualTo(new[] { "unknown", "required (booking, release)" }));
            Assert.That(split.Regions.Select(r => r.Cases), Is.EqualTo(new[] { 2L, 1L }));
            Assert.That(split.Regions.Select(r => r.Description), Has.All.StartWith("born abroad; "));
            Assert.That(split.Regions[0].Description, Does.Contain("a charge of domestic violence or DUI"));
            Assert.That(split.Regions[1].Description, Does.Contain("a felony charge of homicide or robbery"));
            Assert.That(split.Regions.All(r => r.Example.Person.ForeignBorn == true), Is.True);
        }
    }

    [TestCase("detainer.warrant!=judicial", "a detainer with an administrative warrant")]
    [TestCase("detainer.form=I-247A", "a detainer with an administrative warrant")]
    [TestCase("detainer=present", "a detainer with an administrative warrant")]
    public void OverSpace_NarrowedDetainers_RegionSaysWhichDetainerItsExampleHas(string clause, string description)
    {
        // notice-2023 holds on an administrative warrant and notice-2020 does not: that is the split, whatever the form.
        var policies = new[] { Fixture("notice-2020"), Fixture("notice-2023") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)], null, SpaceFilter.Parse([clause]));

        var region = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.DelayRelease)]).Subjects.Single().Splits.Single().Regions.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(region.Example.Detainer?.Warrant, Is.EqualTo(Model.Scenarios.WarrantKind.Administrative));
            Assert.That(region.Description, Is.EqualTo(description));
        }
    }

    [Test]
    public void OverSpace_RegionExample_GetsTheSplitsAnswersWhenEvaluated()
    {
        var policies = new[] { Fixture("notice-2020"), Fixture("notice-2023"), Fixture("wider") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, Subject.All);

        var regions = 0;
        foreach (var subject in comparison.Subjects)
        {
            foreach (var split in subject.Splits)
            {
                foreach (var region in split.Regions)
                {
                    var answers = policies.Select(p => subject.Subject.AnswerFrom(p.Item2, region.Example)).ToList();
                    Assert.That(answers, Is.EqualTo(split.Answers), $"{subject.Subject}: {region.Description}");
                    regions++;
                }
            }
        }

        Assert.That(regions, Is.GreaterThan(3), "the policies differ in several places");
    }

    [Test]
    public void OverSpace_PolicyAgainstItself_Agrees()
    {
        var network = PolicyCompiler.Compile(PolicyLoader.LoadFile(Fixtures.Policy("notice-2023")), PolicyLoader.LoadBeside);
        var policies = new[] { Fixture("notice-2023"), ("notice-2023 again", (IPolicyEvaluator)network) };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, Subject.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(comparison.Agree, Is.True);
            Assert.That(comparison.Subjects.Select(s => s.Differing), Has.All.EqualTo(0));
            Assert.That(comparison.Subjects.Select(s => s.Cases), Has.All.Positive);
        }
    }

    [Test]
    public void OverSpace_ThreePolicies_AgreementMatrixIsSymmetricWithFullDiagonal()
    {
        var policies = new[] { Fixture("notice-2020"), Fixture("notice-2023"), Fixture("wider") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var delay = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.DelayRelease)]).Subjects.Single();

        using (Assert.EnterMultipleScope())
        {
            for (var a = 0; a < 3; a++)
            {
                Assert.That(delay.Agreement(a, a), Is.EqualTo(1.0));
                for (var b = 0; b < 3; b++)
                {
                    Assert.That(delay.Agreeing[a, b], Is.EqualTo(delay.Agreeing[b, a]));
                }
            }

            Assert.That(delay.Agreement(0, 1), Is.LessThan(1.0), "notice-2023 holds on an administrative warrant; notice-2020 does not");
            Assert.That(delay.Splits.Sum(s => s.Cases), Is.EqualTo(delay.Differing));
        }
    }

    [Test]
    public void OverScenarios_FixtureScenarios_ListsTheScenariosOfEachSplit()
    {
        var policies = new[] { Fixture("notice-2020"), Fixture("notice-2023") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);
        var scenarios = Directory.GetFiles(Fixtures.Scenarios).Order(StringComparer.Ordinal).Select(f => ScenarioLoader.LoadFile(f)).ToList();

        var delay = PolicyComparer.OverScenarios(policies, space, scenarios, [Subject.Of(DecisionKind.DelayRelease)]).Subjects.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delay.Cases, Is.EqualTo(scenarios.Count));
            Assert.That(delay.Splits.SelectMany(s => s.Scenarios), Is.EqualTo(new[] { "robbery-abroad-administrative-warrant" }), "the only administrative warrant among them");
            Assert.That(delay.Splits.SelectMany(s => s.Regions).Select(r => r.Example.Id), Is.SubsetOf(scenarios.Select(s => s.Id)));
        }
    }
}
