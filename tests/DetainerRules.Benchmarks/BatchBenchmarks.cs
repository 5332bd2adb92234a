using BenchmarkDotNet.Attributes;
using DetainerRules.Analysis.Batch;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Benchmarks;

/// <summary>A whole data set of realistic bookings answered on every core, per policy and way of answering; the mean is per scenario.</summary>
/// <remarks>
/// <para>
/// <see cref="ScenarioCount"/> bookings from <see cref="BookingGenerator"/> (seeded, so every run and
/// every method sees the same ones) sit in memory; each method answers all of them with
/// <see cref="Parallel.For(int, int, Action{int})"/> (default options) or the engine's batch API and
/// stores every answer in an array allocated in setup, so nothing can be optimised away.
/// </para>
/// <para>
/// <see cref="Engine"/> is what <c>detainer batch</c> does minus the reading and writing of files:
/// <see cref="BatchEvaluator.Run"/> over records already in memory, with the delegate twin. It
/// includes the batch plumbing (chunks of <see cref="BatchEvaluator.ChunkSize"/>, a
/// <see cref="BatchResult"/> and a <see cref="PolicyAnswers"/> per record, the outcome and the hold's
/// end); <see cref="EngineDecideParallel"/> is the bare <see cref="DelegatePolicy.Decide(Scenario, Decision[])"/>
/// without any of it, so the difference between the two is the plumbing. Keeping every
/// <see cref="BatchResult"/> (about 500 bytes with its answers) in the results array makes the
/// garbage collector copy 100,000 live objects through its generations on every run, which costs
/// more than the plumbing itself; <see cref="EngineResultsDropped"/> is the same run with a writer
/// that drops each result, as <c>detainer batch</c> does once the line is written.
/// </para>
/// <para>
/// RulesEngine runs one instance per thread (see <see cref="Setup"/> for why), with
/// <c>UseFastExpressionCompiler</c> on (its default) and off.
/// </para>
/// <para>
/// Setup runs every method once and checks that each agrees with the hand-written answer on every
/// booking, so a data race in a baseline or in the engine fails the run instead of skewing it.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes nothing; [GlobalCleanup] does.")]
public class BatchBenchmarks
{
    public const int ScenarioCount = 100_000;
    public const int Seed = 2026;

    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    private Scenario[] _scenarios = [];
    private bool _california;
    private BaselineAnswer[] _answers = [];
    private ThreadLocal<RulesEngineWorkflows> _workflows = null!;
    private ThreadLocal<RulesEngineWorkflows> _workflowsWithoutFec = null!;
    private readonly Lock _building = new();
    private DelegatePolicy _delegates = null!;
    private PendingRecord[] _records = [];
    private (string Label, IPolicyEvaluator Policy)[] _policies = [];
    private BatchResult[] _batchResults = [];
    private Action<BatchResult> _write = null!;
    private Action<BatchResult> _drop = null!;
    private BatchResult? _last;
    private Decision[][] _decisions = [];

    [Params("lvmpd-2023", "california")]
    public string Policy { get; set; } = "lvmpd-2023";

