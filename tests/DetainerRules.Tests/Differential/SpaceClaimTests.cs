using DetainerRules.Engine;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Differential;

/// <summary>
/// The scenario space's claim (agree on the space, agree everywhere) on generated policies: a
/// random scenario and its point's representative get the same answers, from the policy with its
/// authorities and from its own rules alone. The catalog's version is in <c>ScenarioSpaceTests</c>;
/// generated policies read fields and combine tests no catalog policy does.
/// </summary>
[TestFixture]
public class SpaceClaimTests
{
    [TestCaseSource(typeof(DifferentialRun), nameof(DifferentialRun.Seeds))]
    public void Project_GeneratedPolicy_RepresentativeGetsTheSameAnswers(int seed)
    {
        var policy = GeneratedPolicy.For(seed);
        IReadOnlyList<IPolicyEvaluator> compared = [policy.Delegates, policy.Delegates.WithoutAuthorities()];

        var count = SpaceClaim.AssertRepresentativesAgree(
            compared,
            RandomScenarios.Generate(seed, DifferentialRun.RandomScenarioCount, policy.Palette),
            scenario => $"scenario:\n{ScenarioJson.ToJson(scenario)}\npolicy files (seed {seed}):\n{policy.Set}");

        Assert.That(count, Is.EqualTo(DifferentialRun.RandomScenarioCount));
    }
}
