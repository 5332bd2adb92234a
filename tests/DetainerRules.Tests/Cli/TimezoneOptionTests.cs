using System.Globalization;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// <c>--timezone ZONE</c> says where the bookings are: for a policy that names no zone of its own
/// (<c>time_zone: local</c>: the federal request, the 287(g) models) it is the jurisdiction's zone,
/// so one instant written in any offset gets one version and one answer (README, *Time*). Without
/// it, such a policy judges the written offset's day (<c>Engine/LocalTimeZoneTests.cs</c>).
/// </summary>
[TestFixture]
public class TimezoneOptionTests
{
    // 19:30 on 1 April 2017 in Los Angeles: the day before the I-247A replaced the PEP forms, but 2 April in UTC and Tokyo.
    private static readonly DateTimeOffset RequestBoundary = new(2017, 4, 2, 2, 30, 0, TimeSpan.Zero);

    // 21:00 on 13 February 2025 in Los Angeles: the day before the revised WSO form, but 14 February in UTC and Tokyo.
    private static readonly DateTimeOffset WsoBoundary = new(2025, 2, 14, 5, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(-7), TimeSpan.Zero, TimeSpan.FromHours(9)];

    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-timezone-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [TestCase("delegates")]
    [TestCase("nrules")]
    public void Batch_RequestBoundaryWrittenInThreeOffsetsWithTimezone_IdenticalAnswersOfThePepVersion(string engine)
    {
        var answers = Batch(RequestBoundary, engine, ["-p", "ice-detainer-request", "-p", "nyc", "--timezone", "America/Los_Angeles"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Distinct().Count(), Is.EqualTo(1), "one instant, one answer:\n" + string.Join("\n", answers));
            Assert.That(Version(answers[1], "ice-detainer-request"), Is.EqualTo("ice-detainer-request-pep"), "1 April in Los Angeles, even written in UTC");
        }
    }

    [TestCase("delegates")]
    [TestCase("nrules")]
    public void Batch_WsoBoundaryWrittenInThreeOffsets_TwoVersionsWithoutTimezoneOneWithIt(string engine)
    {
        var asWritten = Batch(WsoBoundary, engine, ["-p", "287g-wso"]);
        var inLosAngeles = Batch(WsoBoundary, engine, ["-p", "287g-wso", "--timezone", "America/Los_Angeles"]);
        var inTokyo = Batch(WsoBoundary, engine, ["-p", "287g-wso", "--timezone", "Asia/Tokyo"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asWritten.Select(a => Version(a, "287g-wso")), Is.EqualTo(new[] { "287g-wso-2019", "287g-wso", "287g-wso" }), "without --timezone: the written offset's day");
            Assert.That(inLosAngeles.Distinct().Count(), Is.EqualTo(1), string.Join("\n", inLosAngeles));
            Assert.That(Version(inLosAngeles[0], "287g-wso"), Is.EqualTo("287g-wso-2019"), "13 February in Los Angeles");
            Assert.That(inTokyo.Distinct().Count(), Is.EqualTo(1), string.Join("\n", inTokyo));
            Assert.That(Version(inTokyo[0], "287g-wso"), Is.EqualTo("287g-wso"), "14 February in Tokyo");
        }
    }

    [Test]
    public void Batch_ZonedPolicy_UnaffectedByTimezone()
    {
        var without = Batch(RequestBoundary, "delegates", ["-p", "nyc"]);
        var withLosAngeles = Batch(RequestBoundary, "delegates", ["-p", "nyc", "--timezone", "America/Los_Angeles"]);
        var withTokyo = Batch(RequestBoundary, "delegates", ["-p", "nyc", "--timezone", "Asia/Tokyo"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withLosAngeles, Is.EqualTo(without), "nyc names America/New_York");
            Assert.That(withTokyo, Is.EqualTo(without));
            Assert.That(without.Distinct().Count(), Is.EqualTo(1), "and judges one day in any offset");
        }
    }

