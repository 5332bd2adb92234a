using DetainerRules.Analysis.Space;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Differential;

/// <summary>
/// The delegate twin against the rule network, on generated policies that use every construct of
/// the policy language: the same verdict JSON, byte for byte (the policy's, its own before its
/// authorities, and each authority's), and the same decisions from the twin's one-decision and
/// all-decisions paths, over the policy's scenario space and over random scenarios aimed at it.
/// </summary>
/// <remarks>
/// Cedar keeps its differential tests apart from its unit tests in the same way: an implementation
/// checked against a reference on inputs neither was written for. The size of a run is set in
/// <see cref="DifferentialRun"/>; tests/README.md says how to run more.
/// </remarks>
[TestFixture]
public class EngineDifferentialTests
{
    [TestCaseSource(typeof(DifferentialRun), nameof(DifferentialRun.Seeds))]
    public void Evaluate_GeneratedPolicy_TwinAnswersAsTheNetwork(int seed)
    {
        var policy = GeneratedPolicy.For(seed);
        var space = SpaceScenarios(policy, seed).ToList();
        var random = RandomScenarios.Generate(seed, DifferentialRun.RandomScenarioCount, policy.Palette);

        foreach (var scenario in space.Concat(random))
        {
            Compare(policy, scenario);
        }

        TestContext.Out.WriteLine($"seed {seed}: {policy.Network.Policy.Rules.Count} rules, {GeneratedPolicy.Layers(policy.Network).Count()} layers; {space.Count} points of the space and {random.Length} random scenarios compared");
        Assert.That(space, Is.Not.Empty, "the policy's scenario space was not compared");
    }

    internal static IEnumerable<Scenario> SpaceScenarios(GeneratedPolicy policy, int seed)
    {
        var space = ScenarioSpace.For([policy.Network]);
        var n = 0;
        foreach (var point in SpaceSample.Points(space, DifferentialRun.SpacePoints, seed))
        {
            yield return space.Build(point, $"space-{n++}");
        }
    }

    private static void Compare(GeneratedPolicy policy, Scenario scenario)
    {
        var reference = policy.Network.Evaluate(scenario);
        var twin = policy.Delegates.Evaluate(scenario);
        var (expected, actual) = (Json(reference), Json(twin));
        if (expected != actual)
        {
            Assert.Fail(Disagreement.Report(policy, scenario, "the verdicts differ", expected, actual));
        }

        var all = new Decision[Enum.GetValues<DecisionKind>().Length];
        policy.Delegates.Decide(scenario, all);
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var want = Engines.Summary(reference[kind]);
            var one = Engines.Summary(policy.Delegates.Decide(scenario, kind));
            if (one != want)
            {
                Assert.Fail(Disagreement.Report(policy, scenario, $"Decide(scenario, {kind}) differs from the network's verdict", want, one));
            }

            var each = Engines.Summary(all[(int)kind]);
            if (each != want)
            {
                Assert.Fail(Disagreement.Report(policy, scenario, $"Decide(scenario, Decision[]) differs from the network's verdict on {kind}", want, each));
            }
        }
    }

    /// <summary>The verdict's JSON, then, for a layered policy, its own verdict's and each authority's.</summary>
    private static string Json(Verdict verdict) => verdict.AuthorityVerdicts.Count == 0
        ? JsonReport.ToJson(verdict)
        : JsonReport.ToJson(verdict) + "\nown: " + JsonReport.ToJson(verdict.Own) + string.Concat(verdict.AuthorityVerdicts.Select(a => "\nauthority: " + Json(a)));
}
