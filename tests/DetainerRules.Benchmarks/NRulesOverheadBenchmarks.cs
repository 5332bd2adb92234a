using System.Reflection;
using BenchmarkDotNet.Attributes;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.TestSupport;
using NRules;

namespace DetainerRules.Benchmarks;

/// <summary>What <see cref="CompiledPolicy.Evaluate"/> adds to the bare NRules session it runs: one scenario, on one thread.</summary>
/// <remarks>
/// <para>
/// <see cref="BareNRules"/> runs the very rule network <see cref="CompiledPolicy"/> runs (its private
/// <see cref="ISessionFactory"/>, taken by reflection because the benchmark may not change the
/// engine): a session, <c>Insert</c>, <c>Fire</c>, and the settled decisions materialised with
/// <c>ToList</c>, with no event handler and no <see cref="Verdict"/>. <see cref="Ours"/> adds what the
/// engine does around it: the rule-fired handler that records the firing trace, the fire limit and
/// its check, the count check, and the <see cref="Verdict"/>. <see cref="BareNRulesWithFiredEvent"/>
/// is the bare run plus only the handler, to tell the two apart.
/// </para>
/// <para>Random scenarios from <see cref="RandomScenarios"/>, fixed by seed; each method answers all of them.</para>
/// </remarks>
[MemoryDiagnoser]
public class NRulesOverheadBenchmarks
{
    public const int ScenarioCount = 1024;

    private Scenario[] _scenarios = [];
    private CompiledPolicy _network = null!;
    private ISessionFactory _factory = null!;
    private Verdict[] _verdicts = [];
    private List<Decision>[] _decisions = [];

    [Params("lvmpd-2023", "california")]
    public string Policy { get; set; } = "lvmpd-2023";

    [GlobalSetup]
    public void Setup()
    {
        _scenarios = RandomScenarios.Generate(Equivalence.Seed + 2, ScenarioCount);
        _network = Equivalence.Network(Policy);
        if (_network.Authorities.Count > 0)
        {
            throw new InvalidOperationException($"{Policy} is bound by authorities; the bare session would not run them");
        }

        var field = typeof(CompiledPolicy).GetField("_factory", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("CompiledPolicy has no private field `_factory` any more; update the benchmark");
        _factory = (ISessionFactory)(field.GetValue(_network) ?? throw new InvalidOperationException("CompiledPolicy._factory is null"));
        _verdicts = new Verdict[ScenarioCount];
        _decisions = new List<Decision>[ScenarioCount];

        // Both must settle the same decisions, or the comparison is not of the same work.
        Ours();
        BareNRules();
        for (var i = 0; i < ScenarioCount; i++)
        {
            var ours = BaselineAnswer.From(_verdicts[i]);
            var bare = BatchBenchmarks.From([.. _decisions[i].OrderBy(d => d.Kind)]);
            if (_decisions[i].Count != _verdicts[i].Decisions.Count || ours != bare)
            {
                throw new InvalidOperationException($"{Policy} on `{_scenarios[i].Id}`: the bare session and CompiledPolicy disagree: {ours} vs {bare}");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "CompiledPolicy.Evaluate")]
    public Verdict[] Ours()
    {
        var scenarios = _scenarios;
        for (var i = 0; i < scenarios.Length; i++)
        {
            _verdicts[i] = _network.Evaluate(scenarios[i]);
        }

        return _verdicts;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ScenarioCount, Description = "bare NRules session")]
    public List<Decision>[] BareNRules()
    {
        var scenarios = _scenarios;
        for (var i = 0; i < scenarios.Length; i++)
        {
            var session = _factory.CreateSession();
            session.Insert(scenarios[i]);
            session.Fire();
            _decisions[i] = session.Query<Decision>().ToList();
        }

        return _decisions;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "bare NRules session + RuleFiredEvent handler")]
    public List<Decision>[] BareNRulesWithFiredEvent()
    {
        var scenarios = _scenarios;
        for (var i = 0; i < scenarios.Length; i++)
        {
            var session = _factory.CreateSession();
            var fired = new List<string>();
            session.Events.RuleFiredEvent += (_, e) => fired.Add(e.Rule.Name);
            session.Insert(scenarios[i]);
            session.Fire();
            _decisions[i] = session.Query<Decision>().ToList();
        }

        return _decisions;
    }
}
