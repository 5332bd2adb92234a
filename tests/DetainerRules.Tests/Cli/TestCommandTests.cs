using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer test</c>: expectation files with referenced and inline scenarios, failures side by side, coverage.</summary>
[TestFixture]
public class TestCommandTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-test-").FullName;
        File.WriteAllText(Path.Combine(_dir, "mixed.yaml"), """
            policy: lvmpd-2023
            cases:
              - scenario: lv-robbery-no-ice
                because: robbery is a violent felony; the person was born abroad
                expect:
                  notify_ice: { value: required, at: [booking, release] }
                  outcome: released
                policies:
                  chicago: { notify_ice: forbidden, delay_release: forbidden }
              - name: dui-without-detainer
                scenario:
                  booked_at: 2025-01-10T10:00:00-08:00
                  person: { foreign_born: true }
                  charges: [ { offense: dui, level: misdemeanor, category: dui } ]
                because: a deliberately wrong expectation, to see the failure
                expect:
                  notify_ice: forbidden
            """);
        File.WriteAllText(Path.Combine(_dir, "broken.yaml"), """
            policy: lvmpd-2023
            cases:
              - scenario: lv-robbery-no-ice
                because: x
                expect: { notify_ice: requird }
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: true, args);

    [Test]
    public void Test_FailingCase_ShowsExpectedAndActualSideBySideWithTheExplanation()
    {
        var (exit, output, _) = Run("test", "mixed.yaml", "--scenarios", Repository.Scenarios);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain("FAIL mixed.yaml:10:5: lvmpd-2023 on dui-without-detainer"));
            Assert.That(output, Does.Match(@"notify_ice\s+forbidden\s+required \(booking, release\)\s+rule notify-foreign-born-listed-charge"));
            Assert.That(output, Does.Contain("notify_ice was decided by notify-foreign-born-listed-charge (lvmpd-2023)"));
            Assert.That(output, Does.Contain("holds: person.foreign_born  [person.foreign_born is true]"));
            Assert.That(output, Does.Contain("Rule coverage (rules some test made fire):"));
            Assert.That(output, Does.Contain("  chicago: 0 of 1; never fired: judicial-warrant-outside-ordinance"));
            Assert.That(output.TrimEnd(), Does.EndWith("2 passed, 1 failed"));
        }
    }

    [Test]
    public void Test_Json_ListsEveryCaseAndTheCoverage()
    {
        var (_, output, _) = Run("test", "mixed.yaml", "--format", "json", "--scenarios", Repository.Scenarios);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("passed").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("failed").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("policy").GetString()), Is.EqualTo(new[] { "lvmpd-2023", "chicago", "lvmpd-2023" }));
            Assert.That(root.GetProperty("condition_coverage").GetArrayLength(), Is.GreaterThan(0));
        }
    }

    [Test]
    public void Test_MalformedFile_PrintsThePositionedErrorAndExitsOne()
    {
        var (exit, _, error) = Run("test", "broken.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("broken.yaml:5:27: error DR102: cases[0].expect.notify_ice:"));
            Assert.That(error, Does.Contain("did you mean `required`"));
        }
    }

    [Test]
    public void Test_CatalogExpectations_AllPass()
    {
        var (exit, output, _) = Run("test", Repository.Expectations);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            // One result per case and policy: the shipped scenarios in every file, and the cases written out.
            var cases = Directory.GetFiles(Repository.Expectations, "*.yaml").Sum(f => DetainerRules.Yaml.Expectations.ExpectationLoader.LoadFile(f).Cases.Count);
            Assert.That(output.TrimEnd(), Does.EndWith($"{cases} passed, 0 failed"));
        }
    }
}