    [GlobalSetup]
    public void Setup()
    {
        _scenarios = [.. BookingGenerator.Generate(ScenarioCount, Seed)];
        _california = Policy switch
        {
            "california" => true,
            "lvmpd-2023" => false,
            _ => throw new InvalidOperationException($"no baseline for `{Policy}`"),
        };
        _answers = new BaselineAnswer[ScenarioCount];

        // One RulesEngine per thread. Its maintainers call an instance thread-safe
        // (microsoft/RulesEngine#580), but one instance shared by Parallel.For gave wrong answers on
        // some hundred of the 100,000 bookings under `california` with UseFastExpressionCompiler on,
        // its default (FastExpressionCompiler 6.0.0 as resolved here); with it off, none. Instances
        // built on several threads at once also failed now and then (a NullReferenceException in the
        // GlobalParams delegate FastExpressionCompiler emitted), so they are built one at a time:
        // a few ahead, here, the rest (threads the pool adds later) under a lock.
        _workflows = PerThread(useFastExpressionCompiler: true);
        _workflowsWithoutFec = PerThread(useFastExpressionCompiler: false);

        var network = Equivalence.Network(Policy);
        _delegates = DelegatePolicy.From(network);
        _policies = [(Policy, _delegates)];
        _records = [.. _scenarios.Select((s, i) =>
        {
            var number = i + 1L;
            return new PendingRecord(0, () => new ScenarioRecord(number, "mem", s, []));
        })];
        _batchResults = new BatchResult[ScenarioCount];
        var results = _batchResults;
        _write = r => results[r.Record.Number - 1] = r;
        _drop = r => _last = r;
        _decisions = [.. _scenarios.Select(_ => new Decision[DecisionCount])];

        Check();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ScenarioCount, Description = "hand-written C#, Parallel.For")]
    public BaselineAnswer[] HandWritten()
    {
        var scenarios = _scenarios;
        var answers = _answers;
        if (_california)
        {
            Parallel.For(0, scenarios.Length, i => answers[i] = Baselines.HandWritten.California.Answer(scenarios[i]));
        }
        else
        {
            Parallel.For(0, scenarios.Length, i => answers[i] = Baselines.HandWritten.Lvmpd2023.Answer(scenarios[i]));
        }

        return answers;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "RulesEngine 6.0.1, one per thread, Parallel.For")]
    public BaselineAnswer[] RulesEngine()
    {
        var scenarios = _scenarios;
        var answers = _answers;
        var workflows = _workflows;
        Parallel.For(0, scenarios.Length, i => answers[i] = workflows.Value!.Answer(scenarios[i]));
        return answers;
    }

    /// <summary>The same with <c>UseFastExpressionCompiler</c> off: rules compiled by <c>LambdaExpression.Compile</c>.</summary>
    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "RulesEngine 6.0.1, no FEC, one per thread, Parallel.For")]
    public BaselineAnswer[] RulesEngineWithoutFec()
    {
        var scenarios = _scenarios;
        var answers = _answers;
        var workflows = _workflowsWithoutFec;
        Parallel.For(0, scenarios.Length, i => answers[i] = workflows.Value!.Answer(scenarios[i]));
        return answers;
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "BatchEvaluator.Run (delegates)")]
    public BatchResult[] Engine()
    {
        BatchEvaluator.Run(_records, _policies, _write, progress: null, CancellationToken.None);
        return _batchResults;
    }

    /// <summary>
    /// <see cref="Engine"/> with a writer that drops each result once it has seen it, as <c>detainer batch</c>
    /// does after writing a line: the results no longer outlive the run, so the garbage collector
    /// no longer copies 100,000 of them (about 500 bytes each) into the older generations.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "BatchEvaluator.Run (delegates), results dropped")]
    public long EngineResultsDropped()
    {
        var summary = BatchEvaluator.Run(_records, _policies, _drop, progress: null, CancellationToken.None);
        return summary.Out + (_last?.Record.Number ?? 0);
    }

    [Benchmark(OperationsPerInvoke = ScenarioCount, Description = "DelegatePolicy.Decide, Parallel.For")]
    public Decision[][] EngineDecideParallel()
    {
        var scenarios = _scenarios;
        var decisions = _decisions;
        var delegates = _delegates;
        Parallel.For(0, scenarios.Length, i => delegates.Decide(scenarios[i], decisions[i]));
        return decisions;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// RulesEngine instances used (one per thread that ran it): {_workflows.Values.Count} with FEC, {_workflowsWithoutFec.Values.Count} without");
        _workflows.Dispose();
        _workflowsWithoutFec.Dispose();
    }

    /// <summary>Runs every method once and fails unless each gives the hand-written answer on every booking.</summary>
    private void Check()
    {
        var sequential = Equivalence.HandWrittenFor(Policy);
        var expected = _scenarios.Select(sequential).ToArray();

        var handWritten = (BaselineAnswer[])HandWritten().Clone();
        Compare("hand-written, Parallel.For", i => handWritten[i]);

        var rulesEngine = (BaselineAnswer[])RulesEngine().Clone();
        Compare("RulesEngine, Parallel.For", i => rulesEngine[i]);

        var withoutFec = (BaselineAnswer[])RulesEngineWithoutFec().Clone();
        Compare("RulesEngine without FEC, Parallel.For", i => withoutFec[i]);

        var batch = Engine();
        Compare("BatchEvaluator.Run", i =>
            batch[i] is { Record.Number: var n, Answers: [var only] } && n == i + 1
                ? From(only.Decisions)
                : throw new InvalidOperationException($"{Policy} / BatchEvaluator.Run: record {i + 1} has no single answer in its place"));

        if (EngineResultsDropped() != ScenarioCount + ScenarioCount || _last is not { Answers.Count: 1 })
        {
            throw new InvalidOperationException($"{Policy} / BatchEvaluator.Run, results dropped: not every record was written");
        }

        var decided = EngineDecideParallel();
        Compare("DelegatePolicy.Decide, Parallel.For", i => From(decided[i]));

        void Compare(string what, Func<int, BaselineAnswer> actual)
        {
            for (var i = 0; i < _scenarios.Length; i++)
            {
                var answer = actual(i);
                if (answer != expected[i])
                {
                    throw new InvalidOperationException(
                        $"{Policy} / {what} on `{_scenarios[i].Id}`: {string.Join("; ", answer.Differences(expected[i]))} (method vs hand-written, sequential)");
                }
            }
        }
    }

    /// <summary>One instance per thread; a few built now, one at a time, each with its workflows compiled, the rest likewise on demand.</summary>
    private ThreadLocal<RulesEngineWorkflows> PerThread(bool useFastExpressionCompiler)
    {
        RulesEngineWorkflows Build()
        {
            lock (_building)
            {
                var workflows = RulesEngineWorkflows.Load(Policy, useFastExpressionCompiler);
                workflows.Answer(_scenarios[0]);
                return workflows;
            }
        }

        var ready = new System.Collections.Concurrent.ConcurrentBag<RulesEngineWorkflows>(
            Enumerable.Range(0, (2 * Environment.ProcessorCount) + 4).Select(_ => Build()));
        return new ThreadLocal<RulesEngineWorkflows>(() => ready.TryTake(out var built) ? built : Build(), trackAllValues: true);
    }

    /// <summary>Settled decisions reduced to a baseline answer, as <see cref="BaselineAnswer.From(Verdict)"/> reduces a verdict.</summary>
    internal static BaselineAnswer From(IReadOnlyList<Decision> decisions)
    {
        var notify = decisions[(int)DecisionKind.NotifyIce];
        var delay = decisions[(int)DecisionKind.DelayRelease];
        return new BaselineAnswer(
            notify.Value,
            BaselineAnswer.Points(notify.Effect.At),
            delay.Value,
            delay.Effect.Limit?.Text,
            decisions[(int)DecisionKind.ReleaseIfIceAbsent].Value,
            decisions[(int)DecisionKind.TransferToIce].Value,
            decisions[(int)DecisionKind.IceJailAccess].Value,
            decisions[(int)DecisionKind.AskImmigrationStatus].Value,
            decisions[(int)DecisionKind.ShareCriminalIntelligence].Value,
            decisions[(int)DecisionKind.AssistCivilEnforcement].Value);
    }
}
