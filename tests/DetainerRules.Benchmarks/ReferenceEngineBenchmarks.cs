using BenchmarkDotNet.Attributes;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.TestSupport;

namespace DetainerRules.Benchmarks;

/// <summary>The reference engine, one scenario on one thread, against the network as it was built before (<see cref="AggregateSettledNetwork"/>).</summary>
/// <remarks>
/// <see cref="Interpreted"/> is the network <c>evaluate</c> builds; <see cref="Compiled"/> the same
/// network with its expressions compiled to IL, as <c>--engine nrules</c> builds it for bulk work.
/// Setup checks all three write the same verdict JSON on every scenario. On a shared machine the
/// means swing with other work; the medians, a column here, hold better.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class ReferenceEngineBenchmarks
{
    public const int ScenarioCount = 1024;

    private Scenario[] _scenarios = [];
    private AggregateSettledNetwork _before = null!;
    private CompiledPolicy _interpreted = null!;
    private CompiledPolicy _compiled = null!;
    private Verdict[] _verdicts = [];

    [Params("lvmpd-2023", "california")]
    public string Policy { get; set; } = "lvmpd-2023";

    [GlobalSetup]
    public void Setup()
    {
        _scenarios = RandomScenarios.Generate(Equivalence.Seed + 2, ScenarioCount);
        _interpreted = Equivalence.Network(Policy);
        _compiled = Equivalence.CompiledNetwork(Policy);
        _before = AggregateSettledNetwork.Compile(_interpreted.Plan);
        _verdicts = new Verdict[ScenarioCount];
        foreach (var scenario in _scenarios)
        {
            var expected = Answer(_before.Evaluate(scenario));
            foreach (var (name, verdict) in new[] { ("interpreted", _interpreted.Evaluate(scenario)), ("compiled", _compiled.Evaluate(scenario)) })
            {
                if (Answer(verdict) != expected)
                {
                    throw new InvalidOperationException($"{Policy} on `{scenario.Id}`: the {name} network answers {Answer(verdict)}, the baseline {expected}");
                }
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ScenarioCount, Description = "before: aggregate settlement, a session per scenario")]
    public Verdict[] Before()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _before.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "CompiledPolicy.Evaluate, interpreted (evaluate)")]
    public Verdict[] Interpreted()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _interpreted.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "CompiledPolicy.Evaluate, compiled (--engine nrules)")]
    public Verdict[] Compiled()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _compiled.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }

    /// <summary>The verdict as <c>evaluate --format json</c> writes it: what the three must share, byte for byte.</summary>
    private static string Answer(Verdict verdict) => JsonReport.ToJson(verdict);
}
