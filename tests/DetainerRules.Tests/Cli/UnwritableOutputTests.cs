using DetainerRules.Analysis.Batch;
using DetainerRules.Cli;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// Every command that writes a file, into a folder it may not write in (<c>chmod 555</c>): exit
/// code 5, one line naming the path as the user gave it and the reason, no stack trace, and the
/// folder exactly as it was: no output, no temporary file, the inputs and an earlier result intact.
/// The tool writes beside the target and renames, so a writable target file in a read-only folder
/// is refused too, rather than truncated and rewritten in place.
/// </summary>
/// <remarks>
/// Root may write anywhere, so when the suite runs as root the tool runs in a child process
/// without that capability (<see cref="CliProcess.RunWithoutPermissionOverride"/>). Where that
/// cannot be had either, each test checks instead that the tool leaves the judgement to the
/// operating system (the write succeeds whole, with nothing left beside it, rather than being
/// refused by a guess from the folder's mode) and is then reported as ignored, with the reason.
/// </remarks>
[TestFixture]
[Platform(Exclude = "Win", Reason = "Unix file modes")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class UnwritableOutputTests
{
    private const string Earlier = "an earlier run's results\n";

    private string _dir = null!;
    private string _input = null!;
    private WritePermission _permission;

    [OneTimeSetUp]
    public void WriteInput()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-unwritable-").FullName;
        _input = string.Join("\n", BookingGenerator.Generate(20, seed: 13).Select(s => ScenarioJson.ToJson(s, indented: false))) + "\n";
        _permission = WritePermissions.Probe(_dir);
        TestContext.Progress.WriteLine($"UnwritableOutputTests: write permission {_permission}");
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        foreach (var folder in Directory.GetDirectories(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(folder, WritePermissions.WritableFolder);
        }

        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A folder holding <paramref name="files"/>, then made read-only; returns its name, relative to the working folder.</summary>
    private string ReadOnlyFolder(string name, params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        File.SetUnixFileMode(folder, WritePermissions.ReadOnlyFolder);
        return name;
    }

    /// <summary>Every file under the folder with its text: what must not change.</summary>
    private Dictionary<string, string> Contents(string folder) =>
        Directory.GetFileSystemEntries(Path.Combine(_dir, folder), "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(_dir, p), p => File.Exists(p) ? File.ReadAllText(p) : "(folder)");

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        string[] withCatalog = args[0] == "generate" ? args : [.. args, "--rules", Repository.Rules];
        return _permission == WritePermission.EnforcedInAChild
            ? CliProcess.RunWithoutPermissionOverride(_dir, withCatalog)
            : CliRun.Run(_dir, catalog: false, withCatalog);
    }

    /// <summary>The contract: exit 5 and one line; the message is matched whole where it is known whole.</summary>
    private static void AssertRefused((int Exit, string Out, string Err) run, string? message, string startsWith)
    {
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(run.Exit, Is.EqualTo(ExitCodes.OutputFailed), run.Err);
        Assert.That(lines, Has.Length.EqualTo(1), "one line, no stack trace: " + run.Err);
        Assert.That(run.Err, Does.Not.Contain("internal error").And.Not.Contain("   at "));
        if (message is not null)
        {
            Assert.That(lines[0], Is.EqualTo(message));
        }
        else
        {
            Assert.That(lines[0], Does.StartWith(startsWith).And.EndWith("`: permission denied"));
        }
    }

    /// <summary>Where write permission cannot be enforced: the write is left to the system and succeeds whole.</summary>
    private void AssertWrittenWholeThenIgnore((int Exit, string Out, string Err) run, int exit, string folder, Func<bool> written)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Exit, Is.EqualTo(exit), run.Err);
            Assert.That(written(), Is.True, "the output was written");
            Assert.That(Directory.GetFiles(Path.Combine(_dir, folder), "*.partial", SearchOption.AllDirectories), Is.Empty);
        }

        Assert.Ignore("running as root with no way to drop CAP_DAC_OVERRIDE (setpriv): a read-only folder does not stop a write here; checked only that the tool left the judgement to the system and wrote the output whole");
    }

    [Test]
    public void Batch_OutputInAReadOnlyFolder_ExitsFiveAndLeavesInputAndEarlierResultsAsTheyWere()
    {
        var folder = ReadOnlyFolder("batch-ro", ("in.jsonl", _input), ("out.jsonl", Earlier));
        var before = Contents(folder);

        var run = Run("batch", "-p", "nyc", "--input", $"{folder}/in.jsonl", "--output", $"{folder}/out.jsonl");

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.Success, folder, () => File.ReadAllLines(Path.Combine(_dir, folder, "out.jsonl")).Length == 20);
        }

        using (Assert.EnterMultipleScope())
        {
            AssertRefused(run, $"detainer: cannot write `{folder}/out.jsonl`: permission denied", string.Empty);
            Assert.That(run.Out, Does.Not.Contain("written"), "no claim of results");
            Assert.That(Contents(folder), Is.EqualTo(before), "input, earlier results and nothing else");
        }
    }

    [Test]
    public void Batch_SummaryInAReadOnlyFolder_ExitsFiveAndWritesNeitherFile()
    {
        // The results may go where they can; the summary beside them cannot, so neither is left looking whole.
        var folder = ReadOnlyFolder("summary-ro");
        File.WriteAllText(Path.Combine(_dir, "summary-in.jsonl"), _input);

        var run = Run("batch", "-p", "nyc", "--input", "summary-in.jsonl", "--output", "summary-out.jsonl", "--summary", $"{folder}/summary.json");

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.Success, folder, () => File.Exists(Path.Combine(_dir, folder, "summary.json")));
        }

        using (Assert.EnterMultipleScope())
        {
            AssertRefused(run, $"detainer: cannot write `{folder}/summary.json`: permission denied", string.Empty);
            Assert.That(Contents(folder), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(_dir, "summary-in.jsonl")), Is.EqualTo(_input));
            Assert.That(Directory.GetFiles(_dir, "summary-out.jsonl*"), Is.Empty, "no results without their summary, and no temporary file");
        }
    }

    [Test]
    public void Generate_IntoAReadOnlyFolder_ExitsFiveAndLeavesNothing()
    {
        var folder = ReadOnlyFolder("generate-ro");

        var run = Run("generate", "-n", "5", "-o", $"{folder}/gen.jsonl");

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.Success, folder, () => File.ReadAllLines(Path.Combine(_dir, folder, "gen.jsonl")).Length == 5);
        }

        using (Assert.EnterMultipleScope())
        {
            AssertRefused(run, $"detainer: cannot write `{folder}/gen.jsonl`: permission denied", string.Empty);
            Assert.That(Contents(folder), Is.Empty);
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoAnEmptyReadOnlyFolder_ExitsFiveAndLeavesItEmpty()
    {
        var folder = ReadOnlyFolder("examples-ro");

        var run = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", folder);

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.PoliciesDiffer, folder, () => Directory.GetFiles(Path.Combine(_dir, folder), "*.json").Length > 0);
        }

        using (Assert.EnterMultipleScope())
        {
            // Refused before the comparison runs: the folder is named, and no report is printed for a run that fails.
            AssertRefused(run, $"detainer: cannot write `{folder}`: permission denied", string.Empty);
            Assert.That(run.Out, Is.Empty, "no report before the refusal");
            Assert.That(Contents(folder), Is.Empty);
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoANewFolderInsideAReadOnlyOne_ExitsFiveNamingTheFolder()
    {
        var folder = ReadOnlyFolder("parent-ro");

        var run = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", $"{folder}/examples");

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.PoliciesDiffer, folder, () => Directory.GetFiles(Path.Combine(_dir, folder, "examples"), "*.json").Length > 0);
        }

        using (Assert.EnterMultipleScope())
        {
            AssertRefused(run, $"detainer: cannot write `{folder}/examples`: permission denied", string.Empty);
            Assert.That(run.Out, Is.Empty, "no report before the refusal");
            Assert.That(Contents(folder), Is.Empty);
        }
    }

    [Test]
    public void Table_UpdateOfAWritableFileInAReadOnlyFolder_ExitsFiveAndTheFileIsUnchanged()
    {
        const string Markdown = "# Title\n<!-- begin: detainer table -->\nold table\n<!-- end: detainer table -->\nafter\n";
        var folder = ReadOnlyFolder("table-ro",
            ("lv-robbery-no-ice.yaml", File.ReadAllText(Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"))),
            ("questions.yaml", "questions:\n  - ask: Is ICE told?\n    scenario: lv-robbery-no-ice.yaml\n    decision: notify_ice\n"),
            ("table.md", Markdown));
        var before = Contents(folder);

        var run = Run("table", "--questions", $"{folder}/questions.yaml", "-p", "nyc", "--update", $"{folder}/table.md");

        if (_permission == WritePermission.NotEnforced)
        {
            AssertWrittenWholeThenIgnore(run, ExitCodes.Success, folder, () => !File.ReadAllText(Path.Combine(_dir, folder, "table.md")).Contains("old table", StringComparison.Ordinal));
        }

        using (Assert.EnterMultipleScope())
        {
            AssertRefused(run, $"detainer: cannot write `{folder}/table.md`: permission denied", string.Empty);
            Assert.That(run.Out, Does.Not.Contain("updated"));
            Assert.That(Contents(folder), Is.EqualTo(before), "the table file, the questions and the scenario as they were");
        }
    }
}
