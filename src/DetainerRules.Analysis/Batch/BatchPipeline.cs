using System.Runtime.ExceptionServices;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>A batch run's three stages at once: reading a chunk, evaluating the one read before it, writing the one evaluated before that.</summary>
/// <remarks>
/// <para>
/// Reading (the input is one reader) and writing (the output is one stream, in input order) are
/// serial; evaluating and rendering are spread over cores. Run one after the other, the serial
/// stages left the cores idle. Here the run goes in steps: in each, the three stages run side by
/// side on three chunks, and the step ends when all three have. So at most
/// <see cref="ChunksAlive"/> chunks are held, every stage takes its chunks in input order, and a
/// chunk's unparsed text is let go as soon as it is evaluated.
/// </para>
/// <para>
/// A stage that fails, or a cancellation, stops the others at their next record. The failure is
/// thrown when the step ends, once every stage has stopped, so nothing runs after the run returns
/// or throws: the writer's first, then the evaluation's, then the reader's, the order in which a
/// run doing one stage at a time would have met them.
/// </para>
/// </remarks>
internal sealed class BatchPipeline<TRendered>(
    IReadOnlyList<BatchPolicy> policies,
    Func<BatchResult, TRendered> render,
    Action<BatchResult, TRendered> write,
    Action<long>? progress)
{
    /// <summary>Chunks held at once: one being read, one being evaluated, one being written.</summary>
    public const int ChunksAlive = 3;

    private readonly BatchSummary _summary = new([.. policies.Select(p => p.Label)]);
    private readonly Chunk[] _chunks = [new(), new(), new()];
    private CancellationToken _stop;
    private IEnumerator<PendingRecord>? _input;
    private bool _ended;

    public BatchSummary Run(IEnumerable<PendingRecord> records, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var input = records.GetEnumerator();
        _stop = stop.Token;
        _input = input;
        Chunk? read = null;
        Chunk? evaluated = null;
        for (var step = 0; ; step++)
        {
            cancel.ThrowIfCancellationRequested();
            var reading = _ended ? null : _chunks[step % ChunksAlive];
            var evaluating = read is { Records.Count: > 0 } ? read : null;
            var writing = evaluated;
            if (reading is null && evaluating is null && writing is null)
            {
                return _summary;
            }

            Step(reading, evaluating, writing, stop);
            cancel.ThrowIfCancellationRequested();
            if (writing is not null)
            {
                progress?.Invoke(_summary.Out);
            }

            (read, evaluated) = (reading, evaluating);
        }
    }

    /// <summary>Runs the three stages side by side and returns when all have stopped, throwing the first failure.</summary>
    private void Step(Chunk? reading, Chunk? evaluating, Chunk? writing, CancellationTokenSource stop)
    {
        var reader = reading is null ? null : Task.Run(() => Stage(() => Read(reading), stop));
        var writer = writing is null ? null : Task.Run(() => Stage(() => Write(writing), stop));
        var evaluation = evaluating is null ? null : Stage(() => Evaluate(evaluating), stop);

        // Stage never throws, so both tasks are waited for before anything is thrown.
        var writeFailure = writer?.GetAwaiter().GetResult();
        var readFailure = reader?.GetAwaiter().GetResult();
        (writeFailure ?? evaluation ?? readFailure)?.Throw();

        // Only a failure (thrown above) or a cancellation stops the stages; never go on with a stopped one.
        stop.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Runs a stage, stopping the others if it fails; what it threw, unless it was only told to stop.</summary>
    private static ExceptionDispatchInfo? Stage(Action work, CancellationTokenSource stop)
    {
        try
        {
            work();
            return null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Another stage failed or the run was cancelled; that is what the run throws.
            return null;
        }
        catch (Exception e)
        {
            stop.Cancel();
            return ExceptionDispatchInfo.Capture(e);
        }
    }

    private void Read(Chunk chunk)
    {
        var input = _input!;
        var characters = 0L;
        while (chunk.Records.Count < BatchEvaluator.ChunkSize && characters < BatchEvaluator.ChunkCharacters)
        {
            _stop.ThrowIfCancellationRequested();
            if (!input.MoveNext())
            {
                _ended = true;
                return;
            }

            chunk.Records.Add(input.Current);
            characters += input.Current.Length;
            _summary.Read();
        }
    }

    private void Evaluate(Chunk chunk)
    {
        var records = chunk.Records;
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = _stop }, i =>
        {
            var result = BatchEvaluator.Evaluate(records[i].Parse(), policies);
            chunk.Rendered[i] = render(result);
            chunk.Results[i] = result;
        });
        chunk.Count = records.Count;
        records.Clear();
    }

    private void Write(Chunk chunk)
    {
        for (var i = 0; i < chunk.Count; i++)
        {
            _stop.ThrowIfCancellationRequested();
            var result = chunk.Results[i];
            write(result, chunk.Rendered[i]);
            _summary.Wrote(result);
            chunk.Results[i] = null!;
            chunk.Rendered[i] = default!;
        }

        chunk.Count = 0;
    }

    /// <summary>Up to <see cref="BatchEvaluator.ChunkSize"/> records: read but not parsed, then their results and renderings until written.</summary>
    private sealed class Chunk
    {
        public List<PendingRecord> Records { get; } = new(BatchEvaluator.ChunkSize);

        public BatchResult[] Results { get; } = new BatchResult[BatchEvaluator.ChunkSize];

        public TRendered[] Rendered { get; } = new TRendered[BatchEvaluator.ChunkSize];

        /// <summary>Results waiting to be written.</summary>
        public int Count { get; set; }
    }
}
