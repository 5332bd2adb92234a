using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>Forms of input that were silently misread or wrongly refused: YAML tags, years out of range, and the forms of a date and time YAML and ISO 8601 allow.</summary>
[TestFixture]
public class InputFormTests
{
    private static string Scenario(string bookedAt) => $"""
        booked_at: {bookedAt}
        charges: [ {"{"} offense: x, level: felony, category: robbery {"}"} ]
        """;

    private static IReadOnlyList<Diagnostic> ScenarioErrors(string yaml) =>
        Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(yaml, "case.yaml", "case"))!.Diagnostics;

    [TestCase("person: { foreign_born: !!str true }", 3, 25)]
    [TestCase("person: { foreign_born: !<tag:yaml.org,2002:bool> true }", 3, 25)]
    [TestCase("person: !custom { foreign_born: true }", 3, 9)]
    [TestCase("person: { foreign_born: ! true }", 3, 25)]
    public void Load_YamlTag_IsRefusedLikeAnAnchor(string line, int lineNumber, int column)
    {
        var error = ScenarioErrors(Scenario("2025-01-17T09:30:00-08:00") + "\n" + line + "\n").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Syntax));
            Assert.That((error.Span.Line, error.Span.Column), Is.EqualTo(((long)lineNumber, (long)column)));
            Assert.That(error.Message, Does.Contain("tags (`!!str`, `!name`) are not supported"));
        }
    }

    [Test]
    public void Load_TagInAPolicy_IsRefused()
    {
        var error = Assert.Throws<InvalidInputException>(() => TestPolicies.Load("  []", "summary: !!binary aGVsbG8=")).Diagnostics.Single();

        Assert.That(error.Message, Does.Contain("tags"));
    }

    [TestCase("2024-03-05 10:00:00-08:00", 2024, 3, 5, 10, 0, 0, 0L, -8 * 60)]
    [TestCase("2024-03-05T10:00:00-08", 2024, 3, 5, 10, 0, 0, 0L, -8 * 60)]
    [TestCase("2024-03-05T10:00:00-0800", 2024, 3, 5, 10, 0, 0, 0L, -8 * 60)]
    [TestCase("2024-03-05T10:00:00.123456789-08:00", 2024, 3, 5, 10, 0, 0, 1_234_567L, -8 * 60)]
    [TestCase("2024-03-05t10:00:00.5z", 2024, 3, 5, 10, 0, 0, 5_000_000L, 0)]
    [TestCase("2024-03-05 10:00:00 +05:30", 2024, 3, 5, 10, 0, 0, 0L, 330)]
    [TestCase("2024-03-05T10:00-08:00", 2024, 3, 5, 10, 0, 0, 0L, -8 * 60)]
    [TestCase("2024-3-5T9:07:08Z", 2024, 3, 5, 9, 7, 8, 0L, 0)]
    public void Load_TimestampInAFormYamlOrIsoAllows_IsRead(string text, int year, int month, int day, int hour, int minute, int second, long ticks, int offsetMinutes)
    {
        var scenario = ScenarioLoader.Load(Scenario(text), "case.yaml", "case");

        var expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks);
        Assert.That((scenario.BookedAt, scenario.BookedAt.Offset), Is.EqualTo((expected, expected.Offset)));
    }

    [TestCase("2024-03-05T10:00:00", "has no UTC offset")]
    [TestCase("2024-03-05 10:00", "has no UTC offset")]
    [TestCase("2024-03-05", "is a date without a time")]
    [TestCase("2024-02-30T10:00:00-08:00", "has no such day: 2024-02-30")]
    [TestCase("2024-13-01T10:00:00-08:00", "has no such day: 2024-13-01")]
    [TestCase("2024-03-05T24:00:00-08:00", "has no such time of day: 24:00:00")]
    [TestCase("2024-03-05T10:00:00-15:00", "has an offset out of range (-15:00)")]
    [TestCase("2024-03-05T10:00:00-08:75", "has an offset out of range (-08:75)")]
    [TestCase("1850-03-05T10:00:00-08:00", "is out of range: years 1900 to 2200 are accepted")]
    [TestCase("yesterday at noon", "is not a valid date and time: expected ISO 8601 with a UTC offset")]
    public void Load_TimestampWithAProblem_SaysWhatIsWrong(string text, string message)
    {
        var error = ScenarioErrors(Scenario(text)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Field, Is.EqualTo("booked_at"));
            Assert.That(error.Message, Is.EqualTo($"`{text}` {message}").Or.StartsWith($"`{text}` {message}"));
        }
    }

    [TestCase("effective: { from: 1776 }", "effective.from", "`1776` is out of range: years 1900 to 2200 are accepted")]
    [TestCase("effective: { from: 2020, until: 2301-01-01 }", "effective.until", "`2301-01-01` is out of range")]
    [TestCase("effective: { from: 0001 }", "effective.from", "`0001` is out of range")]
    public void Load_EffectiveYearOutOfRange_IsRefused(string effective, string field, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => TestPolicies.Load("  []", effective)).Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Field, Is.EqualTo(field));
            Assert.That(error.Message, Does.StartWith(message));
        }
    }

    [Test]
    public void Load_EffectiveYearsAtTheLimits_AreAccepted()
    {
        var policy = TestPolicies.Load("  []", "effective: { from: 1900, until: 2200-12-31 }");

        Assert.That((policy.EffectiveFrom, policy.EffectiveUntil), Is.EqualTo(((LegalDate?)new LegalDate(1900, null, null), (LegalDate?)new LegalDate(2200, 12, 31))));
    }
}
