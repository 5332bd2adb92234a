using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Agencies;

/// <summary>
/// <c>batch --agency</c> and <c>compare --agency</c> on the fixture catalog and roster (<see cref="AgencyFixture"/>):
/// each record decided by the layers in force on its own booking day, and agencies compared at a date.
/// </summary>
[TestFixture]
public class AgencyBatchCompareTests
{
    private string _rules = null!;

    [OneTimeSetUp]
    public void WriteFixtures()
    {
        _rules = AgencyFixture.Write();

        // Before and after the fixture WSO agreement (signed 2025-06-01), and Town's booking before its own policy begins (2024).
        File.WriteAllLines(Path.Combine(_rules, "bookings.jsonl"),
        [
            Booking("before", "2025-05-15"),
            Booking("after", "2025-07-01"),
            "{not json",
            Booking("old", "2023-06-01"),
        ]);
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_rules, recursive: true);

    private static string Booking(string id, string day) =>
        $$$"""{"id": "{{{id}}}", "booked_at": "{{{day}}}T09:30:00-06:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}}""";

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.RunIsolated(_rules, [.. args, "--rules", _rules]);

    private List<JsonElement> Output(string file) => [.. File.ReadAllLines(Path.Combine(_rules, file)).Select(l => JsonDocument.Parse(l).RootElement)];

