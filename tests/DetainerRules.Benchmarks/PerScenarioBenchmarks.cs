using BenchmarkDotNet.Attributes;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.TestSupport;

namespace DetainerRules.Benchmarks;

/// <summary>One scenario's answers, per policy and way of answering, averaged over a fixed set of random scenarios.</summary>
/// <remarks>
/// Each method answers every scenario of the set and stores the answer, so nothing can be optimised
/// away; BenchmarkDotNet divides by <see cref="ScenarioCount"/>. The engine's two paths return a full
/// <see cref="Verdict"/> (with the deciding rules, the outcome and the hold's end), the baselines
/// only the answers <see cref="Equivalence"/> compares.
/// </remarks>
[MemoryDiagnoser]
public class PerScenarioBenchmarks
{
    public const int ScenarioCount = 4096;

    private Scenario[] _scenarios = [];
    private BaselineAnswer[] _answers = [];
    private Verdict[] _verdicts = [];
    private bool _california;
    private RulesEngineWorkflows _workflows = null!;
    private RulesEngineWorkflows _workflowsWithoutFec = null!;
    private CompiledPolicy _network = null!;
    private CompiledPolicy _compiledNetwork = null!;
    private DelegatePolicy _delegates = null!;

    [Params("lvmpd-2023", "california")]
    public string Policy { get; set; } = "lvmpd-2023";

    [GlobalSetup]
    public void Setup()
    {
        _scenarios = RandomScenarios.Generate(Equivalence.Seed + 1, ScenarioCount);
        _answers = new BaselineAnswer[ScenarioCount];
        _verdicts = new Verdict[ScenarioCount];
        _california = Policy switch
        {
            "california" => true,
            "lvmpd-2023" => false,
            _ => throw new InvalidOperationException($"no baseline for `{Policy}`"),
        };
        _workflows = RulesEngineWorkflows.Load(Policy, useFastExpressionCompiler: true);
        _workflowsWithoutFec = RulesEngineWorkflows.Load(Policy, useFastExpressionCompiler: false);
        _network = Equivalence.Network(Policy);
        _compiledNetwork = Equivalence.CompiledNetwork(Policy);
        _delegates = DelegatePolicy.From(_network);

        // Compile RulesEngine's rules and NRules' network outside the measurement.
        _workflows.Answer(_scenarios[0]);
        _workflowsWithoutFec.Answer(_scenarios[0]);
        _network.Evaluate(_scenarios[0]);
        _compiledNetwork.Evaluate(_scenarios[0]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ScenarioCount, Description = "hand-written C#")]
    public BaselineAnswer[] HandWritten()
    {
        var scenarios = _scenarios;
        var answers = _answers;
        if (_california)
        {
            for (var i = 0; i < scenarios.Length; i++)
            {
                answers[i] = Baselines.HandWritten.California.Answer(scenarios[i]);
            }
        }
        else
        {
            for (var i = 0; i < scenarios.Length; i++)
            {
                answers[i] = Baselines.HandWritten.Lvmpd2023.Answer(scenarios[i]);
            }
        }

        return answers;
    }

    /// <summary>RulesEngine as <see cref="RulesEngineWorkflows.Settings"/> sets it up: <c>UseFastExpressionCompiler</c> on, its default.</summary>
    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "RulesEngine 6.0.1")]
    public BaselineAnswer[] RulesEngine()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _answers[i] = _workflows.Answer(_scenarios[i]);
        }

        return _answers;
    }

    /// <summary>The same workflows with <c>UseFastExpressionCompiler</c> off: rules compiled by <c>LambdaExpression.Compile</c>.</summary>
    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "RulesEngine 6.0.1, no FEC")]
    public BaselineAnswer[] RulesEngineWithoutFec()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _answers[i] = _workflowsWithoutFec.Answer(_scenarios[i]);
        }

        return _answers;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "NRules CompiledPolicy")]
    public Verdict[] NRules()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _network.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }

    /// <summary>The same network with its expressions compiled to IL, as <c>--engine nrules</c> builds it for bulk work.</summary>
    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "NRules CompiledPolicy, compiled expressions")]
    public Verdict[] NRulesCompiled()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _compiledNetwork.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "DelegatePolicy")]
    public Verdict[] Delegates()
    {
        for (var i = 0; i < _scenarios.Length; i++)
        {
            _verdicts[i] = _delegates.Evaluate(_scenarios[i]);
        }

        return _verdicts;
    }
}
