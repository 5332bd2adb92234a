using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// <c>compare --timezone ZONE</c>: every compared policy that names no zone (<c>time_zone: local</c>) is
/// judged where the bookings are, as <c>evaluate --timezone</c> judges it (<c>TimezoneOptionTests</c>).
/// On fixture policies written for the test: <see cref="TwoZoneFixture.LocalLookBack"/>, a <c>local</c>
/// policy whose look-back flips between Los Angeles and Tokyo for <see cref="TwoZoneFixture.AfterDark"/>
/// (the fixture the web tests share), and a policy that names its own zone and decides nothing.
/// </summary>
[TestFixture]
public class TimezoneCompareTests
{
    /// <summary>Decides nothing, in its own zone: <c>--timezone</c> leaves it be.</summary>
    public static readonly string ZonedSilent = PolicyTemplate.Yaml("zoned-silent", "Zoned, silent", "  []", "time_zone: America/New_York");

    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-tz-compare-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        File.WriteAllText(Path.Combine(_dir, "rules", "local-lookback.yaml"), TwoZoneFixture.LocalLookBack);
        File.WriteAllText(Path.Combine(_dir, "rules", "zoned-silent.yaml"), ZonedSilent);
        File.WriteAllText(Path.Combine(_dir, "after-dark.yaml"), TwoZoneFixture.AfterDark);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.RunIsolated(_dir, [.. args, "--rules", "rules"]);

    [Test]
    public void Scenarios_LookBackInTwoZones_DifferOnlyWhereTheBookingDayIsWithinTheLookBack()
    {
        var losAngeles = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--format", "json", "--timezone", "America/Los_Angeles");
        var tokyo = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--format", "json", "--timezone", "Asia/Tokyo");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(losAngeles.Exit, Is.EqualTo(ExitCodes.PoliciesDiffer), losAngeles.Err + losAngeles.Out);
            Assert.That(Differing(losAngeles.Out, "notify_ice"), Is.EqualTo(1), "28 February in Los Angeles: within five years, notice required against the silent policy's unknown");
            Assert.That(tokyo.Exit, Is.EqualTo(ExitCodes.Success), tokyo.Err + tokyo.Out);
            Assert.That(Differing(tokyo.Out, "notify_ice"), Is.Zero, "1 March in Tokyo: past five years, both unknown");
        }
    }

    [Test]
    public void Scenarios_AnswersAreEvaluatesWithTheSameZone()
    {
        foreach (var zone in new[] { "America/Los_Angeles", "Asia/Tokyo" })
        {
            var compared = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--format", "json", "--timezone", zone);
            var evaluated = Run("evaluate", "-p", "local-lookback", "--format", "json", "--timezone", zone, "after-dark.yaml");
            var notify = JsonDocument.Parse(evaluated.Out).RootElement.GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString();
            Assert.That(Differing(compared.Out, "notify_ice") == 1, Is.EqualTo(notify == "required"), $"{zone}: evaluate says {notify}");
        }
    }

    [Test]
    public void Scenarios_WithoutTimezone_JudgedOnTheWrittenDayAsBefore()
    {
        // Written in UTC: 1 March, past five years, so the policies agree, as compare judged a `local` policy before it took --timezone.
        var asWritten = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--format", "json");
        var inUtc = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--format", "json", "--timezone", "Etc/UTC");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asWritten.Exit, Is.EqualTo(ExitCodes.Success), asWritten.Err + asWritten.Out);
            Assert.That(Differing(asWritten.Out, "notify_ice"), Is.Zero);
            Assert.That(inUtc.Out, Is.EqualTo(asWritten.Out), "a scenario written in UTC, judged in UTC: the same report, byte for byte");
        }
    }

    [TestCase("text")]
    [TestCase("json")]
    public void Space_PoliciesNamingTheirOwnZones_ByteForByteWithOrWithoutTimezone(string format)
    {
        File.WriteAllText(Path.Combine(_dir, "rules", "zoned-lookback.yaml"), TwoZoneFixture.LocalLookBack.Replace("local-lookback", "zoned-lookback", StringComparison.Ordinal).Replace("time_zone: local", "time_zone: America/Chicago", StringComparison.Ordinal));
        var without = Run("compare", "zoned-lookback", "zoned-silent", "--space", "--format", format);
        var with = Run("compare", "zoned-lookback", "zoned-silent", "--space", "--format", format, "--timezone", "Asia/Tokyo");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(without.Exit, Is.EqualTo(ExitCodes.PoliciesDiffer), without.Err);
            Assert.That(with.Out, Is.EqualTo(without.Out));
        }
    }

    [Test]
    public void Space_ExamplesWithTimezone_AreAnsweredAsTheComparisonSaysInThatZoneOnly()
    {
        // The space is booked at noon UTC on 12 March 2025: that day in Tokyo, 13 March in Kiritimati (UTC+14).
        // Each zone's example of the region where the look-back holds is a conviction five years before its own day.
        var tokyo = Example("Asia/Tokyo");
        var kiritimati = Example("Pacific/Kiritimati");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Notify(tokyo, "Asia/Tokyo"), Is.EqualTo("required"), "as the comparison placed in Tokyo says");
            Assert.That(Notify(kiritimati, "Pacific/Kiritimati"), Is.EqualTo("required"), "as the comparison placed in Kiritimati says");
            Assert.That(Notify(tokyo, "Pacific/Kiritimati"), Is.EqualTo("unknown"), "Tokyo's example is a day too old for the Kiritimati day: the space was computed in the zone");
        }
    }

    [Test]
    public void BadZone_TheUsageErrorOfEvaluate()
    {
        var compared = Run("compare", "local-lookback", "zoned-silent", "--scenarios", "after-dark.yaml", "--timezone", "Pacific/Atlantis");
        var evaluated = Run("evaluate", "-p", "local-lookback", "after-dark.yaml", "--timezone", "Pacific/Atlantis");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(compared.Exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(evaluated.Exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(compared.Err, Does.Contain("--timezone `Pacific/Atlantis` is not an IANA time zone"));
            Assert.That(Line(compared.Err, "--timezone"), Is.EqualTo(Line(evaluated.Err, "--timezone")));
        }
    }

    /// <summary>The one example <c>compare --space --emit-examples</c> writes for the region where the fixtures' notices differ, the bookings placed in <paramref name="zone"/>.</summary>
    private string Example(string zone)
    {
        var folder = Path.Combine(_dir, "examples-" + Guid.NewGuid().ToString("N"));
        var compared = Run("compare", "local-lookback", "zoned-silent", "--space", "--decision", "notify_ice", "--emit-examples", folder, "--timezone", zone);
        Assert.That(compared.Exit, Is.EqualTo(ExitCodes.PoliciesDiffer), compared.Err + compared.Out);
        return Directory.GetFiles(folder).Single();
    }

    /// <summary>What <c>evaluate --timezone</c> answers for notice under the look-back.</summary>
    private string? Notify(string scenario, string zone)
    {
        var evaluated = Run("evaluate", "-p", "local-lookback", "--format", "json", "--timezone", zone, scenario);
        return JsonDocument.Parse(evaluated.Out).RootElement.GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString();
    }

    /// <summary>How many compared cases the policies answer differently for one decision, from <c>compare --format json</c>.</summary>
    private static long Differing(string json, string decision) =>
        JsonDocument.Parse(json).RootElement.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("subject").GetString() == decision).GetProperty("differing").GetInt64();

    private static string Line(string text, string containing) => text.Split('\n').First(l => l.Contains(containing, StringComparison.Ordinal)).Trim();
}
