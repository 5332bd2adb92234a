using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>Evaluates a stream of records under several policies, in parallel, writing results in input order.</summary>
/// <remarks>
/// <para>
/// Records are taken a chunk at a time (at most <see cref="ChunkSize"/> records and, past the first,
/// <see cref="ChunkCharacters"/> characters of unparsed text), parsed, evaluated and rendered across
/// cores, and handed to the writer in the order they came, so memory holds one chunk however long
/// the input and however long its records. Every record read yields exactly one result: its
/// answers, or its problems, or the evaluation's failure.
/// </para>
/// <para>
/// Reading a chunk and writing it stay on the caller's thread, one after the other, with the
/// parallel stage between. Running them beside the parallel stage instead (the next chunk read and
/// the last written while one is evaluated, three chunks held) was built and measured on 2 December
/// 2026 and not kept: on the 2-core machine the tool is built on it took more CPU and more wall time
/// than this loop, loaded or not (tests/DetainerRules.Benchmarks/README.md), since both cores are
/// already busy in the parallel stage and the serial stages are now a small part of a record.
/// </para>
/// </remarks>
public static class BatchEvaluator
{
    public const int ChunkSize = 4096;

    /// <summary>Unparsed text a chunk may hold: a few thousand ordinary records, or a few at the record limit.</summary>
    public const long ChunkCharacters = 16 * 1024 * 1024;

    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    /// <param name="records">Each record as a function that reads it; reading runs in parallel with evaluation.</param>
    /// <param name="write">Called for each result in input order, one at a time, on the caller's thread.</param>
    /// <param name="progress">Called after each chunk with the number of records done.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the results written so far are all that were.</exception>
    public static BatchSummary Run(
        IEnumerable<PendingRecord> records,
        IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies,
        Action<BatchResult> write,
        Action<long>? progress,
        CancellationToken cancel) =>
        Run(records, [.. policies.Select(p => BatchPolicy.Single(p.Label, p.Policy))], write, progress, cancel);

    /// <param name="records">Each record as a function that reads it; reading runs in parallel with evaluation.</param>
    /// <param name="write">Called for each result in input order, one at a time, on the caller's thread.</param>
    /// <param name="progress">Called after each chunk with the number of records done.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the results written so far are all that were.</exception>
    public static BatchSummary Run(
        IEnumerable<PendingRecord> records,
        IReadOnlyList<BatchPolicy> policies,
        Action<BatchResult> write,
        Action<long>? progress,
        CancellationToken cancel) =>
        Run<object?>(records, policies, static _ => null, (result, _) => write(result), progress, cancel);

    /// <summary>Runs the batch with each result's output made in the parallel stage and written in input order.</summary>
    /// <param name="records">Each record as a function that reads it; reading runs in parallel with evaluation.</param>
    /// <param name="render">Makes a result's output (its bytes, say); called from many threads at once, so it must not share state.</param>
    /// <param name="write">Called for each result and its rendering in input order, one at a time, on the caller's thread.</param>
    /// <param name="progress">Called after each chunk written, with the number of records done.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the results written so far are all that were, and none is written after.</exception>
    /// <remarks>What <paramref name="records"/> or <paramref name="write"/> throws is thrown here; what a parse, an evaluation or <paramref name="render"/> throws, inside an <see cref="AggregateException"/>.</remarks>
    public static BatchSummary Run<TRendered>(
        IEnumerable<PendingRecord> records,
        IReadOnlyList<BatchPolicy> policies,
        Func<BatchResult, TRendered> render,
        Action<BatchResult, TRendered> write,
        Action<long>? progress,
        CancellationToken cancel)
    {
        var summary = new BatchSummary([.. policies.Select(p => p.Label)]);
        var chunk = new List<PendingRecord>(ChunkSize);
        var results = new BatchResult[ChunkSize];
        var rendered = new TRendered[ChunkSize];
        using var input = records.GetEnumerator();
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            chunk.Clear();
            var characters = 0L;
            while (chunk.Count < ChunkSize && characters < ChunkCharacters && input.MoveNext())
            {
                chunk.Add(input.Current);
                characters += input.Current.Length;
                summary.Read();
            }

            if (chunk.Count == 0)
            {
                return summary;
            }

            Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancel }, i =>
            {
                var result = Evaluate(chunk[i].Parse(), policies);
                rendered[i] = render(result);
                results[i] = result;
            });

            for (var i = 0; i < chunk.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                write(results[i], rendered[i]);
                summary.Wrote(results[i]);
                results[i] = null!;
                rendered[i] = default!;
            }

            progress?.Invoke(summary.Out);
        }
    }

    private static BatchResult Evaluate(ScenarioRecord record, IReadOnlyList<BatchPolicy> policies)
    {
        if (record.Scenario is not { } scenario)
        {
            return new BatchResult(record, null, null);
        }

        try
        {
            var answers = new PolicyAnswers[policies.Count];
            for (var p = 0; p < answers.Length; p++)
            {
                answers[p] = Answer(policies[p].For(scenario), scenario);
            }

            return new BatchResult(record, answers, null);
        }
        catch (EvaluationException e)
        {
            return new BatchResult(record, null, e.Message);
        }
        catch (Model.Diagnostics.InvalidInputException e)
        {
            // A family with no version in force on the record's booking day.
            return new BatchResult(record, null, string.Join("; ", e.Diagnostics.Select(d => d.Message)));
        }
    }

    private static PolicyAnswers Answer(BatchPolicy.Choice choice, Scenario scenario)
    {
        var policy = choice.Policy;
        var decisions = new Decision[DecisionCount];
        if (policy is DelegatePolicy fast)
        {
            fast.Decide(scenario, decisions);
        }
        else
        {
            foreach (var decision in policy.Evaluate(scenario).Decisions)
            {
                decisions[(int)decision.Kind] = decision;
            }
        }

        var holdUntil = HoldTime.Until(scenario, decisions[(int)DecisionKind.DelayRelease], policy.Policy.Time);
        return new PolicyAnswers(choice.Version, decisions, OutcomeRule.Of(scenario, decisions), holdUntil);
    }
}
