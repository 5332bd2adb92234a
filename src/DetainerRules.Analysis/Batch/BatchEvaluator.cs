using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>Evaluates a stream of records under several policies, in parallel, writing results in input order.</summary>
/// <remarks>
/// Records are taken a chunk at a time (at most <see cref="ChunkSize"/> records and, past the first,
/// <see cref="ChunkCharacters"/> characters of unparsed text), evaluated across cores, and handed to
/// the writer in the order they came, so memory holds one chunk however long the input and however
/// long its records. Every record read yields exactly one result: its answers, or its problems, or
/// the evaluation's failure.
/// </remarks>
public static class BatchEvaluator
{
    public const int ChunkSize = 4096;

    /// <summary>Unparsed text a chunk may hold: a few thousand ordinary records, or a few at the record limit.</summary>
    public const long ChunkCharacters = 16 * 1024 * 1024;

    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    /// <param name="records">Each record as a function that reads it; reading runs in parallel with evaluation.</param>
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
    /// <param name="progress">Called after each chunk with the number of records done.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the results written so far are all that were.</exception>
    public static BatchSummary Run(
        IEnumerable<PendingRecord> records,
        IReadOnlyList<BatchPolicy> policies,
        Action<BatchResult> write,
        Action<long>? progress,
        CancellationToken cancel)
    {
        var summary = new BatchSummary([.. policies.Select(p => p.Label)]);
        var chunk = new List<PendingRecord>(ChunkSize);
        var results = new BatchResult[ChunkSize];
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

            Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancel }, i => results[i] = Evaluate(chunk[i].Parse(), policies));
            for (var i = 0; i < chunk.Count; i++)
            {
                write(results[i]);
                summary.Wrote(results[i]);
                results[i] = null!;
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
        var outcome = OutcomeRule.Of(scenario, decisions[(int)DecisionKind.TransferToIce].Value, decisions[(int)DecisionKind.DelayRelease].Value, decisions[(int)DecisionKind.ReleaseIfIceAbsent].Value);
        return new PolicyAnswers(choice.Version, decisions, outcome, holdUntil);
    }
}
