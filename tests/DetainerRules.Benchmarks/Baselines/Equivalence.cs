using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>Proves that each baseline gives the engine's answers: over the whole scenario space of each policy, and over random scenarios.</summary>
/// <remarks>
/// The space argument is the one the README makes for comparing policies: every decision is a
/// function of the classes of the space, so a baseline that agrees with the engine at every point
/// agrees on every scenario the model can express, provided the baseline reads only the tests the
/// policy reads. The random scenarios check that proviso: they vary every field, with dates a day
/// either side of the look-back edges.
/// </remarks>
public static class Equivalence
{
    /// <summary>The policies that have baselines.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["lvmpd-2023", "california"];

    public const int Seed = 4166;

    /// <summary>The hand-written baseline of a policy.</summary>
    public static Func<Scenario, BaselineAnswer> HandWrittenFor(string policyId) => policyId switch
    {
        "lvmpd-2023" => HandWritten.Lvmpd2023.Answer,
        "california" => HandWritten.California.Answer,
        _ => throw new ArgumentException($"no hand-written baseline for `{policyId}`", nameof(policyId)),
    };

    /// <summary>The engine's rule network for a catalog policy.</summary>
    public static CompiledPolicy Network(string policyId) =>
        PolicyCompiler.Compile(PolicyLoader.LoadFile(RepositoryPaths.Policy(policyId)), PolicyLoader.LoadBeside);

    /// <summary>The same network with its expressions compiled to IL, as <c>--engine nrules</c> builds it for bulk work.</summary>
    public static CompiledPolicy CompiledNetwork(string policyId) =>
        PolicyCompiler.CompileForBulk(PolicyLoader.LoadFile(RepositoryPaths.Policy(policyId)), PolicyLoader.LoadBeside);

    /// <summary>Compares every baseline with the rule network, prints every mismatch, and returns how many there were.</summary>
    /// <param name="randomScenarios">How many random scenarios per policy, besides every point of its space.</param>
    public static int Check(int randomScenarios) => Check(randomScenarios, Console.Out);

    public static int Check(int randomScenarios, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var total = 0;
        foreach (var policyId in Policies)
        {
            total += CheckPolicy(policyId, randomScenarios, log);
        }

        log.WriteLine(total == 0 ? "equivalence: no mismatch" : $"equivalence: {total} mismatches");
        return total;
    }

    private static int CheckPolicy(string policyId, int randomScenarios, TextWriter log)
    {
        var network = Network(policyId);
        var delegates = DelegatePolicy.From(network);
        var baselines = new (string Name, Func<Scenario, BaselineAnswer> Answer)[]
        {
            ("hand-written", HandWrittenFor(policyId)),
            ("RulesEngine", RulesEngineWorkflows.Load(policyId, useFastExpressionCompiler: true).Answer),
            ("RulesEngine without FastExpressionCompiler", RulesEngineWorkflows.Load(policyId, useFastExpressionCompiler: false).Answer),
            ("delegates", s => BaselineAnswer.From(delegates.Evaluate(s))),
        };

        var space = ScenarioSpace.For([network]);
        var sets = new (string Name, IEnumerable<Scenario> Scenarios)[]
        {
            ("space", space.Points().Select((point, i) => space.Build(point, $"{policyId}-space-{i}"))),
            ("random", RandomScenarios.Generate(Seed, randomScenarios)),
        };

        var mismatches = 0;
        foreach (var (setName, scenarios) in sets)
        {
            var counts = new int[baselines.Length];
            var scenarioCount = 0;
            foreach (var scenario in scenarios)
            {
                scenarioCount++;
                var expected = BaselineAnswer.From(network.Evaluate(scenario));
                for (var b = 0; b < baselines.Length; b++)
                {
                    var actual = baselines[b].Answer(scenario);
                    if (actual != expected)
                    {
                        counts[b]++;
                        log.WriteLine($"MISMATCH {policyId} / {baselines[b].Name} / {setName} scenario {scenario.Id} (baseline vs engine):");
                        foreach (var difference in actual.Differences(expected))
                        {
                            log.WriteLine("  " + difference);
                        }

                        log.WriteLine(ScenarioJson.ToJson(scenario));
                    }
                }
            }

            log.WriteLine($"{policyId}: {setName}, {scenarioCount} scenarios: "
                + string.Join(", ", baselines.Select((b, i) => $"{b.Name} {counts[i]}")) + " mismatches");
            mismatches += counts.Sum();
        }

        return mismatches;
    }
}
