using DetainerRules.Analysis;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

[TestFixture]
public class PolicyComparerTests
{
    private static (string, IPolicyEvaluator) Shipped(string id) => (id, TestPolicies.ShippedDelegate(id));

    [Test]
    public void OverSpace_Lvmpd2019And2023_NotificationDiffersExactlyForListedChargesOfPeopleBornAbroad()
    {
        var policies = new[] { Shipped("lvmpd-2019"), Shipped("lvmpd-2023") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var notify = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.NotifyIce)]).Subjects.Single();

        var split = notify.Splits.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(split.Answers.Select(a => a.Text), Is.EqualTo(new[] { "unknown", "required (booking, release)" }));
            Assert.That(split.Regions, Has.Count.EqualTo(2));
            Assert.That(split.Regions.Select(r => r.Description), Has.All.StartWith("born abroad; "));
            Assert.That(split.Regions[0].Description, Does.Contain("a charge of domestic violence or DUI"));
            Assert.That(split.Regions[1].Description, Does.Contain("a felony charge of homicide"));
            Assert.That(split.Regions.All(r => r.Example.Person.ForeignBorn == true), Is.True);
        }
    }

    [Test]
    public void OverSpace_RegionExample_GetsTheSplitsAnswersWhenEvaluated()
    {
        var policies = new[] { Shipped("california"), Shipped("nyc") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, Subject.All);

        foreach (var subject in comparison.Subjects)
        {
            foreach (var split in subject.Splits)
            {
                foreach (var region in split.Regions)
                {
                    var answers = policies.Select(p => subject.Subject.AnswerFrom(p.Item2, region.Example)).ToList();
                    Assert.That(answers, Is.EqualTo(split.Answers), $"{subject.Subject}: {region.Description}");
                }
            }
        }
    }

    [Test]
    public void OverSpace_PolicyAgainstItself_Agrees()
    {
        var policies = new[] { Shipped("nyc"), ("nyc again", (IPolicyEvaluator)TestPolicies.ShippedPolicy("nyc")) };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, Subject.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(comparison.Agree, Is.True);
            Assert.That(comparison.Subjects.Select(s => s.Differing), Has.All.EqualTo(0));
        }
    }

    [Test]
    public void OverSpace_ThreePolicies_AgreementMatrixIsSymmetricWithFullDiagonal()
    {
        var policies = new[] { Shipped("chicago"), Shipped("illinois"), Shipped("texas-sb4") };
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

            Assert.That(delay.Agreement(0, 2), Is.LessThan(1.0), "Chicago never holds for ICE; Texas must");
            Assert.That(delay.Splits.Sum(s => s.Cases), Is.EqualTo(delay.Differing));
        }
    }

    [Test]
    public void OverScenarios_ShippedScenarios_ListsTheScenariosOfEachSplit()
    {
        var policies = new[] { Shipped("lvmpd-2023"), Shipped("lvmpd-2025-06") };
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);
        var scenarios = Repository.ScenarioFiles().Select(f => DetainerRules.Yaml.ScenarioLoader.LoadFile(f)).ToList();

        var delay = PolicyComparer.OverScenarios(policies, space, scenarios, [Subject.Of(DecisionKind.DelayRelease)]).Subjects.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delay.Cases, Is.EqualTo(scenarios.Count));
            Assert.That(delay.Splits.SelectMany(s => s.Scenarios), Does.Contain("lv-robbery-no-ice"), "the 2025 agreement holds on an administrative warrant; 2023 never did");
            Assert.That(delay.Splits.SelectMany(s => s.Regions).Select(r => r.Example.Id), Is.SubsetOf(scenarios.Select(s => s.Id)));
        }
    }
}