    [Test]
    public void Batch_EachRecordGetsTheLayersInForceOnItsBookingDay()
    {
        var (exit, stdout, err) = Run("batch", "--agency", "Hold County SO", "--state", "UT", "--input", "bookings.jsonl", "--output", "ut-out.jsonl");
        var records = Output("ut-out.jsonl");
        JsonElement Answers(int i) => records[i].GetProperty("policies").GetProperty("ut-hold-county-sheriffs-office");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
            Assert.That(records, Has.Count.EqualTo(4), "every record in has one out, the unreadable one too");
            Assert.That(Answers(0).GetProperty("version").GetString(), Is.EqualTo("agency-ut-hold-county-sheriffs-office"), "before the agreement: no layer but the agency's own silence");
            Assert.That(Answers(0).GetProperty("delay_release").GetString(), Is.EqualTo("unknown"));
            Assert.That(Answers(1).GetProperty("version").GetString(), Is.EqualTo("agency-ut-hold-county-sheriffs-office+287g-wso"), "after it: the WSO model binds");
            Assert.That(Answers(1).GetProperty("delay_release").GetString(), Is.EqualTo("required"));
            Assert.That(records[2].GetProperty("errors")[0].GetString(), Does.StartWith("bookings.jsonl:3:"));
            Assert.That(stdout, Does.StartWith("4 records in, 4 written to ut-out.jsonl, 1 with errors"));
        }
    }

    [Test]
    public async Task Batch_AgencyToParquet_TheCsvsColumnsWithTheLayersOfEachRecordsDay()
    {
        var (exit, _, err) = Run("batch", "--agency", "Town Police Department", "-p", "wy-law", "--input", "bookings.jsonl", "--output", "town.parquet");
        var (csvExit, _, _) = Run("batch", "--agency", "Town Police Department", "-p", "wy-law", "--input", "bookings.jsonl", "--output", "town.csv");
        var table = await ParquetTable.Read(Path.Combine(_rules, "town.parquet"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
            Assert.That(csvExit, Is.EqualTo(exit));
            Assert.That(string.Join(",", table.Names), Is.EqualTo(File.ReadLines(Path.Combine(_rules, "town.csv")).First()), "the agency's id labels its columns, as in the CSV");
            Assert.That(table.Column("wy-town-police-department:version").ElementAt(0), Is.EqualTo("wy-town-2024+wy-law"));
            Assert.That(table.Column("wy-town-police-department:version").ElementAt(2), Is.Null, "the unreadable record has no answers");
            Assert.That(table.Column("wy-town-police-department:version").ElementAt(3), Is.EqualTo("agency-wy-town-police-department+wy-law"));
            Assert.That(table.Column("wy-town-police-department:ask_immigration_status").ElementAt(0), Is.EqualTo("forbidden"));
        }
    }

    [Test]
    public void Batch_AgencyAndPolicyTogether_RecordBeforeTheAgencysOwnPolicy_DecidedByTheOtherLayers()
    {
        var (exit, _, err) = Run("batch", "--agency", "Town Police Department", "-p", "wy-law", "--input", "bookings.jsonl", "--output", "town-out.jsonl");
        var records = Output("town-out.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
            Assert.That(records.Select(r => r.GetProperty("id").ValueKind == JsonValueKind.String ? r.GetProperty("id").GetString() : null), Is.EqualTo(new[] { "before", "after", null, "old" }));
            Assert.That(records[0].GetProperty("policies").GetProperty("wy-town-police-department").GetProperty("version").GetString(), Is.EqualTo("wy-town-2024+wy-law"));
            Assert.That(records[0].GetProperty("policies").GetProperty("wy-town-police-department").GetProperty("ask_immigration_status").GetString(), Is.EqualTo("forbidden"));
            Assert.That(records[0].GetProperty("policies").GetProperty("wy-law").GetProperty("ask_immigration_status").GetString(), Is.EqualTo("permitted"));
            // No version of the town's own policy was in force: its own answers are unknown, and the state's law still binds.
            Assert.That(records[3].GetProperty("policies").GetProperty("wy-town-police-department").GetProperty("version").GetString(), Is.EqualTo("agency-wy-town-police-department+wy-law"));
            Assert.That(records[3].GetProperty("policies").GetProperty("wy-town-police-department").GetProperty("delay_release").GetString(), Is.EqualTo("forbidden"));
            Assert.That(records[3].GetProperty("policies").GetProperty("wy-town-police-department").GetProperty("ask_immigration_status").GetString(), Is.EqualTo("permitted"));
        }
    }

    [Test]
    public void Batch_AmbiguousAgency_Exit2_UnknownAgency_Exit1_AsEvaluateAgency()
    {
        var (ambiguous, _, ambiguousErr) = Run("batch", "--agency", "Hold County Sheriff", "--input", "bookings.jsonl", "--output", "amb-out.jsonl");
        var (unknown, _, unknownErr) = Run("batch", "--agency", "Nowhere Police Department", "--input", "bookings.jsonl", "--output", "unk-out.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ambiguous, Is.EqualTo(ExitCodes.Usage));
            Assert.That(ambiguousErr, Does.Contain("names 2 agencies").And.Contain("ut-hold-county-sheriffs-office").And.Contain("wy-hold-county-sheriffs-office"));
            Assert.That(unknown, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(unknownErr, Does.Contain("no agency `Nowhere Police Department` in the roster"));
            Assert.That(File.Exists(Path.Combine(_rules, "amb-out.jsonl")) || File.Exists(Path.Combine(_rules, "unk-out.jsonl")), Is.False, "nothing is written for a name that does not resolve");
        }
    }

    [Test]
    public void Batch_NeitherPolicyNorAgency_IsAUsageError()
    {
        var (exit, _, err) = Run("batch", "--input", "bookings.jsonl", "--output", "none-out.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.EqualTo(ExitCodes.Success));
            Assert.That(err, Does.Contain("name a --policy or an --agency"));
        }
    }

    [Test]
    public void Compare_AgencyAgainstTheModelItSigned_AgreesOnceInForce_DiffersBefore()
    {
        var (after, _, afterErr) = Run("compare", "287g-wso", "--agency", "ut-hold-county-sheriffs-office", "--at", "2025-07-01", "--space", "--decision", "delay_release");
        var (before, beforeOut, beforeErr) = Run("compare", "287g-wso", "--agency", "ut-hold-county-sheriffs-office", "--at", "2025-05-15", "--space", "--decision", "delay_release");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.EqualTo(ExitCodes.Success), afterErr);
            Assert.That(afterErr, Does.Contain("ut-hold-county-sheriffs-office: 287(g): wso signed 2025-06-01, in force on 2025-07-01: 287g-wso"));
            Assert.That(before, Is.EqualTo(ExitCodes.PoliciesDiffer), beforeErr);
            Assert.That(beforeOut, Does.Contain("ut-hold-county-sheriffs-office"));
        }
    }

    [Test]
    public void Compare_TwoAgencies_TheStateLawThatForbidsHolds_SplitsThem()
    {
        var (exit, stdout, err) = Run("compare", "--agency", "ut-hold-county-sheriffs-office", "--agency", "wy-plain-county-sheriffs-office", "--at", "2025-07-01", "--space", "--decision", "delay_release", "--format", "json");
        var regions = JsonDocument.Parse(stdout).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), err);
            Assert.That(stdout, Does.Contain("\"ut-hold-county-sheriffs-office\"").And.Contain("\"wy-plain-county-sheriffs-office\""));
            Assert.That(stdout, Does.Contain("\"forbidden\"").And.Contain("\"required\""), "Wyoming's law forbids the hold Utah's WSO agreement requires");
            Assert.That(regions.ValueKind, Is.EqualTo(JsonValueKind.Object));
        }
    }

    [Test]
    public void Compare_AgencyWithoutAt_IsRefused()
    {
        var (exit, _, err) = Run("compare", "287g-wso", "--agency", "ut-hold-county-sheriffs-office", "--space");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.EqualTo(ExitCodes.Success));
            Assert.That(err, Does.Contain("compare --agency: give --at YYYY-MM-DD"));
        }
    }
}
