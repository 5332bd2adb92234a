using DetainerRules.Analysis.Batch;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// <see cref="BatchEvaluator"/> takes records a chunk at a time: over many chunks every record read
/// is written once, in order, paired with its rendering, with one chunk held; and a failure or a
/// cancellation at any stage is what the run throws, with nothing written or read after it.
/// </summary>
/// <remarks>
/// The records are made in memory, in error (no policy is asked), so the tests look only at how
/// the run moves them. The timeout on each run only keeps a hang from stalling the suite.
/// </remarks>
[TestFixture]
public class BatchChunkTests
{
    private const int Chunk = BatchEvaluator.ChunkSize;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Test]
    public void Run_ManyChunksUnevenParseTimes_EveryRecordOnceInInputOrder()
    {
        // Arrange: parse times that vary from record to record, so records finish out of order.
        var input = new Input((6 * Chunk) + 17, unevenParse: true);
        var written = new List<long>();
        var progress = new List<long>();

        // Act
        var summary = BatchEvaluator.Run(input, [], r => r.Record.Number * 10, (r, rendered) =>
        {
            Assert.That(rendered, Is.EqualTo(r.Record.Number * 10), "rendering paired with its result");
            written.Add(r.Record.Number);
        }, progress.Add, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.EqualTo(Enumerable.Range(1, input.Count).Select(n => (long)n)));
            Assert.That((summary.In, summary.Out, summary.Errors), Is.EqualTo(((long)input.Count, (long)input.Count, (long)input.Count)));
            Assert.That(progress, Is.EqualTo(new long[] { Chunk, 2 * Chunk, 3 * Chunk, 4 * Chunk, 5 * Chunk, 6 * Chunk, input.Count }));
        }
    }

    [Test]
    public void Run_ManyChunks_ReadsOneChunkAheadOfWritingAtMost()
    {
        // Arrange
        var input = new Input(8 * Chunk);

        // Act
        BatchEvaluator.Run(input, [], _ => 0, (_, _) => input.Wrote(), null, CancellationToken.None);

        // Assert: a whole chunk is read before it is evaluated, and no more before it is written.
        Assert.That(input.MostAhead, Is.EqualTo(Chunk));
    }

    [Test]
    public void Run_WriterThrowsMidRun_ThrowsItsExceptionAndNothingRunsAfter()
    {
        // Arrange
        var input = new Input(10 * Chunk);
        var failAt = (2 * Chunk) + 100;

        // Act
        var run = Start(input, (r, _) =>
        {
            if (r.Record.Number == failAt)
            {
                throw new IOException("disk full");
            }

            input.Wrote();
        }, CancellationToken.None);

        // Assert
        Assert.That(() => run.GetAwaiter().GetResult(), Throws.TypeOf<IOException>().With.Message.EqualTo("disk full"));
        AssertStopped(input, written: failAt - 1);
    }

    [Test]
    public void Run_ReaderThrowsMidRun_ThrowsItsException()
    {
        // Arrange
        var input = new Input(10 * Chunk, failAt: (3 * Chunk) + 5);

        // Act
        var run = Start(input, (_, _) => input.Wrote(), CancellationToken.None);

        // Assert: what was read before the failure may or may not be written, never past it.
        Assert.That(() => run.GetAwaiter().GetResult(), Throws.TypeOf<IOException>().With.Message.EqualTo("input gone"));
        Assert.That(input.Written, Is.LessThanOrEqualTo(3 * Chunk));
        AssertStopped(input, written: input.Written);
    }

    [Test]
    public void Run_RenderThrows_ThrowsIt()
    {
        // Arrange
        var input = new Input(5 * Chunk);

        // Act
        var run = Task.Run(() => BatchEvaluator.Run(input, [], r => r.Record.Number == Chunk + 3 ? throw new InvalidOperationException("render failed") : 0, (_, _) => input.Wrote(), null, CancellationToken.None));

        // Assert
        Assert.That(Task.WaitAny([run], HangGuard), Is.Zero, "the run hung");
        Assert.That(() => run.GetAwaiter().GetResult(), Throws.TypeOf<AggregateException>().With.InnerException.With.Message.EqualTo("render failed"));
        AssertStopped(input, written: input.Written);
    }

    [Test]
    public void Run_CancelledMidRun_ThrowsAndWritesNoRecordAfter()
    {
        // Arrange
        var input = new Input(10 * Chunk);
        using var cancel = new CancellationTokenSource();
        var cancelAt = (3 * Chunk) + 10;

        // Act
        var run = Start(input, (r, _) =>
        {
            input.Wrote();
            if (r.Record.Number == cancelAt)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        // Assert
        Assert.That(() => run.GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
        AssertStopped(input, written: cancelAt);
    }

    private static Task<BatchSummary> Start(Input input, Action<BatchResult, int> write, CancellationToken cancel)
    {
        var run = Task.Run(() => BatchEvaluator.Run(input, [], _ => 0, write, null, cancel));
        Assert.That(Task.WaitAny([run], HangGuard), Is.Zero, "the run hung");
        return run;
    }

    /// <summary>Exactly <paramref name="written"/> records were written, and no stage goes on once the run has thrown.</summary>
    private static void AssertStopped(Input input, long written)
    {
        var (pulled, parsed, wrote) = (input.Pulled, input.Parsed, input.Written);
        Thread.Sleep(200);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrote, Is.EqualTo(written));
            Assert.That(pulled, Is.LessThanOrEqualTo(written + Chunk), "read too far ahead");
            Assert.That((input.Pulled, input.Parsed, input.Written), Is.EqualTo((pulled, parsed, wrote)), "a stage still ran after the run threw");
        }
    }

    /// <summary>Records numbered from 1, counting how far they have been read, parsed and written.</summary>
    private sealed class Input(int count, bool unevenParse = false, long failAt = 0) : IEnumerable<PendingRecord>
    {
        private long _pulled;
        private long _parsed;
        private long _written;
        private long _mostAhead;

        public int Count => count;

        public long Pulled => Interlocked.Read(ref _pulled);

        public long Parsed => Interlocked.Read(ref _parsed);

        public long Written => Interlocked.Read(ref _written);

        /// <summary>The most records read but not yet written at any time.</summary>
        public long MostAhead => Interlocked.Read(ref _mostAhead);

        public void Wrote() => Interlocked.Increment(ref _written);

        public IEnumerator<PendingRecord> GetEnumerator()
        {
            for (var n = 1L; n <= count; n++)
            {
                if (n == failAt)
                {
                    throw new IOException("input gone");
                }

                var pulled = Interlocked.Increment(ref _pulled);
                var ahead = pulled - Written;
                if (ahead > _mostAhead)
                {
                    Interlocked.Exchange(ref _mostAhead, ahead);
                }

                var number = n;
                yield return new PendingRecord(10, () =>
                {
                    if (unevenParse)
                    {
                        Thread.SpinWait((int)(number * 7919 % 97) * 20);
                    }

                    Interlocked.Increment(ref _parsed);
                    return new ScenarioRecord(number, $"memory:{number}", null, []);
                });
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
