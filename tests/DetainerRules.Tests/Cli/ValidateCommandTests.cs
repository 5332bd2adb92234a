using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer validate</c>: every finding in every file at once, compiler style.</summary>
[TestFixture]
public class ValidateCommandTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-validate-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "bad"));
        File.WriteAllText(Path.Combine(_dir, "bad", "suspicious.yaml"), TestPolicies.Yaml("""
              - id: impossible
                when: detainer.form = I-247A and not detainer
                then: { ice_jail_access: permitted }
                because: a condition no case can meet
                cite: src
              - id: shadowed
                when: any charge(level = felony)
                then: { ask_immigration_status: permitted }
                because: always loses to always-forbid
                cite: src
              - id: always-forbid
                when: true
                then: { ask_immigration_status: forbidden }
                priority: 5
                because: a higher priority
                cite: src
              - id: notify-felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [booking] } }
                because: felonies are reported
                cite: src
              - id: never-notify-dui
                when: any charge(category = dui)
                then: { notify_ice: forbidden }
                because: DUI is not reported
                cite: src
            """).Replace("id: test-policy", "id: suspicious", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "bad", "typo.yaml"), """
            booked_at: 2025-01-17T09:30:00-08:00
            charges: [ { offense: robbery, level: felonyy, category: robbery } ]
            detainer: { form: I-247A, warant: none }
            """);
        File.WriteAllText(Path.Combine(_dir, "bad", "what.yaml"), "colour: red\n");
        File.WriteAllText(Path.Combine(_dir, "bad", "broken.yaml"), "rules: [\n");
        File.WriteAllText(Path.Combine(_dir, "bad", "cases.yaml"), """
            policy: lvmpd-20233
            cases:
              - scenario: no-such-scenario
                because: x
                expect: { notify_ice: unknown }
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: true, args);

    [Test]
    public void Validate_Catalog_HasNoFindings()
    {
        var (exit, output, _) = Run("validate", Repository.Rules, Path.Combine(Repository.Rules, "variants"), Repository.Scenarios, Repository.Expectations);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(output, Does.Match(@"^\d+ files checked: 0 errors, 0 warnings\s*$"));
        }
    }

    [Test]
    public void Validate_FolderOfBadFiles_ReportsEveryFindingAtOnceAndExitsOne()
    {
        var (exit, output, _) = Run("validate", "bad");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain("bad/broken.yaml:2:1: error DR101:"));
            Assert.That(output, Does.Contain("bad/cases.yaml:3:5: error DR202: policy: no policy `lvmpd-20233` (did you mean `lvmpd-2023`?)"));
            Assert.That(output, Does.Contain("bad/cases.yaml:3:5: error DR202: scenario: no scenario `no-such-scenario`"));
            Assert.That(output, Does.Match(@"bad/suspicious\.yaml:\d+:\d+: warning DR401: when: rule `impossible` never fires"));
            Assert.That(output, Does.Match(@"bad/suspicious\.yaml:\d+:\d+: warning DR402: priority: rule `shadowed` fires but never decides anything"));
            Assert.That(output, Does.Match(@"bad/suspicious\.yaml:\d+:\d+: warning DR403: notify_ice: rules `never-notify-dui` and `notify-felony` \(priority 0\) disagree on `notify_ice` in \d+ of \d+ cases"));
            Assert.That(output, Does.Contain("bad/typo.yaml:2:39: error DR102: charges[0].level: `felonyy` is not allowed here (did you mean `felony`?)"));
            Assert.That(output, Does.Contain("bad/typo.yaml:3:11: error DR102: detainer.warrant: required field is missing"));
            Assert.That(output, Does.Contain("bad/typo.yaml:3:27: error DR102: detainer.warant: unknown key `warant` (did you mean `warrant`?)"));
            Assert.That(output, Does.Contain("bad/what.yaml:1:1: error DR103: cannot tell what this file is"));
            Assert.That(lines[^1], Is.EqualTo("5 files checked: 7 errors, 3 warnings"));
        }
    }

    [Test]
    public void Validate_SeedsFolder_ChecksItsQuestionsItsMapsAndTheScenariosInItsSubfolders()
    {
        var seeds = Path.GetDirectoryName(Repository.Scenarios)!;
        var scenarios = Directory.GetFiles(Repository.Scenarios, "*.yaml").Length;
        var maps = Directory.GetFiles(Path.Combine(seeds, "maps"), "*.yaml").Length;

        var (exit, output, _) = Run("validate", seeds);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(scenarios, Is.GreaterThan(0));
            Assert.That(maps, Is.GreaterThan(0));
            Assert.That(output, Is.EqualTo($"{scenarios + maps + 1} files checked: 0 errors, 0 warnings\n"), "every scenario in seeds/scenarios, every column map in seeds/maps and the questions file");
        }
    }

    [Test]
    public void Validate_AColumnMap_IsReadAsOneAndItsMistakesArePositioned()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "maps")).FullName;
        File.WriteAllText(Path.Combine(folder, "good.yaml"), """
            description: a county's booking export
            columns:
              id:
                from: [Record Number]
              booked_at:
                from: [Booking Date]
              charges.offense:
                from: [Charge]
            """);
        File.WriteAllText(Path.Combine(folder, "typo.yaml"), """
            description: the same export, with a typo
            columns:
              id:
                form: [Record Number]
              booked_at:
                from: [Booking Date]
              charges.offense:
                from: [Charge]
            """);

        var (exit, output, _) = Run("validate", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput), output);
            Assert.That(output, Does.Not.Contain("good.yaml"), "a well-formed map has nothing to report");
            Assert.That(output, Does.Contain("typo.yaml:4:5: error DR102: columns.id.form: unknown key `form`"));
            Assert.That(output, Does.Not.Contain("DR103"), "a file with `columns` is a column map, not an unknown kind");
            Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("2 files checked: 2 errors, 0 warnings"), "the misspelt key, and the column left with neither `from` nor `value`");
        }
    }

    [Test]
    public void Validate_QuestionsFile_ReportsAScenarioItAsksAboutThatDoesNotLoad()
    {
        var folder = Path.Combine(_dir, "asked", "deeper");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "typo.yaml"), "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: robbery, level: felonyy, category: robbery } ]\n");
        File.WriteAllText(Path.Combine(_dir, "asked", "questions.yaml"), """
            questions:
              - ask: Is ICE told?
                scenario: deeper/typo.yaml
                decision: notify_ice
            """);

        var (exit, output, _) = Run("validate", "asked");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain("asked/deeper/typo.yaml:2:39: error DR102: charges[0].level: `felonyy` is not allowed here"), "the scenario, reached through the subfolder");
            Assert.That(output, Does.Not.Contain("DR103"), "a questions file is a kind of file validate knows");
            Assert.That(output, Does.EndWith("2 files checked: 1 error, 0 warnings\n"), "the scenario's error is said once, though it is found as a file and as the question's scenario");
        }
    }

    [Test]
    public void Validate_Variant_NamesABaseRulesWarningAtTheBaseFile()
    {
        var folder = Path.Combine(_dir, "drafts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "base-policy.yaml"), TestPolicies.Yaml("""
              - id: impossible
                when: detainer.form = I-247A and not detainer
                then: { ice_jail_access: permitted }
                because: a condition no case can meet
                cite: src
            """).Replace("id: test-policy", "id: base-policy", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "draft.yaml"), """
            id: draft
            extends: base-policy.yaml
            amendment: nothing but a new title
            title: A draft
            """);
        var baseLine = File.ReadAllLines(Path.Combine(folder, "base-policy.yaml")).ToList().FindIndex(l => l.Contains("- id: impossible", StringComparison.Ordinal)) + 1;

        var (_, output, _) = Run("validate", "drafts/draft.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.StartWith($"drafts/base-policy.yaml:{baseLine}:5: warning"), "the warning is placed in the file that holds the rule, named as the user would");
            Assert.That(output, Does.Contain("warning DR401: when: rule `impossible` never fires"));
            Assert.That(output, Does.Not.Contain("drafts/draft.yaml:"), "nothing is wrong in the draft itself");
        }
    }

    [Test]
    public void Validate_Strict_AlsoWarnsAboutDecisionsNeverDecided()
    {
        var (_, output, _) = Run("validate", "--strict", "bad/suspicious.yaml");

        Assert.That(output, Does.Contain("warning DR404: defaults.delay_release: `delay_release` is unknown in every case"));
    }

    [Test]
    public void Validate_PolicyWhoseSpaceIsTooLarge_WarnsThatTheRuleChecksWereSkipped()
    {
        // Sixteen tests of single categories: every subset of them is a distinguishable list of charges.
        var categories = new[] { "homicide", "robbery", "theft", "fraud", "dui", "arson", "burglary", "weapons", "gang", "escape", "traffic", "kidnapping", "terrorism", "child_abuse", "drug_trafficking", "drug_possession" };
        var rules = string.Concat(categories.Select(c => $$"""
              - id: r-{{c.Replace('_', '-')}}
                when: any charge(category = {{c}})
                then: { ice_jail_access: permitted }
                because: x
                cite: src

            """));
        File.WriteAllText(Path.Combine(_dir, "wide.yaml"), TestPolicies.Yaml(rules).Replace("id: test-policy", "id: wide", StringComparison.Ordinal));

        var (exit, output, _) = Run("validate", "wide.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("warning DR405: rules: charges: more than 20000 distinguishable combinations"));
        }
    }

    [Test]
    public void Validate_Json_GivesEveryFindingWithItsPosition()
    {
        var (_, output, _) = Run("validate", "--format", "json", "bad/typo.yaml");
        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("findings")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("errors").GetInt32(), Is.EqualTo(3));
            Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("bad/typo.yaml"));
            Assert.That(finding.GetProperty("line").GetInt32(), Is.EqualTo(2));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(finding.GetProperty("field").GetString(), Is.EqualTo("charges[0].level"));
        }
    }
}
