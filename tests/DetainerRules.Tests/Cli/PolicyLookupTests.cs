using System.Security.Cryptography;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>Which policy file answers, shown in every report; families found whatever else is broken in the folder; dates kept to the years the tool accepts; conflicts that say what differs.</summary>
[TestFixture]
public class PolicyLookupTests
{
    private const string Notify = """
          - id: notify-felony
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [release] } }
            because: felonies are reported
            cite: src
        """;

    private const string Scenario = """
        booked_at: 2024-06-10T09:30:00-07:00
        person: { foreign_born: true }
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        custody: { release_eligible_at: 2024-06-10T18:00:00-07:00 }
        """;

    private string _dir = null!;

    [SetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-lookup-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        Policy("fam-2019", Notify, "family: fam\neffective: { from: 2019, until: 2022 }");
        File.WriteAllText(Path.Combine(_dir, "rules", "fam-2023.yaml"), "id: fam-2023\nextends: fam-2019\namendment: nothing new\neffective: { from: 2023 }\n");
        Policy("other-broken", Notify.Replace("level = felony", "levl = felony", StringComparison.Ordinal), "family: other");
        Policy("lone-broken", Notify.Replace("cite: src", "cite: nowhere", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "scenario.yaml"), Scenario);
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private void Policy(string id, string rules, string extra = "") =>
        File.WriteAllText(Path.Combine(_dir, "rules", id + ".yaml"), TestPolicies.Yaml(rules, extra).Replace("id: test-policy", $"id: {id}", StringComparison.Ordinal));

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    [Test]
    public void Evaluate_Family_IsFoundThoughUnrelatedFilesInTheFolderAreBroken()
    {
        var (exit, output, error) = Run("evaluate", "-p", "fam", "scenario.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.StartWith("Policy fam-2023:"));
            Assert.That(error, Is.Empty);
        }
    }

    [TestCase("family: fam", TestName = "Evaluate_Family_ABrokenFileOfTheFamily_FailsWithItsErrors")]
    [TestCase("", TestName = "Evaluate_Family_ABrokenVariantOfTheFamily_FailsWithItsErrors")]
    public void Evaluate_Family_ABrokenVersionIsNeverPassedOver(string family)
    {
        var body = family.Length > 0
            ? TestPolicies.Yaml(Notify.Replace("level = felony", "levl = felony", StringComparison.Ordinal), family).Replace("id: test-policy", "id: fam-2025", StringComparison.Ordinal)
            : "id: fam-2025\nextends: fam-2023\namendment: x\nrules:\n  - { id: bad, when: levl, then: { notify_ice: required }, because: x, cite: src }\n";
        File.WriteAllText(Path.Combine(_dir, "rules", "fam-2025.yaml"), body);

        var (exit, _, error) = Run("evaluate", "-p", "fam", "scenario.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("fam-2025.yaml:").And.Contain("error DR3"));
            Assert.That(error, Does.Not.Contain("other-broken"), "only the family's own files matter");
        }
    }

    [Test]
    public void Evaluate_AFileTooBrokenToTellItsFamily_StopsAFamilyLookupButNotAPolicyId()
    {
        File.WriteAllText(Path.Combine(_dir, "rules", "garbled.yaml"), "id: garbled\nrules: [\n");

        var family = Run("evaluate", "-p", "fam", "scenario.yaml");
        var single = Run("evaluate", "-p", "fam-2023", "scenario.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(family.Exit, Is.EqualTo(ExitCodes.InvalidInput), "it may be a version of `fam`");
            Assert.That(family.Err, Does.Contain("garbled.yaml:").And.Contain("error DR101"));
            Assert.That(single.Exit, Is.EqualTo(ExitCodes.Success), single.Err);
        }
    }

    [Test]
    public void Evaluate_Text_NamesThePolicyFileAndTheFilesItIsBuiltOn()
    {
        var (_, output, error) = Run("evaluate", "-p", "fam-2023", "scenario.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain($"  File: {Path.Combine(_dir, "rules", "fam-2023.yaml")}\n"), error);
            Assert.That(output, Does.Contain($"  Built on: {Path.Combine(_dir, "rules", "fam-2019.yaml")}\n"));
        }
    }

    [Test]
    public void Evaluate_Json_GivesEachFileWithItsSha256()
    {
        var (_, output, error) = Run("evaluate", "-p", "fam-2023", "--format", "json", "scenario.yaml");
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("policy").GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("sha256").GetString())).ToList();

        Assert.That(files, Is.EqualTo(new[] { "fam-2019", "fam-2023" }.Select(id =>
        {
            var path = Path.Combine(_dir, "rules", id + ".yaml");
            return ((string?)path, (string?)Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        })), error);
    }

    [Test]
    public void Evaluate_BoundPolicy_ShowsTheAuthoritysFileToo()
    {
        Policy("state", Notify);
        Policy("city", Notify, "bound_by: [state]");

        var (_, output, error) = Run("evaluate", "-p", "city", "scenario.yaml");
        var (_, json, _) = Run("evaluate", "-p", "city", "--format", "json", "scenario.yaml");
        using var document = JsonDocument.Parse(json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain($"  state:\n    File: {Path.Combine(_dir, "rules", "state.yaml")}\n"), error);
            Assert.That(document.RootElement.GetProperty("policy").GetProperty("bound_by")[0].GetProperty("files")[0].GetProperty("path").GetString(), Is.EqualTo(Path.Combine(_dir, "rules", "state.yaml")));
        }
    }

    [TestCase("evaluate", "-p", "fam", "--at", "1776-07-04", "scenario.yaml")]
    [TestCase("evaluate", "-p", "fam", "--at", "2201-01-01", "scenario.yaml")]
    [TestCase("space", "fam", "--at", "0001-01-01")]
    [TestCase("compare", "fam", "fam-2019", "--space", "--at", "9999-12-31")]
    public void AtADayOutsideTheYearsAccepted_IsAUsageError(params string[] args)
    {
        var (exit, _, error) = Run(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("is out of range: years 1900 to 2200 are accepted"));
        }
    }

    [Test]
    public void Evaluate_RulesThatDisagreeOnlyOnTheHoldLimit_ConflictNamesBothLimits()
    {
        Policy("two-limits", """
              - id: hold-short
                when: detainer
                then: { delay_release: { value: required, limit: clock48 } }
                because: one reading
                cite: src
              - id: hold-long
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: another reading
                cite: src
            """);

        var (_, output, error) = Run("evaluate", "-p", "two-limits", "scenario.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("  CONFLICT: rules of equal priority disagree on the hold limit, so the policy gives no answer:"), error);
            Assert.That(output, Does.Contain("    rule hold-long (priority 0) says required with limit h48 (48 hours, excluding weekends and federal holidays): another reading"));
            Assert.That(output, Does.Contain("    rule hold-short (priority 0) says required with limit clock48 (48 hours): one reading"));
        }
    }
}
