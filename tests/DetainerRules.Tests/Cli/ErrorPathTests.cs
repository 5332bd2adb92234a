using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>Every way a command can fail: one clear message on standard error, no stack trace, the documented exit code.</summary>
[TestFixture]
public class ErrorPathTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-errors-").FullName;
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: x, level: felonious, category: theft } ]\n");
        File.WriteAllText(Path.Combine(_dir, "cases.yaml"), "policy: nyc\ncases: [ { scenario: x, because: y, expect: { notify_ice: requird } } ]\n");
        File.WriteAllText(Path.Combine(_dir, "ok.yaml"), "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: x, level: felony, category: theft } ]\n");
        File.WriteAllText(Path.Combine(_dir, "records.jsonl"), "{\"booked_at\": \"2025-01-17T09:30:00-08:00\", \"charges\": [{\"offense\": \"x\", \"level\": \"felony\", \"category\": \"theft\"}]}\n{not json\n");
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> Paths()
    {
        TestCaseData Case(string name, int exit, string message, params string[] args) =>
            new TestCaseData(args, exit, message).SetName($"{name} exits {exit}");

        yield return Case("no command", ExitCodes.Usage, "Required command was not provided");
        yield return Case("unknown command", ExitCodes.Usage, "Unrecognized command or argument 'evalute'", "evalute");
        yield return Case("evaluate without a policy", ExitCodes.Usage, "Option '--policy' is required", "evaluate", "ok.yaml");
        yield return Case("evaluate with an unknown policy", ExitCodes.InvalidInput, "no policy or policy family `lvmpd-2032`", "evaluate", "-p", "lvmpd-2032", "ok.yaml");
        yield return Case("evaluate a missing file", ExitCodes.InvalidInput, "missing.yaml: error DR100: file not found", "evaluate", "-p", "nyc", "missing.yaml");
        yield return Case("evaluate a bad scenario", ExitCodes.InvalidInput, "bad.yaml:2:33: error DR102: charges[0].level", "evaluate", "-p", "nyc", "bad.yaml");
        yield return Case("evaluate with a bad format", ExitCodes.Usage, "--format: `xml` is not a format of this command; expected one of `text`, `json`, `markdown`, `html`", "evaluate", "-p", "nyc", "--format", "xml", "ok.yaml");
        yield return Case("evaluate with a bad date", ExitCodes.Usage, "--at: `2025-13-01` is not a date", "evaluate", "-p", "lvmpd", "--at", "2025-13-01", "ok.yaml");
        yield return Case("evaluate --at a single policy", ExitCodes.Usage, "--at picks a version within a policy family", "evaluate", "-p", "omaha", "--at", "2025-01-01", "ok.yaml");
        yield return Case("evaluate a family on a day no version covers", ExitCodes.InvalidInput, "no version of `lvmpd` was in force on 2010-01-01", "evaluate", "-p", "lvmpd", "--at", "2010-01-01", "ok.yaml");
        yield return Case("compare without a space or scenarios", ExitCodes.Usage, "give either --space or --scenarios", "compare", "nyc", "chicago");
        yield return Case("compare with a bad clause", ExitCodes.Usage, "unknown field `charge.levle`", "compare", "nyc", "chicago", "--space", "--where", "charge.levle=felony");
        yield return Case("space with an unknown policy", ExitCodes.InvalidInput, "no policy or policy family `nycc`", "space", "nycc");
        yield return Case("test a malformed expectation file", ExitCodes.InvalidInput, "cases.yaml:2:59: error DR102", "test", "cases.yaml");
        yield return Case("validate a missing file", ExitCodes.InvalidInput, "nothing.yaml: error DR100: file not found", "validate", "nothing.yaml");
        yield return Case("schema of an unknown format", ExitCodes.Usage, "Argument 'rules' not recognized", "schema", "rules");
        yield return Case("graph of an unknown policy", ExitCodes.InvalidInput, "no policy or policy family `nope`", "graph", "-p", "nope");
        yield return Case("show an unknown policy", ExitCodes.InvalidInput, "no policy or policy family `nope`", "show", "-p", "nope");
        yield return Case("batch to an unknown format", ExitCodes.Usage, "--output `out.txt`: name a .jsonl, .csv or .parquet file", "batch", "-p", "nyc", "-i", "ok.yaml", "-o", "out.txt");
        yield return Case("batch from a missing input", ExitCodes.InvalidInput, "missing.jsonl: error DR100: no such file or folder", "batch", "-p", "nyc", "-i", "missing.jsonl", "-o", "out.jsonl");
        yield return Case("batch with an unknown policy", ExitCodes.InvalidInput, "no policy or policy family `nope`", "batch", "-p", "nope", "-i", "ok.yaml", "-o", "out.jsonl");
        yield return Case("batch into its own input", ExitCodes.Usage, "--output `records.jsonl` is the same file as the input", "batch", "-p", "nyc", "-i", "records.jsonl", "-o", "records.jsonl");
        yield return Case("batch with a record refused", ExitCodes.RecordsRefused, "batch: 2 records done", "batch", "-p", "nyc", "-i", "records.jsonl", "-o", "refused.jsonl");
        yield return Case("generate nothing", ExitCodes.Usage, "--count: give 1 to 100,000,000", "generate", "-n", "0");
        yield return Case("generate into a missing folder", ExitCodes.OutputFailed, "detainer: cannot write `no/such/folder.jsonl`: its folder does not exist", "generate", "-n", "1", "-o", "no/such/folder.jsonl");
        yield return Case("compare with examples into a file", ExitCodes.Usage, "--emit-examples `ok.yaml` is a regular file, not a folder", "compare", "nyc", "chicago", "--space", "--emit-examples", "ok.yaml");
        yield return Case("table without questions", ExitCodes.InvalidInput, "no-questions.yaml: error DR100: file not found", "table", "--questions", "no-questions.yaml");
    }

    [TestCaseSource(nameof(Paths))]
    public void Command_ThatFails_SaysWhyOnceWithTheDocumentedCode(string[] args, int exit, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] withRules = args.Length > 0 && args[0] is not ("generate" or "schema" or "evalute") ? [.. args, "--rules", Repository.Rules] : args;

        var code = DetainerCli.Run(withRules, output, error, _dir);

        // validate reports its findings as its output, like a compiler; every other failure goes to standard error.
        var text = args.Length > 0 && args[0] == "validate" ? output.ToString() : error.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(exit), text);
            Assert.That(text, Does.Contain(message));
            Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(text, Does.Not.Contain("Exception"), "no internal type names");
        }
    }
}
