using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// <c>batch --timezone</c> and hold ends across the 2025 daylight-saving changes: times written
/// without an offset are read in the named zone, a hold lasts its real hours, and its end is shown
/// at the wall-clock time of the policy's own zone.
/// </summary>
[TestFixture]
public class BatchTimesTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-times-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        foreach (var (id, zone) in new[] { ("hold-la", "America/Los_Angeles"), ("hold-ny", "America/New_York") })
        {
            File.WriteAllText(Path.Combine(_dir, "rules", id + ".yaml"), TestPolicies.Yaml("""
                  - id: hold
                    when: detainer.warrant = administrative
                    then:
                      delay_release: { value: required, limit: clock48 }
                    because: b
                    cite: src
                """, $"time_zone: {zone}").Replace("id: test-policy", "id: " + id, StringComparison.Ordinal));
        }

        // Written as a Los Angeles jail's spreadsheet would: local wall-clock times, no offsets.
        File.WriteAllText(Path.Combine(_dir, "bookings.csv"), """
            ID,Booked_At,Charges,Detainer_Form,Detainer_Warrant,Release_Eligible_At
            spring,3/7/2025 9:00,Felony|Burglary,I-247A,Administrative,3/7/2025 18:00
            autumn,2025-11-01 09:00,felony|burglary,I-247A,administrative,2025-11-01 20:00
            skipped,2025-03-09 02:30,felony|burglary,I-247A,administrative,
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private List<JsonElement> Batch(params string[] extra)
    {
        var (exit, _, error) = CliRun.Run(_dir, catalog: false, ["batch", "-p", "hold-la", "-p", "hold-ny", "--rules", "rules", "--input", "bookings.csv", "--output", "out.jsonl", .. extra]);
        Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), error);
        return [.. File.ReadAllLines(Path.Combine(_dir, "out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static string? HoldUntil(JsonElement record, string policy) =>
        record.GetProperty("policies").GetProperty(policy).GetProperty("hold_until").GetString();

    [Test]
    public void Batch_HoldsAcrossBothChanges_RealHoursShownInEachPolicysWallClock()
    {
        var records = Batch("--timezone", "America/Los_Angeles");

        using (Assert.EnterMultipleScope())
        {
            // 18:00 PST on Friday 7 March; 48 real hours later the clocks have gone forward in both zones.
            Assert.That(HoldUntil(records[0], "hold-la"), Is.EqualTo("2025-03-09T19:00:00-07:00"));
            Assert.That(HoldUntil(records[0], "hold-ny"), Is.EqualTo("2025-03-09T22:00:00-04:00"));

            // 20:00 PDT on Saturday 1 November; 48 real hours later the clocks have gone back.
            Assert.That(HoldUntil(records[1], "hold-la"), Is.EqualTo("2025-11-03T19:00:00-08:00"));
            Assert.That(HoldUntil(records[1], "hold-ny"), Is.EqualTo("2025-11-03T22:00:00-05:00"));

            Assert.That(records[2].GetProperty("id").GetString(), Is.EqualTo("skipped"));
            Assert.That(records[2].GetProperty("errors")[0].GetString(), Does.Contain("bookings.csv:4:9").And.Contain("does not exist in America/Los_Angeles"));
        }
    }

    [Test]
    public void Batch_SameBookingsReadInNewYork_SameWallClockTimesAreOtherInstants()
    {
        var records = Batch("--timezone", "America/New_York");

        // 18:00 EST on 7 March is 15:00 in Los Angeles; the 02:30 that does not exist in Los Angeles does not exist in New York either.
        Assert.That((HoldUntil(records[0], "hold-la"), HoldUntil(records[0], "hold-ny")), Is.EqualTo(("2025-03-09T16:00:00-07:00", "2025-03-09T19:00:00-04:00")));
    }

    [TestCase("--timezone", "America/Las_Vegas", "not an IANA time zone")]
    [TestCase("--timezone", "local", "not an IANA time zone")]
    [TestCase("--map", "missing.yaml", "missing.yaml")]
    public void Batch_BadZoneOrMissingMap_RefusedBeforeAnyWork(string option, string value, string message)
    {
        var (exit, _, error) = CliRun.Run(_dir, catalog: false, "batch", "-p", "hold-la", "--rules", "rules", "--input", "bookings.csv", "--output", "never.jsonl", option, value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.EqualTo(ExitCodes.Success).And.Not.EqualTo(ExitCodes.RecordsRefused));
            Assert.That(error, Does.Contain(message));
            Assert.That(File.Exists(Path.Combine(_dir, "never.jsonl")), Is.False);
        }
    }

    /// <summary><c>--timezone</c> also says where the bookings are (<c>Cli/TimezoneOptionTests.cs</c>), so JSON lines take it; <c>--map</c> is about CSV alone.</summary>
    [Test]
    public void Batch_TimezoneWithJsonLinesTakenButMapRefusedAsAUsageError()
    {
        File.WriteAllText(Path.Combine(_dir, "one.jsonl"), """{"booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "theft"}]}""" + "\n");
        var taken = CliRun.Run(_dir, catalog: false, "batch", "-p", "hold-la", "--rules", "rules", "--input", "one.jsonl", "--output", "one-out.jsonl", "--timezone", "America/Los_Angeles");
        var refused = CliRun.Run(_dir, catalog: false, "batch", "-p", "hold-la", "--rules", "rules", "--input", "one.jsonl", "--output", "map-out.jsonl", "--map", "map.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken.Exit, Is.EqualTo(ExitCodes.Success), taken.Err);
            Assert.That(refused.Exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(refused.Err, Does.Contain("--map reads a .csv input"));
        }
    }
}
