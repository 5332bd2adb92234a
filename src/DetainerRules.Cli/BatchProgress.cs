using System.Globalization;
using DetainerRules.Reports;

namespace DetainerRules.Cli;

/// <summary>How far a batch run has got: records done, their rate, the time taken and the time left.</summary>
/// <remarks>
/// On a terminal, one line redrawn in place, no more than a few times a second, and ended with a
/// line break when the run is done, so what follows starts on a clean line. Anywhere else (a log
/// file, a pipe) no terminal control is written at all: a plain line every tenth of the input.
/// The clock is given, so the words can be tested without waiting.
/// </remarks>
internal sealed class BatchProgress
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(200);

    private readonly TerminalWriter _error;
    private readonly bool _terminal;
    private readonly Func<double?> _fraction;
    private readonly Func<TimeSpan> _elapsed;
    private TimeSpan? _drawnAt;
    private int _lastTenth;
    private long _done;

    /// <param name="fraction">The share of the input read so far; null when it cannot be known (a folder of files).</param>
    /// <param name="elapsed">Time since the run began.</param>
    public BatchProgress(TerminalWriter error, bool terminal, Func<double?> fraction, Func<TimeSpan> elapsed)
    {
        _error = error;
        _terminal = terminal;
        _fraction = fraction;
        _elapsed = elapsed;
    }

    /// <summary>Called after each chunk with the number of records done.</summary>
    public void Report(long done)
    {
        _done = done;
        var share = _fraction();
        var elapsed = _elapsed();
        if (_terminal)
        {
            if (_drawnAt is not { } last || elapsed - last >= RedrawEvery)
            {
                _drawnAt = elapsed;
                _error.Overwrite(Bar(done, share, elapsed));
            }

            return;
        }

        var tenth = share is { } t ? (int)(t * 10) : _lastTenth + 1;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            var of = share is { } p ? $" ({Math.Round(p * 100).ToString(CultureInfo.InvariantCulture)}% of the input)" : string.Empty;
            var left = share is { } q && Left(q, elapsed) is { } l ? $", about {Clock(l)} left" : string.Empty;
            _error.WriteLine($"batch: {Count(done)} records done{of} in {Clock(elapsed)}, {Rate(done, elapsed)}{left}");
        }
    }

    /// <summary>Ends the bar's line on a terminal with the final count, so later output starts on a clean line.</summary>
    public void Done()
    {
        if (_terminal && _drawnAt is not null)
        {
            _error.Overwrite(Bar(_done, 1, _elapsed()));
            _error.WriteLine();
        }
    }

    private static string Bar(long done, double? share, TimeSpan elapsed)
    {
        var bar = share is { } s ? new string('#', (int)(Math.Clamp(s, 0, 1) * BarWidth)).PadRight(BarWidth, '.') : new string('.', BarWidth);
        var left = share is { } q && Left(q, elapsed) is { } l ? $", ETA {Clock(l)}" : string.Empty;
        return $"[{bar}] {Count(done)} records, {Rate(done, elapsed)}, elapsed {Clock(elapsed)}{left}";
    }

    /// <summary>The time the rest of the input should take at the pace so far; null before there is a pace to go by.</summary>
    private static TimeSpan? Left(double share, TimeSpan elapsed) =>
        share is > 0.001 and < 1 && elapsed > TimeSpan.Zero ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - share) / share) : null;

    private static string Rate(long done, TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 0.001 ? $"{Count((long)Math.Round(done / elapsed.TotalSeconds))} records/s" : "- records/s";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"0:42", "12:05", "1:02:03".</summary>
    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1
            ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
            : $"{t.Minutes}:{t.Seconds:00}";
}
