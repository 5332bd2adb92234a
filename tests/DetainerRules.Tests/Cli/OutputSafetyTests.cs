using System.Diagnostics;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli;
using DetainerRules.Cli.Files;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// Every file the tool writes: written whole under a name of the run's own and renamed into place,
/// never over an input, never through a link, never mixed with another run's or with stale files.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "links, hard links and file modes as Unix has them")]
public class OutputSafetyTests
{
    private string _dir = null!;
    private string[] _lines = [];

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-outputs-").FullName;
        _lines = [.. BookingGenerator.Generate(50, seed: 8).Select(s => ScenarioJson.ToJson(s, indented: false))];
        File.WriteAllLines(Path.Combine(_dir, "good.jsonl"), _lines);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: args[0] != "generate", args);

    private string Copy(string name)
    {
        var path = Path.Combine(_dir, name);
        File.Copy(Path.Combine(_dir, "good.jsonl"), path, overwrite: true);
        return path;
    }

    private string WriteQuestions(string name)
    {
        // A questions file names its scenarios within its own folder, so the scenario goes beside it.
        File.Copy(Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"), Path.Combine(_dir, "lv-robbery-no-ice.yaml"), overwrite: true);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "questions:\n  - ask: Is ICE told?\n    scenario: lv-robbery-no-ice.yaml\n    decision: notify_ice\n");
        return path;
    }

    /// <summary>Temporary files the tool made (NAME.8-hex-digits.partial); the tests' own traps are named otherwise.</summary>
    private string[] Partials() =>
        [.. Directory.GetFiles(_dir, "*.partial", SearchOption.AllDirectories).Where(f => System.Text.RegularExpressions.Regex.IsMatch(f, @"\.[0-9a-f]{8}\.partial$"))];

    [Test]
    public void Batch_OutputIsTheInput_RefusedAndTheInputUntouched()
    {
        var input = Copy("io.jsonl");

        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "io.jsonl", "--output", "io.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("detainer: --output `io.jsonl` is the same file as the input"));
            Assert.That(File.ReadAllLines(input), Is.EqualTo(_lines));
            Assert.That(Partials(), Is.Empty);
        }
    }

    [Test]
    public void Batch_OutputIsAHardLinkOfTheInput_Refused()
    {
        var input = Copy("linked-in.jsonl");
        var output = Path.Combine(_dir, "linked-out.jsonl");
        File.Delete(output);
        using (var ln = Process.Start("ln", [input, output]))
        {
            ln.WaitForExit();
        }

        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "linked-in.jsonl", "--output", "linked-out.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("is the same file as the input `"));
            Assert.That(File.ReadAllLines(input), Is.EqualTo(_lines));
        }
    }

    [Test]
    public void Batch_OutputIsALinkToTheInput_Refused()
    {
        var input = Copy("target-of-link.jsonl");
        var output = Path.Combine(_dir, "link.jsonl");
        File.Delete(output);
        File.CreateSymbolicLink(output, input);

        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "target-of-link.jsonl", "--output", "link.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--output `link.jsonl` is a symbolic link"));
            Assert.That(File.ReadAllLines(input), Is.EqualTo(_lines));
        }
    }

    [Test]
    public void Batch_InputIsTheOldPartialNameOfTheOutput_ReadWholeNotTruncated()
    {
        // Before: the run opened x.jsonl.partial for writing, truncating its own input ("0 in, 0 written", exit 0).
        var input = Copy("x.jsonl.partial");

        var (exit, output, error) = Run("batch", "-p", "nyc", "--input", "x.jsonl.partial", "--output", "x.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.StartWith("50 records in, 50 written to x.jsonl"));
            Assert.That(File.ReadAllLines(input), Is.EqualTo(_lines));
            Assert.That(File.ReadAllLines(Path.Combine(_dir, "x.jsonl")), Has.Length.EqualTo(50));
        }
    }

    [Test]
    public void Batch_LinkPlacedAtTheOldPartialName_TheLinkedFileIsUntouched()
    {
        var victim = Path.Combine(_dir, "victim.txt");
        File.WriteAllText(victim, "precious");
        var trap = Path.Combine(_dir, "trapped.jsonl.partial");
        File.Delete(trap);
        File.CreateSymbolicLink(trap, victim);

        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "good.jsonl", "--output", "trapped.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
            Assert.That(File.ReadAllLines(Path.Combine(_dir, "trapped.jsonl")), Has.Length.EqualTo(50));
        }
    }

    [Test]
    public void OutputFile_LinkPlacedAtTheTemporaryName_IsNeitherWrittenThroughNorRemoved()
    {
        // The temporary name is drawn at random; here the draw is fixed so that a link can wait at it.
        var victim = Path.Combine(_dir, "victim-2.txt");
        File.WriteAllText(victim, "precious");
        var target = Path.Combine(_dir, "drawn.jsonl");
        File.CreateSymbolicLink(target + ".first.partial", victim);
        var draws = new Queue<string>(["first", "second"]);

        using (var file = OutputFile.Create(target, "drawn.jsonl", draws.Dequeue))
        {
            file.Writer.Write("new\n");
            file.Commit();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
            Assert.That(File.ReadAllText(target), Is.EqualTo("new\n"));
            Assert.That(new FileInfo(target + ".first.partial").LinkTarget, Is.EqualTo(victim), "someone else's file is left alone");
            Assert.That(File.Exists(target + ".second.partial"), Is.False);
        }
    }

    [Test]
    public void OutputFile_NotCommitted_LeavesNothingBehind()
    {
        var target = Path.Combine(_dir, "abandoned.jsonl");
        string temporary;
        using (var file = OutputFile.Create(target, "abandoned.jsonl"))
        {
            temporary = file.TemporaryPath;
            file.Writer.Write("half");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Path.GetFileName(temporary), Does.Match(@"^abandoned\.jsonl\.[0-9a-f]{8}\.partial$"));
            Assert.That(File.Exists(temporary), Is.False);
            Assert.That(File.Exists(target), Is.False);
        }
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void OutputFile_ReplacingAFile_KeepsItsPermissions()
    {
        var target = Path.Combine(_dir, "kept-mode.md");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using (var file = OutputFile.Create(target, "kept-mode.md"))
        {
            file.Writer.Write("new");
            file.Commit();
        }

        Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Batch_TwoRunsWithTheSameOutputAtOnce_TheResultIsOneRunWhole()
    {
        // Before: both runs wrote one shared .partial, and the survivor held lines of each and a torn line.
        File.WriteAllLines(Path.Combine(_dir, "a.jsonl"), BookingGenerator.Generate(6000, seed: 1).Select(s => ScenarioJson.ToJson(s, indented: false)));
        File.WriteAllLines(Path.Combine(_dir, "b.jsonl"), BookingGenerator.Generate(6000, seed: 2).Select(s => ScenarioJson.ToJson(s, indented: false)));
        Run("batch", "-p", "nyc", "--input", "a.jsonl", "--output", "alone-a.jsonl");
        Run("batch", "-p", "nyc", "--input", "b.jsonl", "--output", "alone-b.jsonl");
        var a = File.ReadAllText(Path.Combine(_dir, "alone-a.jsonl")).Replace("a.jsonl:", "?:", StringComparison.Ordinal);
        var b = File.ReadAllText(Path.Combine(_dir, "alone-b.jsonl")).Replace("b.jsonl:", "?:", StringComparison.Ordinal);

        var runs = new[] { "a.jsonl", "b.jsonl" }.Select(input => Task.Run(() => Run("batch", "-p", "nyc", "--input", input, "--output", "shared.jsonl"))).ToArray();
        Task.WaitAll(runs);
        var shared = File.ReadAllText(Path.Combine(_dir, "shared.jsonl")).Replace("a.jsonl:", "?:", StringComparison.Ordinal).Replace("b.jsonl:", "?:", StringComparison.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Result.Exit), Is.All.EqualTo(ExitCodes.Success));
            Assert.That(shared == a || shared == b, Is.True, "the output is one run's, whole");
            Assert.That(Partials(), Is.Empty);
        }
    }

    [Test]
    public void Batch_OutputIsAFolder_RefusedBeforeAnyWork()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "folder.jsonl"));

        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "good.jsonl", "--output", "folder.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--output `folder.jsonl` is a folder; name a file"));
        }
    }

    [Test]
    public void Generate_ToADevice_RefusedAsNotARegularFile()
    {
        var (exit, _, error) = Run("generate", "-n", "5", "-o", "/dev/null");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--output `/dev/null` is a character device; results are written whole and renamed into place, so name a regular file"));
        }
    }

    [Test]
    public void Generate_IntoAMissingFolder_ReportsTheIoErrorNamingThePath()
    {
        var (exit, _, error) = Run("generate", "-n", "5", "-o", "nowhere/gen.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.OutputFailed));
            Assert.That(error.Trim(), Is.EqualTo("detainer: cannot write `nowhere/gen.jsonl`: its folder does not exist"));
        }
    }

    [Test]
    public void Generate_ToAFile_WrittenWholeUnderItsName()
    {
        var (exit, output, _) = Run("generate", "-n", "40", "--format", "csv", "-o", "gen.csv");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Is.Empty);
            Assert.That(File.ReadAllLines(Path.Combine(_dir, "gen.csv")), Has.Length.EqualTo(41));
            Assert.That(Partials(), Is.Empty);
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoAFolderWithFiles_RefusedBeforeAnyWork()
    {
        var folder = Path.Combine(_dir, "stale-examples");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notify_ice-1-1.json"), "stale");

        var (exit, output, error) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", "stale-examples");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--emit-examples `stale-examples` is not empty; name a new or empty folder"));
            Assert.That(output, Is.Empty, "refused before the comparison ran");
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(folder, "notify_ice-1-1.json")), Is.EqualTo("stale"));
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoAFile_ClearErrorBeforeAnyWork()
    {
        File.WriteAllText(Path.Combine(_dir, "examples.txt"), "mine");

        var (exit, output, error) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", "examples.txt");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error.Trim(), Is.EqualTo("detainer: --emit-examples `examples.txt` is a regular file, not a folder"));
            Assert.That(output, Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(_dir, "examples.txt")), Is.EqualTo("mine"));
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoALinkedFolder_Refused()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir, "real-folder")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked-folder"), real);

        var (exit, _, error) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", "linked-folder");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--emit-examples `linked-folder` is a symbolic link; name the folder itself"));
            Assert.That(Directory.GetFileSystemEntries(real), Is.Empty);
        }
    }

    [Test]
    public void Compare_EmitExamplesIntoAnEmptyFolder_WritesThemAll()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty-examples"));

        var (exit, _, error) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--emit-examples", "empty-examples");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(Directory.GetFiles(Path.Combine(_dir, "empty-examples"), "*.json"), Is.Not.Empty);
            Assert.That(Partials(), Is.Empty);
        }
    }

    [Test]
    public void Table_UpdateOfTheQuestionsFile_Refused()
    {
        var questions = WriteQuestions("questions.yaml");
        var before = File.ReadAllText(questions);

        var (exit, _, error) = Run("table", "--questions", "questions.yaml", "-p", "nyc", "--update", "questions.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
            Assert.That(error, Does.Contain("--update `questions.yaml` is the same file as the input"));
            Assert.That(File.ReadAllText(questions), Is.EqualTo(before));
        }
    }

    [Test]
    public void Table_Update_ReplacesOnlyTheTable()
    {
        WriteQuestions("questions-2.yaml");
        var markdown = Path.Combine(_dir, "table.md");
        File.WriteAllText(markdown, "# Title\n<!-- begin: detainer table -->\nold table\n<!-- end: detainer table -->\nafter\n");

        var (exit, output, error) = Run("table", "--questions", "questions-2.yaml", "-p", "nyc", "--update", "table.md");
        var text = File.ReadAllText(markdown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("updated the table in table.md"));
            Assert.That(text, Does.StartWith("# Title\n<!-- begin: detainer table -->\n| "));
            Assert.That(text, Does.EndWith("<!-- end: detainer table -->\nafter\n"));
            Assert.That(text, Does.Not.Contain("old table"));
            Assert.That(Partials(), Is.Empty);
        }
    }
}
