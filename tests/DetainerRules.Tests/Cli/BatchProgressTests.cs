using DetainerRules.Cli;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Cli;

/// <summary>The batch progress line, driven by a fake clock and read from a fake standard error.</summary>
[TestFixture]
public class BatchProgressTests
{
    private TimeSpan _now;
    private double? _share;

    private (BatchProgress Progress, StringWriter Error) Make(bool terminal)
    {
        var error = new StringWriter { NewLine = "\n" };
        return (new BatchProgress(TerminalWriter.Lines(error), terminal, () => _share, () => _now), error);
    }

    private void At(double seconds, double? share)
    {
        _now = TimeSpan.FromSeconds(seconds);
        _share = share;
    }

    [Test]
    public void Report_OnATerminal_ShowsRateElapsedAndTimeLeftAndEndsTheLineCleanly()
    {
        var (progress, error) = Make(terminal: true);

        At(10, 0.25);
        progress.Report(5_000);
        At(20, 0.5);
        progress.Report(10_000);
        progress.Done();

        var text = error.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\r[#######.......................] 5,000 records, 500 records/s, elapsed 0:10, ETA 0:30" + TerminalWriter.EraseToEndOfLine));
            Assert.That(text, Does.Contain("\r[###############...............] 10,000 records, 500 records/s, elapsed 0:20, ETA 0:20" + TerminalWriter.EraseToEndOfLine));
            Assert.That(text, Does.EndWith("\r[##############################] 10,000 records, 500 records/s, elapsed 0:20" + TerminalWriter.EraseToEndOfLine + "\n"), "the last line is whole and ended");
        }
    }

    [Test]
    public void Report_OnATerminal_RedrawsAFewTimesASecondAtMost()
    {
        var (progress, error) = Make(terminal: true);

        for (var i = 1; i <= 100; i++)
        {
            (_now, _share) = (TimeSpan.FromMilliseconds(i * 10), i / 1000.0);
            progress.Report(i);
        }

        Assert.That(error.ToString().Count(c => c == '\r'), Is.EqualTo(5), "one second of chunks, drawn every 0.2 s");
    }

    [Test]
    public void Report_Redirected_WritesPlainLinesWithNoTerminalControl()
    {
        var (progress, error) = Make(terminal: false);

        for (var i = 1; i <= 20; i++)
        {
            At(i * 3, i / 20.0);
            progress.Report(i * 1_000);
        }

        progress.Done();

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ToString(), Has.None.Matches<char>(c => char.IsControl(c) && c != '\n'), "no \\r and no escape sequence in a log");
            Assert.That(lines, Has.Length.EqualTo(10), "a line every tenth of the input");
            Assert.That(lines[0], Is.EqualTo("batch: 2,000 records done (10% of the input) in 0:06, 333 records/s, about 0:54 left"));
            Assert.That(lines[^1], Is.EqualTo("batch: 20,000 records done (100% of the input) in 1:00, 333 records/s"));
        }
    }

    [Test]
    public void Report_InputOfUnknownSize_GivesNoTimeLeft()
    {
        var (progress, error) = Make(terminal: true);

        At(2, null);
        progress.Report(300);

        Assert.That(error.ToString(), Is.EqualTo("\r[..............................] 300 records, 150 records/s, elapsed 0:02" + TerminalWriter.EraseToEndOfLine));
    }
}
