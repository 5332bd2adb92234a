using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// A <c>bound_by</c> entry binds as the version of its family in force on the booking day, and not at
/// all before the family's first version: a 2016 booking is never judged by a law of 2023. Written on
/// a fixture: a state family (notice of detainers forbidden from 2019, required from 2023) and a city
/// bound by it since 2015, silent on notice itself.
/// </summary>
[TestFixture]
public class DatedAuthorityTests
{
    private static readonly (string Id, string Booked, string Notice)[] Bookings =
    [
        ("before-the-state-law", "2016-06-01", "unknown"),
        ("under-the-2019-act", "2020-06-03", "forbidden"),
        ("under-the-2023-act", "2024-06-05", "required"),
    ];

    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-dated-authority-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "state-2019.yaml"), State("state-2019", "forbidden", "family: state\ntime_zone: America/Chicago\neffective: { from: 2019-01-01, until: 2022-12-31 }"));
        File.WriteAllText(Path.Combine(rules, "state.yaml"), State("state", "{ value: required, at: [release] }", "family: state\ntime_zone: America/Chicago\neffective: { from: 2023-01-01 }"));
        File.WriteAllText(Path.Combine(rules, "city.yaml"), TestSupport.PolicyTemplate.Yaml("city", "City", """
              - id: jail-open-to-ice
                when: true
                then: { ice_jail_access: permitted }
                because: the city lets ICE in
                cite: src
            """, "bound_by: [state]\ntime_zone: America/Chicago\neffective: { from: 2015-01-01 }"));

        foreach (var (id, booked, _) in Bookings)
        {
            File.WriteAllText(Path.Combine(_dir, id + ".yaml"), Scenario(booked));
        }

        File.WriteAllLines(Path.Combine(_dir, "bookings.jsonl"), Bookings.Select(b => JsonSerializer.Serialize(new
        {
            id = b.Id,
            booked_at = b.Booked + "T10:00:00-05:00",
            charges = new[] { new { offense = "burglary", level = "felony", category = "burglary" } },
            detainer = new { form = "I-247A", warrant = "administrative" },
        })));
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [TestCaseSource(nameof(Bookings))]
    public void Evaluate_BoundPolicy_TheAuthorityIsTheVersionInForceOnTheBookingDay((string Id, string Booked, string Notice) booking)
    {
        var (exit, output, error) = CliRun.Run(_dir, catalog: false, "evaluate", "-p", "city", "--rules", "rules", booking.Id + ".yaml", "--format", "json");
        var verdict = JsonDocument.Parse(output).RootElement;
        var notice = verdict.GetProperty("decisions").GetProperty("notify_ice");
        var authority = verdict.GetProperty("policy").GetProperty("bound_by")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(notice.GetProperty("value").GetString(), Is.EqualTo(booking.Notice));
            Assert.That(notice.GetProperty("layer").GetString(), Is.EqualTo(booking.Notice == "unknown" ? "city" : booking.Booked.StartsWith("2020", StringComparison.Ordinal) ? "state-2019" : "state"));
            Assert.That(authority.GetProperty("id").GetString(), Is.EqualTo(booking.Notice switch { "forbidden" => "state-2019", _ => "state" }));
            Assert.That(authority.TryGetProperty("absent", out var absent) ? absent.GetString() : null,
                booking.Notice == "unknown" ? Does.Contain("no version of `state`, which city is bound by, was in force on the booking day (2016-06-01)") : Is.Null);
        }
    }

    [Test]
    public void Evaluate_BookingBeforeTheFamily_TheReportSaysTheAuthorityBindsNothing()
    {
        var (_, output, _) = CliRun.Run(_dir, catalog: false, "evaluate", "-p", "city", "--rules", "rules", "before-the-state-law.yaml");

        Assert.That(output, Does.Contain("Binds nothing here: no version of `state`, which city is bound by, was in force on the booking day (2016-06-01); versions: `state-2019` (2019-01-01 to 2022-12-31), `state` (2023-01-01 to now)."));
    }

    [Test]
    public void Evaluate_AtADay_TheAuthorityIsTheVersionInForceThatDay()
    {
        // A family of the city's own, so that --at applies; the state's version follows the same day.
        var (exit, output, error) = CliRun.Run(_dir, catalog: false, "evaluate", "-p", "state", "--rules", "rules", "--at", "2020-01-15", "under-the-2023-act.yaml", "--format", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo("state-2019"));
        }
    }

    [TestCase("delegates")]
    [TestCase("nrules")]
    public void Batch_RecordsOfSeveralYears_EachJudgedUnderTheLawOfItsDay(string engine)
    {
        var output = $"bookings-{engine}.jsonl";
        var (exit, _, error) = CliRun.Run(_dir, catalog: false, "batch", "-p", "city", "--rules", "rules", "--input", "bookings.jsonl", "--output", output, "--engine", engine);
        var answers = File.ReadAllLines(Path.Combine(_dir, output))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("policies").GetProperty("city"))
            .Select(p => (p.GetProperty("version").GetString(), p.GetProperty("notify_ice").GetString()))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(answers, Is.EqualTo(Bookings.Select(b => ((string?)"city", (string?)b.Notice)).ToList()));
        }
    }

    [Test]
    public void Test_ExpectationCasesOfSeveralYears_EachJudgedUnderTheLawOfItsDay()
    {
        File.WriteAllText(Path.Combine(_dir, "city-cases.yaml"), "cases:\n" + string.Concat(Bookings.Select(b => $"""
              - policy: city
                scenario: {b.Id}.yaml
                because: the state's version in force on {b.Booked} decides notice
                expect: {"{"} notify_ice: {b.Notice} {"}"}

            """)));

        var (exit, output, error) = CliRun.Run(_dir, catalog: false, "test", "city-cases.yaml", "--rules", "rules", "--scenarios", ".");

        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output + error);
    }

    [Test]
    public void Compare_AtADay_AuthoritiesAreTakenAtThatDay()
    {
        // The city against the state's 2019 act alone: on a 2020 day the city is bound by that act, so the two agree on notice; on a 2024 day they differ.
        var (in2020, out2020, err2020) = CliRun.Run(_dir, catalog: false, "compare", "city", "state-2019", "--space", "--decision", "notify_ice", "--at", "2020-06-03", "--rules", "rules");
        var (in2024, _, err2024) = CliRun.Run(_dir, catalog: false, "compare", "city", "state-2019", "--space", "--decision", "notify_ice", "--at", "2024-06-05", "--rules", "rules");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(in2020, Is.EqualTo(ExitCodes.Success), out2020 + err2020);
            Assert.That(in2024, Is.EqualTo(ExitCodes.PoliciesDiffer), err2024);
        }
    }

    private static string State(string id, string notice, string extra) => TestSupport.PolicyTemplate.Yaml(id, "State act " + id, $$"""
          - id: detainer-notice
            when: detainer.form = I-247A
            then: { notify_ice: {{notice}} }
            because: the act says so
            cite: src
        """, extra);

    private static string Scenario(string booked) => $"""
        booked_at: {booked}T10:00:00-05:00
        charges: [ {"{"} offense: burglary, level: felony, category: burglary {"}"} ]
        detainer: {"{"} form: I-247A, warrant: administrative {"}"}
        """;
}
