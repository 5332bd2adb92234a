using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer batch</c> over several policies: where they disagree, on the terminal and in <c>--summary FILE.json</c>; records refused keep their id.</summary>
[TestFixture]
public class BatchSummaryCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-summary-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        foreach (var (id, delay) in new[] { ("holding", "{ value: required, limit: clock48 }"), ("refusing", "{ value: forbidden }") })
        {
            File.WriteAllText(Path.Combine(_dir, "rules", id + ".yaml"), TestPolicies.Yaml($$"""
                  - id: hold
                    when: detainer.form = I-247A
                    then:
                      delay_release: {{delay}}
                    because: b
                    cite: src
                """).Replace("id: test-policy", "id: " + id, StringComparison.Ordinal));
        }

        File.WriteAllLines(Path.Combine(_dir, "in.jsonl"),
        [
            """{"id": "a", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}, "custody": {"release_eligible_at": "2025-01-17T18:00:00-08:00"}}""",
            """{"id": "b", "booked_at": "2025-01-18T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}, "custody": {"release_eligible_at": "2025-01-18T18:00:00-08:00"}}""",
            """{"id": "bad-one", "booked_at": "2025-01-18T09:30:00-08:00", "charges": [{"offense": "x", "level": "felonious", "category": "robbery"}]}""",
        ]);
        File.WriteAllText(Path.Combine(_dir, "in.csv"), "id,booked_at,charges\nfine,2025-01-17T09:30:00-08:00,felony|robbery\nbad-row,not a date,felony|robbery\n");
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    [Test]
    public void TwoPolicies_SummaryNamesThePairsDisagreementAndExtraHours()
    {
        var (exit, output, error) = Run("batch", "-p", "refusing", "-p", "holding", "-i", "in.jsonl", "-o", "out.jsonl", "--summary", "summary.json");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        var pair = summary.RootElement.GetProperty("pairs")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), error);
            Assert.That(output, Does.Contain("refusing vs holding: 2 records answered by both"));
            Assert.That(output, Does.Contain("holding holds longer in 2 records, 96 hours of extra detention in all"));
            Assert.That(pair.GetProperty("first").GetString(), Is.EqualTo("refusing"));
            Assert.That(pair.GetProperty("second").GetString(), Is.EqualTo("holding"));
            Assert.That(pair.GetProperty("differ").GetProperty("delay_release").GetInt64(), Is.EqualTo(2));
            Assert.That(pair.GetProperty("differ").GetProperty("notify_ice").GetInt64(), Is.Zero);
            Assert.That(pair.GetProperty("second_extra_hold_hours").GetDouble(), Is.EqualTo(96));
            Assert.That(pair.GetProperty("first_extra_hold_hours").GetDouble(), Is.Zero);
            Assert.That(summary.RootElement.GetProperty("records_with_errors").GetInt64(), Is.EqualTo(1));
        }
    }

    [Test]
    public void SummaryOverTheOutput_IsRefusedBeforeAnyWork()
    {
        var (exit, _, error) = Run("batch", "-p", "holding", "-i", "in.jsonl", "-o", "same.jsonl", "--summary", "same.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--summary `same.jsonl` is the --output file"));
            Assert.That(File.Exists(Path.Combine(_dir, "same.jsonl")), Is.False);
        }
    }

    [TestCase("in.jsonl", "bad-one")]
    [TestCase("in.csv", "bad-row")]
    public void RefusedRecord_KeepsItsId_AndTheExitCodeSaysSo(string input, string id)
    {
        var output = Path.ChangeExtension(input, ".refused.jsonl");
        var (exit, _, error) = Run("batch", "-p", "holding", "-i", input, "-o", output);
        var refused = File.ReadAllLines(Path.Combine(_dir, output)).Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.TryGetProperty("errors", out _));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused).And.Not.EqualTo(ExitCodes.InvalidInput), error);
            Assert.That(refused.GetProperty("id").GetString(), Is.EqualTo(id));
        }
    }
}
