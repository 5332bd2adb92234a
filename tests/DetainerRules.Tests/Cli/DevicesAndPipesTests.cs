using System.Diagnostics;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// What only a real process shows: FIFOs and devices where files are expected (refused before they
/// are opened, so nothing hangs), standard output closed early or full, and a stuck read stopped.
/// Each run is a child process with a hang limit, so a regression fails a test instead of stopping the suite.
/// </summary>
[TestFixture]
[Platform("Linux", Reason = "FIFOs, /dev/zero and /dev/full")]
public class DevicesAndPipesTests
{
    private const string Ok = "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: x, level: felony, category: theft } ]\n";

    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-devices-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "folder"));
        File.WriteAllText(Path.Combine(_dir, "folder", "a-ok.yaml"), Ok);
        MakeFifo(Path.Combine(_dir, "folder", "b-pipe.yaml"));
        MakeFifo(Path.Combine(_dir, "pipe.jsonl"));
        MakeFifo(Path.Combine(_dir, "pipe.yaml"));
        File.WriteAllText(Path.Combine(_dir, "extends-pipe.yaml"), "id: extends-pipe\nextends: pipe.yaml\namendment: a FIFO as the base\n");
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(_dir, [.. args, "--rules", Repository.Rules]);

    [Test]
    public void Batch_InputIsAFifo_RefusedWithoutOpeningIt()
    {
        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "pipe.jsonl", "--output", "out.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("pipe.jsonl: error DR100: is a named pipe (FIFO), not a regular file; only regular files are read"));
        }
    }

    [Test]
    public void Batch_InputIsDevZero_RefusedInsteadOfFillingMemory()
    {
        // Before: 8.4 GB, then an internal error, and SIGTERM went unheard meanwhile.
        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "/dev/zero", "--output", "zero.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("/dev/zero: error DR100: is a character device, not a regular file"));
            Assert.That(File.Exists(Path.Combine(_dir, "zero.jsonl")), Is.False);
        }
    }

    [Test]
    public void Batch_FolderWithAFifo_OneErrorRecordForItAndTheOthersEvaluated()
    {
        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "folder", "--output", "folder-out.jsonl");
        var records = File.ReadAllLines(Path.Combine(_dir, "folder-out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), error);
            Assert.That(records, Has.Count.EqualTo(2));
            Assert.That(records[0].TryGetProperty("policies", out _), Is.True);
            Assert.That(records[1].GetProperty("errors")[0].GetString(), Does.Contain("b-pipe.yaml: error DR100: is a named pipe (FIFO)"));
        }
    }

    [Test]
    public void Evaluate_FolderWithAFifo_TheOtherFilesEvaluatedAndTheFifoRefused()
    {
        var (exit, output, error) = Run("evaluate", "-p", "nyc", "folder");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain("Outcome:"));
            Assert.That(error, Does.Contain("b-pipe.yaml: error DR100: is a named pipe (FIFO)"));
        }
    }

    [Test]
    public void Validate_AFifo_AFindingNotAHang()
    {
        var (exit, output, _) = Run("validate", "pipe.yaml", "folder");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain("pipe.yaml: error DR100: is a named pipe (FIFO)"));
            Assert.That(output, Does.Contain("b-pipe.yaml: error DR100: is a named pipe (FIFO)"));
            Assert.That(output, Does.Contain("3 files checked: 2 errors"));
        }
    }

    [Test]
    public void Evaluate_PolicyExtendingAFifo_RefusedNotHung()
    {
        var (exit, _, error) = Run("evaluate", "-p", "extends-pipe.yaml", "folder/a-ok.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("is a named pipe (FIFO), not a regular file"));
        }
    }

    [Test]
    public void Generate_IntoAPipeClosedEarly_StopsQuietlyWithTheBrokenPipeCode()
    {
        // Before: five million records were made for a reader that had left after the first.
        var (_, output, error) = CliProcess.Shell(_dir, "$DETAINER generate --count 5000000 | head -1 > /dev/null; echo \"exit=${PIPESTATUS[0]}\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Trim(), Is.EqualTo($"exit={ExitCodes.BrokenPipe}"));
            Assert.That(error, Is.Empty, "quietly");
        }
    }

    [Test]
    public void Generate_ToAFullDevice_ReportsTheIoErrorNotAnInternalError()
    {
        var (exit, _, error) = CliProcess.Shell(_dir, "$DETAINER generate --count 1000 > /dev/full");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.OutputFailed));
            Assert.That(error.Trim(), Is.EqualTo("detainer: cannot write standard output: no space left on device"));
        }
    }

    [Test]
    public void Evaluate_ToAFullDevice_ReportsTheIoError()
    {
        var (exit, _, error) = CliProcess.Shell(_dir, $"$DETAINER evaluate -p nyc folder/a-ok.yaml --rules {Repository.Rules} > /dev/full");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.OutputFailed));
            Assert.That(error, Does.Contain("cannot write standard output: no space left on device"));
        }
    }
}