    [Test]
    public void Evaluate_RequestBoundaryWrittenInThreeOffsetsWithTimezone_ByteIdenticalJson()
    {
        string Json(TimeSpan offset, params string[] extra)
        {
            var file = Path.Combine(_dir, $"at{offset.TotalHours.ToString(CultureInfo.InvariantCulture)}.json");
            File.WriteAllText(file, Line(RequestBoundary, offset));
            var (exit, output, error) = CliRun.Run(_dir, catalog: true, ["evaluate", "-p", "ice-detainer-request", "--format", "json", .. extra, file]);
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            return output;
        }

        var zoned = Offsets.Select(o => Json(o, "--timezone", "America/Los_Angeles")).ToList();
        var asWritten = Offsets.Select(o => Json(o)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zoned.Distinct().Count(), Is.EqualTo(1), "one instant, one report, byte for byte");
            Assert.That(JsonDocument.Parse(zoned[0]).RootElement.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo("ice-detainer-request-pep"));
            Assert.That(JsonDocument.Parse(zoned[0]).RootElement.GetProperty("policy").GetProperty("time_zone").GetString(), Is.EqualTo("America/Los_Angeles"), "the zone the days were judged in");
            Assert.That(asWritten.Select(j => JsonDocument.Parse(j).RootElement.GetProperty("policy").GetProperty("id").GetString()), Is.EqualTo(new[] { "ice-detainer-request-pep", "ice-detainer-request", "ice-detainer-request" }), "without --timezone: the written offset's day");
        }
    }

    [Test]
    public void EvaluateTable_RequestBoundaryWrittenInThreeOffsetsWithTimezone_SameColumns()
    {
        string Policies(TimeSpan offset)
        {
            var file = Path.Combine(_dir, $"table{offset.TotalHours.ToString(CultureInfo.InvariantCulture)}.json");
            File.WriteAllText(file, Line(RequestBoundary, offset));
            var (exit, output, error) = CliRun.Run(_dir, catalog: true, "evaluate", "-p", "ice-detainer-request", "-p", "nyc", "--format", "json", "--timezone", "America/Los_Angeles", file);
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            var root = JsonDocument.Parse(output).RootElement;
            return (root.ValueKind == JsonValueKind.Array ? root[0] : root).GetProperty("policies").GetRawText();
        }

        var columns = Offsets.Select(Policies).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns.Distinct().Count(), Is.EqualTo(1), "the same columns whatever the offset (booked_at, echoed as written, aside):\n" + string.Join("\n", columns));
            Assert.That(columns[0], Does.Contain("\"policy\":\"ice-detainer-request-pep\"").Or.Contain("\"policy\": \"ice-detainer-request-pep\""));
        }
    }

    [TestCase("batch")]
    [TestCase("evaluate")]
    public void BadZone_UsageErrorNamingTheValue(string command)
    {
        File.WriteAllText(Path.Combine(_dir, "one.json"), Line(RequestBoundary, TimeSpan.Zero));
        File.WriteAllText(Path.Combine(_dir, "one.jsonl"), Line(RequestBoundary, TimeSpan.Zero) + "\n");
        string[] args = command == "batch"
            ? ["batch", "-p", "ice-detainer-request", "--input", "one.jsonl", "--output", "out.jsonl", "--timezone", "Pacific/Atlantis"]
            : ["evaluate", "-p", "ice-detainer-request", "one.json", "--timezone", "Pacific/Atlantis"];

        var (exit, _, error) = CliRun.Run(_dir, catalog: true, args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--timezone `Pacific/Atlantis` is not an IANA time zone"));
            Assert.That(File.Exists(Path.Combine(_dir, "out.jsonl")), Is.False);
        }
    }

    [Test]
    public void EvaluateAgency_WithTimezone_UsageErrorSayingTheAgencysZoneRules()
    {
        File.WriteAllText(Path.Combine(_dir, "one.json"), Line(RequestBoundary, TimeSpan.Zero));

        var (exit, _, error) = CliRun.Run(_dir, catalog: true, "evaluate", "--agency", "LVMPD", "--timezone", "America/Los_Angeles", "one.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("judged in the agency's own zone").And.Contain("--timezone"));
        }
    }

    /// <summary>The <c>policies</c> of each output record, in input order: one record per offset in <see cref="Offsets"/>, all the same instants.</summary>
    private List<string> Batch(DateTimeOffset bookedAt, string engine, string[] options)
    {
        var input = Path.Combine(_dir, "same.jsonl");
        File.WriteAllLines(input, Offsets.Select(o => Line(bookedAt, o)));
        var output = Path.Combine(_dir, $"out-{Guid.NewGuid():N}.jsonl");
        var (exit, _, error) = CliRun.Run(_dir, catalog: true, ["batch", "--input", input, "--output", output, "--engine", engine, .. options]);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        return [.. File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("policies").GetRawText())];
    }

    private static string Version(string policies, string label) => JsonDocument.Parse(policies).RootElement.GetProperty(label).GetProperty("version").GetString()!;

    /// <summary>One booking, every time in it written at <paramref name="offset"/>; released two hours after booking, so a hold has an end to compare.</summary>
    private static string Line(DateTimeOffset bookedAt, TimeSpan offset) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = "same-booking",
        ["booked_at"] = Time(bookedAt, offset),
        ["person"] = new { foreign_born = true, citizenship = "noncitizen" },
        ["charges"] = new[] { new { offense = "robbery", level = "felony", category = "robbery" } },
        ["detainer"] = new { form = "I-247A", warrant = "administrative", received_at = Time(bookedAt.AddMinutes(30), offset) },
        ["custody"] = new { release_eligible_at = Time(bookedAt.AddHours(2), offset) },
        ["ice"] = new { present_at_release = false },
    });

    private static string Time(DateTimeOffset instant, TimeSpan offset) =>
        instant.ToOffset(offset).ToString(offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
