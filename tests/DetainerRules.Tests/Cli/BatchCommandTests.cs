using System.Diagnostics;
using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer batch</c> and <c>detainer generate</c>: every record in gives one record out, in order, and nothing half-written looks finished.</summary>
[TestFixture]
public class BatchCommandTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-batch-").FullName;
        var good = BookingGenerator.Generate(300, seed: 5).ToList();
        var lines = good.Select(s => ScenarioJson.ToJson(s, indented: false)).ToList();
        lines.Insert(10, """{"booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felonious", "category": "theft"}]}""");
        lines.Insert(20, "{not json");
        lines.Insert(30, "");
        File.WriteAllLines(Path.Combine(_dir, "mixed.jsonl"), lines);
        File.WriteAllLines(Path.Combine(_dir, "good.csv"), [ScenarioCsv.Header, .. good.Select(ScenarioCsv.Row)]);
        File.WriteAllLines(Path.Combine(_dir, "good.jsonl"), good.Select(s => ScenarioJson.ToJson(s, indented: false)));
        File.WriteAllText(Path.Combine(_dir, "badheader.csv"), "id,booked_at,chargez\n");

        // A family written for the test: notice of felonies from 2020, of every charge from 2024, in Chicago's zone.
        Directory.CreateDirectory(Path.Combine(_dir, "family"));
        foreach (var (id, dates, when) in new[] { ("fam-2020", "{ from: 2020-01-01, until: 2023-12-31 }", "any charge(level = felony)"), ("fam", "{ from: 2024-01-01 }", "true") })
        {
            File.WriteAllText(Path.Combine(_dir, "family", id + ".yaml"), TestPolicies.Yaml($$"""
                  - id: notify
                    when: {{when}}
                    then:
                      notify_ice: { value: required, at: [booking] }
                    because: b
                    cite: src
                """, $"family: fam\ntime_zone: America/Chicago\neffective: {dates}").Replace("id: test-policy", "id: " + id, StringComparison.Ordinal));
        }

        // A misdemeanor in 2021, the same late on New Year's Eve in Los Angeles (already 2024 in Chicago), and one from before the family.
        File.WriteAllLines(Path.Combine(_dir, "years.jsonl"),
        [
            """{"id": "y2021", "booked_at": "2021-06-01T10:00:00-05:00", "charges": [{"offense": "x", "level": "misdemeanor", "category": "theft"}]}""",
            """{"id": "eve", "booked_at": "2023-12-31T22:30:00-08:00", "charges": [{"offense": "x", "level": "misdemeanor", "category": "theft"}]}""",
            """{"id": "y2019", "booked_at": "2019-06-01T10:00:00-05:00", "charges": [{"offense": "x", "level": "misdemeanor", "category": "theft"}]}""",
        ]);
    }

    [Test]
    public void Batch_Family_EachRecordDecidedByTheVersionInForceOnItsBookingDay()
    {
        var (exit, _, error) = CliRun.Run(_dir, catalog: false, "batch", "-p", "fam", "--rules", "family", "--input", "years.jsonl", "--output", "years-out.jsonl");
        var records = File.ReadAllLines(Path.Combine(_dir, "years-out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), error);
            Assert.That(records[0].GetProperty("policies").GetProperty("fam").GetProperty("version").GetString(), Is.EqualTo("fam-2020"));
            Assert.That(records[0].GetProperty("policies").GetProperty("fam").GetProperty("notify_ice").GetString(), Is.EqualTo("unknown"), "2020 version: felonies only");
            Assert.That(records[1].GetProperty("policies").GetProperty("fam").GetProperty("version").GetString(), Is.EqualTo("fam"), "22:30 in Los Angeles is 2024 in Chicago");
            Assert.That(records[1].GetProperty("policies").GetProperty("fam").GetProperty("notify_ice").GetString(), Is.EqualTo("required"));
            Assert.That(records[2].GetProperty("errors")[0].GetString(), Does.Contain("no version of `fam` was in force on 2019-06-01"));
        }
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: args[0] != "generate", args);

    [Test]
    public void Batch_JsonLinesWithBadRecords_WritesOneRecordPerInputRecordInOrder()
    {
        var (exit, output, error) = Run("batch", "-p", "lvmpd-2023", "-p", "nyc", "--input", "mixed.jsonl", "--output", "mixed-out.jsonl");
        var records = File.ReadAllLines(Path.Combine(_dir, "mixed-out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), error);
            Assert.That(records, Has.Count.EqualTo(302), "300 good records and 2 bad ones; the blank line is not a record");
            Assert.That(records.Select(r => r.GetProperty("record").GetInt64()), Is.EqualTo(Enumerable.Range(1, 302).Select(i => (long)i)));
            Assert.That(records[10].GetProperty("errors")[0].GetString(), Does.StartWith("mixed.jsonl:11:").And.Contain("charges[0].level: `felonious` is not allowed here"));
            Assert.That(records[20].GetProperty("errors")[0].GetString(), Does.StartWith("mixed.jsonl:21:").And.Contain("error DR101"));
            Assert.That(records[0].GetProperty("policies").GetProperty("nyc").GetProperty("outcome").GetString(), Is.Not.Empty);
            Assert.That(output, Does.StartWith("302 records in, 302 written to mixed-out.jsonl, 2 with errors"));
            Assert.That(Directory.GetFiles(_dir, "mixed-out.jsonl*.partial"), Is.Empty);
        }
    }

    [Test]
    public void Batch_Summary_SaysOutcomesInWordsWhileRecordsKeepTheVocabularyWord()
    {
        // Texas holds on every detainer (texas-sb4); some of the generated records carry one.
        var (_, output, error) = Run("batch", "-p", "texas-sb4", "--input", "good.jsonl", "--output", "words.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Match(@"outcome +.*\bheld for ICE [0-9]").And.Not.Contain("held_for_ice"), error);
            Assert.That(File.ReadAllText(Path.Combine(_dir, "words.jsonl")), Does.Contain("\"outcome\":\"held_for_ice\""));
        }
    }

    [Test]
    public void Batch_Answers_MatchWhatEvaluateSaysForEachScenario()
    {
        Run("batch", "-p", "california", "--input", "good.jsonl", "--output", "check.jsonl");
        var network = TestPolicies.ShippedPolicy("california");
        var scenarios = BookingGenerator.Generate(300, seed: 5).ToList();
        var records = File.ReadAllLines(Path.Combine(_dir, "check.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        for (var i = 0; i < scenarios.Count; i++)
        {
            var verdict = network.Evaluate(scenarios[i]);
            var answers = records[i].GetProperty("policies").GetProperty("california");
            foreach (var decision in verdict.Decisions)
            {
                Assert.That(answers.GetProperty(DetainerRules.Model.Vocabulary.Word(decision.Kind)).GetString(), Is.EqualTo(DetainerRules.Model.Vocabulary.Word(decision.Value)), $"{scenarios[i].Id} {decision.Kind}");
            }

            Assert.That(answers.GetProperty("outcome").GetString(), Is.EqualTo(DetainerRules.Model.Vocabulary.Word(verdict.Outcome.Value)), scenarios[i].Id);
        }
    }

    [Test]
    public void Batch_SameInputTwiceAndWithTheReferenceEngine_ByteIdenticalOutput()
    {
        Run("batch", "-p", "lvmpd-2025-06", "-p", "stockton", "--input", "good.jsonl", "--output", "a.jsonl");
        Run("batch", "-p", "lvmpd-2025-06", "-p", "stockton", "--input", "good.jsonl", "--output", "b.jsonl");
        Run("batch", "-p", "lvmpd-2025-06", "-p", "stockton", "--input", "good.jsonl", "--output", "c.jsonl", "--engine", "nrules");
        var a = File.ReadAllText(Path.Combine(_dir, "a.jsonl"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(Path.Combine(_dir, "b.jsonl")), Is.EqualTo(a));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "c.jsonl")), Is.EqualTo(a));
        }
    }

    [Test]
    public void Batch_CsvInAndOut_SameAnswersAsJsonLines()
    {
        Run("batch", "-p", "nyc", "--input", "good.csv", "--output", "from-csv.csv");
        Run("batch", "-p", "nyc", "--input", "good.jsonl", "--output", "from-jsonl.csv");
        var fromCsv = File.ReadAllLines(Path.Combine(_dir, "from-csv.csv"));
        var fromJsonl = File.ReadAllLines(Path.Combine(_dir, "from-jsonl.csv"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromCsv[0], Does.StartWith("record,source,id,error,nyc:version,nyc:notify_ice,nyc:notify_ice_at,nyc:delay_release,nyc:delay_limit,nyc:hold_until"));
            Assert.That(fromCsv, Has.Length.EqualTo(301));
            Assert.That(fromCsv.Skip(1).Select(AnswersOnly), Is.EqualTo(fromJsonl.Skip(1).Select(AnswersOnly)), "the source column differs; the answers must not");
        }

        static string AnswersOnly(string row) => string.Join(",", row.Split(',').Skip(2));
    }

    [Test]
    public void Batch_CsvWithAnUnknownColumn_SaysWhichAndExitsOne()
    {
        var (exit, _, error) = Run("batch", "-p", "nyc", "--input", "badheader.csv", "--output", "x.csv");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("badheader.csv:1:14: error DR102: chargez: unknown column `chargez` (did you mean `charges`?)"));
            Assert.That(error, Does.Contain("required column `charges` is missing"));
            Assert.That(File.Exists(Path.Combine(_dir, "x.csv")), Is.False);
            Assert.That(Directory.GetFiles(_dir, "x.csv*.partial"), Is.Empty);
        }
    }

    [Test]
    public void Generate_SameSeed_SameRecords()
    {
        var first = Run("generate", "-n", "50", "--seed", "9").Out;
        var second = Run("generate", "-n", "50", "--seed", "9").Out;
        var other = Run("generate", "-n", "50", "--seed", "10").Out;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
            Assert.That(first.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(50));
        }
    }

    [Test]
    public void Batch_KilledMidway_LeavesNoFinishedLookingFileAndARerunCompletes()
    {
        // Arrange: enough records that the run is still going when it is killed.
        var input = Path.Combine(_dir, "large.jsonl");
        File.WriteAllLines(input, BookingGenerator.Generate(200_000, seed: 3).Select(s => ScenarioJson.ToJson(s, indented: false)));
        var output = Path.Combine(_dir, "large-out.jsonl");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.dll");
        ProcessStartInfo Start() => new("dotnet", ["exec", cli, "batch", "-p", "lvmpd-2023", "--input", input, "--output", output, "--rules", Repository.Rules])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _dir,
        };

        // Act: kill the process as soon as it has written part of its output.
        using (var run = Process.Start(Start())!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Partials(output).Any(p => new FileInfo(p).Length > 0) && !run.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Assert.That(run.HasExited, Is.False, "the run finished before it could be killed; give it more records");
            run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }

        var leftOver = Partials(output);
        var finishedLooking = File.Exists(output);

        using (var rerun = Process.Start(Start())!)
        {
            rerun.WaitForExit(180_000);
            Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.StandardError.ReadToEnd());
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finishedLooking, Is.False, "a killed run must not leave the output file");
            Assert.That(leftOver, Has.Length.EqualTo(1), "what a killed run wrote is under a name that says it is unfinished");
            Assert.That(File.ReadLines(output).Count(), Is.EqualTo(200_000));
            Assert.That(Partials(output), Is.EqualTo(leftOver), "the rerun leaves no file of its own behind");
        }
    }

    [Test]
    public void Batch_Terminated_StopsCleanlyWithTheInterruptedCode()
    {
        var input = Path.Combine(_dir, "term.jsonl");
        File.WriteAllLines(input, BookingGenerator.Generate(200_000, seed: 4).Select(s => ScenarioJson.ToJson(s, indented: false)));
        var output = Path.Combine(_dir, "term-out.jsonl");

        // The summary's temporary file exists from the start of the run too, so it must go with the output's.
        var summary = Path.Combine(_dir, "term-summary.json");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.dll");
        using var run = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "batch", "-p", "nyc", "--input", input, "--output", output, "--summary", summary, "--rules", Repository.Rules])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Partials(output).Any(p => new FileInfo(p).Length > 0) && !run.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.That(run.HasExited, Is.False, "the run finished before it could be stopped; give it more records");
        using (var term = Process.Start("kill", ["-TERM", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit();
        }

        run.WaitForExit(60_000);
        var error = run.StandardError.ReadToEnd();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Interrupted), error);
            Assert.That(error, Does.Contain("interrupted;"));
            Assert.That(File.Exists(output), Is.False);
            Assert.That(Partials(output), Is.Empty, "a run that is asked to stop cleans up after itself");
            Assert.That(File.Exists(summary), Is.False);
            Assert.That(Partials(summary), Is.Empty, "the summary's temporary file too");
        }
    }

    /// <summary>The temporary files of runs writing <paramref name="output"/>: <c>NAME.RANDOM.partial</c> beside it.</summary>
    private static string[] Partials(string output) => Directory.GetFiles(Path.GetDirectoryName(output)!, Path.GetFileName(output) + ".*.partial");
}
