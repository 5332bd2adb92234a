using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Differential;

/// <summary>
/// The delegate twin, and the rule network with its expressions compiled to IL, against the
/// interpreted rule network, on generated policies that use every construct of
/// the policy language: the same verdict JSON, byte for byte (the policy's, its own before its
/// authorities, and each authority's), and the same decisions from the twin's one-decision and
/// all-decisions paths, over the policy's scenario space (each point also with its times written in
/// another offset) and over random scenarios aimed at it. Where the policy or an authority names no
/// time zone, both engines are compared again with those policies placed in the set's booking zone,
/// as <c>--timezone</c> places them.
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
        var scenarios = space.Concat(Rewritten(space, seed)).Concat(random).ToList();

        foreach (var scenario in scenarios)
        {
            Compare(policy, policy.Network, policy.CompiledNetwork, policy.Delegates, null, scenario);
            if (policy.Bookings is { } bookings)
            {
                Compare(policy, policy.PlacedNetwork!, policy.PlacedCompiledNetwork!, policy.PlacedDelegates!, bookings, scenario);
            }
        }

        var zones = string.Join(", ", GeneratedPolicy.Layers(policy.Network).Select(p => p.Policy.Time));
        TestContext.Out.WriteLine($"seed {seed}: {policy.Network.Policy.Rules.Count} rules, {GeneratedPolicy.Layers(policy.Network).Count()} layers (zones: {zones}); {space.Count} points of the space, each also in another offset, and {random.Length} random scenarios compared{(policy.Bookings is { } b ? $", as written and placed in {b}" : string.Empty)}");
        Assert.That(space, Is.Not.Empty, "the policy's scenario space was not compared");
    }

    /// <summary>The points of the space with every time written in an offset drawn from the seed: the same instants, another written day near midnight.</summary>
    private static IEnumerable<Scenario> Rewritten(IReadOnlyList<Scenario> space, int seed)
    {
        var random = new Random(seed);
        return space.Select(s => RandomScenarios.WrittenIn(s, RandomScenarios.Offsets[random.Next(RandomScenarios.Offsets.Count)], s.Id + "-offset"));
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

    /// <param name="bookings">The zone the policies that name none are placed in; null as written.</param>
    /// <param name="compiled">The same network with its expressions compiled to IL (<c>--engine nrules</c> in bulk): it must answer as the interpreted one.</param>
    private static void Compare(GeneratedPolicy policy, CompiledPolicy network, CompiledPolicy compiled, DelegatePolicy delegates, JurisdictionTime? bookings, Scenario scenario)
    {
        var reference = network.Evaluate(scenario);
        var twin = delegates.Evaluate(scenario);
        var (expected, actual) = (Json(reference), Json(twin));
        if (expected != actual)
        {
            Assert.Fail(Disagreement.Report(policy, bookings, scenario, "the verdicts differ", expected, actual));
        }

        var bulk = Json(compiled.Evaluate(scenario));
        if (bulk != expected)
        {
            Assert.Fail(Disagreement.Report(policy, bookings, scenario, "the network with compiled expressions differs from the interpreted one", expected, bulk));
        }

        var all = new Decision[Enum.GetValues<DecisionKind>().Length];
        delegates.Decide(scenario, all);
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var want = Engines.Summary(reference[kind]);
            var one = Engines.Summary(delegates.Decide(scenario, kind));
            if (one != want)
            {
                Assert.Fail(Disagreement.Report(policy, bookings, scenario, $"Decide(scenario, {kind}) differs from the network's verdict", want, one));
            }

            var each = Engines.Summary(all[(int)kind]);
            if (each != want)
            {
                Assert.Fail(Disagreement.Report(policy, bookings, scenario, $"Decide(scenario, Decision[]) differs from the network's verdict on {kind}", want, each));
            }
        }
    }

    /// <summary>The verdict's JSON, then, for a layered policy, its own verdict's and each authority's.</summary>
    private static string Json(Verdict verdict) => verdict.AuthorityVerdicts.Count == 0
        ? JsonReport.ToJson(verdict)
        : JsonReport.ToJson(verdict) + "\nown: " + JsonReport.ToJson(verdict.Own) + string.Concat(verdict.AuthorityVerdicts.Select(a => "\nauthority: " + Json(a)));
}
