using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Time;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// An expectation file's <c>timezone</c> (top level, or a case's own) places a policy that names no
/// zone where the bookings are, as <c>--timezone</c> does, so <c>detainer test</c> can pin a
/// <c>local</c> policy's answers for a zone. The fixture's look-back answers differently for one
/// booking in Los Angeles and in Tokyo (<see cref="TwoZoneFixture"/>, shared with the web tests).
/// </summary>
[TestFixture]
public class TimezoneExpectationTests
{
    private string _dir = null!;

    [SetUp]
    public void WriteRules()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-tz-test-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        File.WriteAllText(Path.Combine(_dir, "rules", "local-lookback.yaml"), TwoZoneFixture.LocalLookBack);
    }

    [TearDown]
    public void RemoveRules() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.RunIsolated(_dir, [.. args, "--rules", "rules"]);

    /// <summary>An expectation file of one case, the fixture booking written out, expecting <paramref name="notify"/>; <paramref name="top"/> and <paramref name="inCase"/> are spliced in at the top and in the case.</summary>
    private string Expectations(string name, string notify, string top = "", string inCase = "")
    {
        File.WriteAllText(Path.Combine(_dir, name), $"""
            policy: local-lookback
            {top}
            cases:
              - name: after-dark
                {inCase}
                because: the conviction is five years before the Los Angeles day, a day more before the Tokyo one
                expect: {"{"} notify_ice: {notify} {"}"}
                scenario:
            {TwoZoneFixture.CaseScenario()}
            """);
        return name;
    }

    [Test]
    public void FileZone_PassesWhereTheAnswerDependsOnIt_AndFailsWithTheWrongZone()
    {
        var right = Run("test", Expectations("la.yaml", "required", top: "timezone: America/Los_Angeles"));
        var wrong = Run("test", Expectations("tokyo.yaml", "required", top: "timezone: Asia/Tokyo"));
        var tokyo = Run("test", Expectations("tokyo-unknown.yaml", "unknown", top: "timezone: Asia/Tokyo"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(right.Exit, Is.EqualTo(ExitCodes.Success), right.Out + right.Err);
            Assert.That(wrong.Exit, Is.EqualTo(ExitCodes.InvalidInput), wrong.Out);
            Assert.That(wrong.Out, Does.Match(@"notify_ice\s+required\s+unknown"));
            Assert.That(tokyo.Exit, Is.EqualTo(ExitCodes.Success), tokyo.Out + tokyo.Err);
        }
    }

    [Test]
    public void NoZone_TheWrittenOffsetsDayAsBefore_OrTheCommandLinesZone()
    {
        Expectations("plain.yaml", "required");
        var asWritten = Run("test", "plain.yaml");
        var placed = Run("test", "plain.yaml", "--timezone", "America/Los_Angeles");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asWritten.Exit, Is.EqualTo(ExitCodes.InvalidInput), "written in UTC: 1 March, past the look-back");
            Assert.That(placed.Exit, Is.EqualTo(ExitCodes.Success), placed.Out + placed.Err);
        }
    }

    [Test]
    public void FileZone_WinsOverTheCommandLine_AndACasesOverTheFiles()
    {
        var fileWins = Run("test", Expectations("file.yaml", "unknown", top: "timezone: Asia/Tokyo"), "--timezone", "America/Los_Angeles");
        var caseWins = Run("test", Expectations("case.yaml", "required", top: "timezone: Asia/Tokyo", inCase: "timezone: America/Los_Angeles"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fileWins.Exit, Is.EqualTo(ExitCodes.Success), fileWins.Out + fileWins.Err);
            Assert.That(caseWins.Exit, Is.EqualTo(ExitCodes.Success), caseWins.Out + caseWins.Err);
        }
    }

    [Test]
    public void OneFile_TheSameBookingPinnedInTwoZones()
    {
        // The case-level key alone (ZoneFixtures, in the web tests, writes the file-level one).
        File.WriteAllText(Path.Combine(_dir, "both.yaml"), TwoZoneFixture.CaseZoneExpectations);

        var run = Run("test", "both.yaml", "--format", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Exit, Is.EqualTo(ExitCodes.Success), run.Out + run.Err);
            Assert.That(JsonDocument.Parse(run.Out).RootElement.GetProperty("passed").GetInt32(), Is.EqualTo(2));
        }
    }

    [TestCase("Pacific/Atlantis")]
    [TestCase("local")]
    public void UnknownZone_PositionedDiagnosticNamingTheField(string zone)
    {
        var run = Run("test", Expectations("bad.yaml", "required", top: $"timezone: {zone}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Err, Does.Contain($"bad.yaml:2:11: error {DiagnosticCodes.Field.Id}: timezone: `{zone}` is not an IANA time zone"));
        }
    }

    [Test]
    public void Loader_CaseZoneInheritsTheFiles_AndAnUnknownCaseZoneIsPositioned()
    {
        var loaded = ExpectationLoader.Load("""
            policy: p
            timezone: Asia/Tokyo
            cases:
              - scenario: a
                because: b
                expect: { notify_ice: unknown }
              - scenario: c
                timezone: America/Chicago
                because: b
                expect: { notify_ice: unknown }
            """, "zones.yaml");
        var problem = Assert.Throws<InvalidInputException>(() => ExpectationLoader.Load("""
            cases:
              - scenario: a
                policy: p
                timezone: America/Chicgo
                because: b
                expect: { notify_ice: unknown }
            """, "bad.yaml"))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Cases.Select(c => c.Bookings), Is.EqualTo(new[] { JurisdictionTime.Find("Asia/Tokyo"), JurisdictionTime.Find("America/Chicago") }));
            Assert.That((problem.Span.File, problem.Span.Line, problem.Span.Column), Is.EqualTo(("bad.yaml", 4, 15)));
            Assert.That(problem.Field, Is.EqualTo("cases[0].timezone"));
            Assert.That(problem.Code, Is.EqualTo(DiagnosticCodes.Field));
            Assert.That(problem.Message, Does.Contain("did you mean `America/Chicago`"));
        }
    }
}
