using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>Evaluates a stream of records under several policies, in parallel, writing results in input order.</summary>
/// <remarks>
/// Records are taken a chunk at a time (at most <see cref="ChunkSize"/> records and, past the first,
/// <see cref="ChunkCharacters"/> characters of unparsed text), evaluated and rendered across cores,
/// and handed to the writer in the order they came. Reading the next chunk and writing the one
/// before run beside the evaluation (<see cref="BatchPipeline{TRendered}"/>), so memory holds at
/// most three chunks however long the input and however long its records. Every record read
/// yields exactly one result: its answers, or its problems, or the evaluation's failure.
/// </remarks>
public static class BatchEvaluator
{
    public const int ChunkSize = 4096;

    /// <summary>Unparsed text a chunk may hold: a few thousand ordinary records, or two at the record limit.</summary>
    /// <remarks>Two chunks hold unparsed text at once (one being read, one being evaluated), 16 Mi characters between them.</remarks>
    public const long ChunkCharacters = 8 * 1024 * 1024;

    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    /// <param name="records">Each record as a function that reads it; reading runs in parallel with evaluation.</param>
    /// <param name="write">Called for each result in input order, one at a time (not on the caller's thread).</param>
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
    /// <param name="write">Called for each result in input order, one at a time (not on the caller's thread).</param>
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
    /// <param name="write">Called for each result and its rendering in input order, one at a time (not on the caller's thread).</param>
    /// <param name="progress">Called on the caller's thread after each chunk written, with the number of records done.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the results written so far are all that were, and none is written after.</exception>
    /// <remarks>What <paramref name="records"/>, <paramref name="render"/> or <paramref name="write"/> throws is thrown here, once every stage has stopped.</remarks>
    public static BatchSummary Run<TRendered>(
        IEnumerable<PendingRecord> records,
        IReadOnlyList<BatchPolicy> policies,
        Func<BatchResult, TRendered> render,
        Action<BatchResult, TRendered> write,
        Action<long>? progress,
        CancellationToken cancel) =>
        new BatchPipeline<TRendered>(policies, render, write, progress).Run(records, cancel);

    internal static BatchResult Evaluate(ScenarioRecord record, IReadOnlyList<BatchPolicy> policies)
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
