using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// A family is shown as its versions over time, and a version named outside its dates still answers
/// but says it was not the law of the booking day. Written on a fixture family `ord` with no policy of
/// that name: `ord-2019` (2019 to 2022) and `ord-2023`, a variant of it from 2023.
/// </summary>
[TestFixture]
public class FamilyVersionsTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-family-versions-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "ord-2019.yaml"), TestSupport.PolicyTemplate.Yaml("ord-2019", "Ordinance of 2019", """
              - id: detainer-notice
                when: detainer.form = I-247A
                then: { notify_ice: forbidden }
                because: the ordinance forbids notice
                cite: src
            """, "family: ord\ntime_zone: America/Chicago\neffective: { from: 2019-01-01, until: 2022-12-31 }"));
        File.WriteAllText(Path.Combine(rules, "ord-2023.yaml"), """
            id: ord-2023
            extends: ord-2019
            amendment: The 2023 amendment lets the jail tell ICE of a detainer.
            title: Ordinance of 2023
            effective: { from: 2023-01-01 }
            replace_rules:
              - id: detainer-notice
                when: detainer.form = I-247A
                then: { notify_ice: { value: permitted, at: [release] } }
                because: the amendment allows notice
                cite: src
            """);
        File.WriteAllText(Path.Combine(_dir, "booked-2024.yaml"), """
            booked_at: 2024-06-05T23:30:00-08:00
            charges: [ { offense: burglary, level: felony, category: burglary } ]
            detainer: { form: I-247A, warrant: administrative }
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.RunIsolated(_dir, [.. args, "--rules", "rules"]);

    [Test]
    public void Show_FamilyWithNoPolicyOfItsName_ListsItsVersionsOldestFirstWithTheirAmendments()
    {
        var (exit, output, error) = Run("show", "-p", "ord");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.StartWith("""
                Family ord: 2 versions
                  ord-2019  2019-01-01 to 2022-12-31: Ordinance of 2019
                  ord-2023  2023-01-01 to now: Ordinance of 2023
                            amends ord-2019: The 2023 amendment lets the jail tell ICE of a detainer.
                Show one version with `-p ID`, or the one in force on a day with `-p ord --at YYYY-MM-DD`.
                """.ReplaceLineEndings()));
            Assert.That(output, Does.Not.Contain("Rules:"));
        }
    }

    [Test]
    public void Show_FamilyThatIsAlsoAnId_TimelineThenThatPolicy()
    {
        // A copy of the family where today's version takes the family's name, as `florida` does.
        var dir = Directory.CreateTempSubdirectory("detainer-family-named-").FullName;
        try
        {
            var rules = Directory.CreateDirectory(Path.Combine(dir, "rules")).FullName;
            var v2023 = File.ReadAllText(Path.Combine(_dir, "rules", "ord-2023.yaml"));
            File.Copy(Path.Combine(_dir, "rules", "ord-2019.yaml"), Path.Combine(rules, "ord-2019.yaml"));
            File.WriteAllText(Path.Combine(rules, "ord-2023.yaml"), v2023.Replace("from: 2023-01-01 }", "from: 2023-01-01, until: 2023-12-31 }", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(rules, "ord.yaml"), v2023.Replace("id: ord-2023", "id: ord", StringComparison.Ordinal).Replace("from: 2023-01-01", "from: 2024-01-01", StringComparison.Ordinal));

            var (exit, output, error) = CliRun.RunIsolated(dir, "show", "-p", "ord", "--rules", "rules");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
                Assert.That(output, Does.StartWith("Family ord: 3 versions"));
                Assert.That(output, Does.Contain("  ord       2024-01-01 to now: Ordinance of 2023  <- shown below"));
                Assert.That(output, Does.Contain("Policy ord: Ordinance of 2023"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("2020-07-01", "ord-2019")]
    [TestCase("2022-12-31", "ord-2019")]
    [TestCase("2023-01-01", "ord-2023")]
    public void Show_FamilyAtADay_MarksAndShowsTheVersionInForce(string day, string version)
    {
        var (exit, output, error) = Run("show", "-p", "ord", "--at", day);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain($"{version}  ").And.Contain($"<- in force on {day}"));
            Assert.That(output.Split('\n').Count(l => l.Contains("<- in force", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(output, Does.Contain($"Policy {version}: Ordinance of {version[^4..]}").And.Contain("Rules:"));
        }
    }

    [Test]
    public void Show_FamilyOnADayBeforeItsFirstVersion_IsAnErrorNamingTheVersions()
    {
        var (exit, _, error) = Run("show", "-p", "ord", "--at", "2018-12-31");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("no version of `ord` was in force on 2018-12-31").And.Contain("`ord-2019` (2019-01-01 to 2022-12-31)"));
        }
    }

    [Test]
    public void Show_AtOnASinglePolicy_IsAWrongCommandLine()
    {
        var (exit, _, error) = Run("show", "-p", "ord-2019", "--at", "2020-01-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("`ord-2019` is a single policy"));
        }
    }

    [Test]
    public void Evaluate_VersionNamedOutsideItsDates_AnswersAndSaysItWasNotTheLawOfThatDay()
    {
        // 23:30 on 5 June in Los Angeles is 6 June in the family's zone (Chicago): the day is judged there.
        var (exit, text, error) = Run("evaluate", "-p", "ord-2019", "booked-2024.yaml");
        var json = JsonDocument.Parse(Run("evaluate", "-p", "ord-2019", "booked-2024.yaml", "--format", "json").Out).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(text, Does.Contain("Not in force on this booking's day (2024-06-06): the answers are what this version would decide, not the law of that day; name the family (`ord`) for the version in force that day."));
            Assert.That(json.GetProperty("policy").GetProperty("in_force_on_booking_day").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo("forbidden"));
        }
    }

    [Test]
    public void Evaluate_FamilyPicksTheVersionInForce_NoNotice()
    {
        var (exit, text, error) = Run("evaluate", "-p", "ord", "booked-2024.yaml");
        var json = JsonDocument.Parse(Run("evaluate", "-p", "ord", "booked-2024.yaml", "--format", "json").Out).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(text, Does.Contain("Policy ord-2023").And.Not.Contain("Not in force"));
            Assert.That(json.GetProperty("policy").GetProperty("in_force_on_booking_day").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo("permitted"));
        }
    }
}
