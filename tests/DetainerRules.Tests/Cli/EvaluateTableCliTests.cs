using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer evaluate</c> under several policies (<c>-p</c> repeated, <c>--all</c>): one table per scenario, on a rules folder written for the test.</summary>
[TestFixture]
public class EvaluateTableCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-table-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "scenarios"));
        Policy(rules, "holding", "Holding policy", """
              - id: hold
                when: detainer.form = I-247A
                then:
                  delay_release: { value: required, limit: clock48 }
                because: detainers are honoured
                cite: src
            """);
        Policy(rules, "refusing", "Refusing <b>policy</b> </th></tr><script>alert(1)</script>", """
              - id: no-hold
                when: detainer.form = I-247A
                then:
                  delay_release: { value: forbidden }
                because: detainers are declined
                cite: src
            """);

        // A family of two versions, the newer with the family's own name; none in force before 2020.
        Policy(rules, "fam-2020", "Family, first version", "  []", "family: fam\neffective: { from: 2020-01-01, until: 2023-12-31 }");
        Policy(rules, "fam", "Family, current version", "  []", "family: fam\neffective: { from: 2024-01-01 }");
        File.WriteAllText(Path.Combine(_dir, "scenarios", "a-2025.yaml"), """
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: true }
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative }
            custody: { release_eligible_at: 2025-01-17T18:00:00-08:00 }
            """);
        File.WriteAllText(Path.Combine(_dir, "scenarios", "b-2019.yaml"), """
            booked_at: 2019-06-03T09:30:00-07:00
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative }
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private static void Policy(string rules, string id, string title, string body, string extra = "") =>
        File.WriteAllText(Path.Combine(rules, id + ".yaml"), TestPolicies.Yaml(body, extra)
            .Replace("id: test-policy", "id: " + id, StringComparison.Ordinal)
            .Replace("title: Test policy", "title: " + JsonSerializer.Serialize(title), StringComparison.Ordinal));

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    private (int Exit, string Out, string Err) RunWithoutShippedCatalog(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(args, output, error, _dir, shippedCatalog: Path.Combine(_dir, "no-shipped-catalog"));
        return (exit, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Policies(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("policies").EnumerateArray().Select(p => p.Clone())];

    [Test]
    public void RepeatedPolicy_ColumnsInTheOrderAsked()
    {
        var (exit, output, error) = Run("evaluate", "-p", "refusing", "--policy", "holding", "-p", "fam", "--format", "json", "scenarios/a-2025.yaml");
        var policies = Policies(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(policies.Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "refusing", "holding", "fam" }));
            Assert.That(policies.Select(p => p.GetProperty("policy").GetString()), Is.EqualTo(new[] { "refusing", "holding", "fam" }));
            Assert.That(policies[1].GetProperty("hold_until").GetString(), Is.EqualTo("2025-01-19T18:00:00-08:00"));
            Assert.That(policies[0].GetProperty("outcome").GetString(), Is.EqualTo("released"));
        }
    }

    [Test]
    public void All_EveryFamilyOnceInIdOrder_VersionPickedByBookingDay()
    {
        // Only this folder's families: --all reaches every place of the lookup, and the program's own catalog is one.
        var (exit, output, error) = RunWithoutShippedCatalog("evaluate", "--all", "--rules", "rules", "--format", "json", "scenarios");
        var documents = output.Split("\n}\n", StringSplitOptions.RemoveEmptyEntries).Select(d => Policies(d + "}")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(documents, Has.Count.EqualTo(2));
            Assert.That(documents[0].Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "fam", "holding", "refusing" }));
            Assert.That(documents[0][0].GetProperty("policy").GetString(), Is.EqualTo("fam"));
            Assert.That(documents[1][0].GetProperty("in_force").GetBoolean(), Is.False);
        }
    }

    [Test]
    public void FamilyNotInForce_ACellSaysSo_TheOthersAreAnswered()
    {
        var (exit, output, error) = Run("evaluate", "-p", "holding", "-p", "fam", "scenarios/b-2019.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Match(@"\nfam\s+not in force\s*\n"));
            Assert.That(output, Does.Contain("fam: not in force: no version of `fam` was in force on 2019-06-03"));
            Assert.That(output, Does.Match(@"\nholding\s+held for ICE \(its end cannot be computed: the release time or a fixed limit is missing\)\s+cannot be computed\s+clock48: 48 hours\n"));
        }
    }

    [Test]
    public void AtDay_PicksTheFamilyVersionInForceThatDay()
    {
        var (exit, output, error) = Run("evaluate", "-p", "holding", "-p", "fam", "--at", "2021-05-01", "--format", "json", "scenarios/b-2019.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(Policies(output)[1].GetProperty("policy").GetString(), Is.EqualTo("fam-2020"));
        }
    }

    [TestCase("text", "\nholding  ")]
    [TestCase("markdown", "| | `holding` | `refusing` |")]
    [TestCase("html", "<th scope=\"col\">holding<small>")]
    [TestCase("json", "\"name\": \"holding\"")]
    public void EachFormat_WritesTheTable(string format, string expected)
    {
        var (exit, output, error) = Run("evaluate", "-p", "holding", "-p", "refusing", "--format", format, "scenarios/a-2025.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain(expected));
        }
    }

    [Test]
    public void Html_HostilePolicyTitle_IsEscaped()
    {
        var (exit, output, _) = Run("evaluate", "-p", "holding", "-p", "refusing", "--format", "html", "scenarios/a-2025.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("Refusing &lt;b&gt;policy&lt;/b&gt; &lt;/th&gt;&lt;/tr&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(output, Does.Not.Contain("<script>").And.Not.Contain("<b>"));
        }
    }

    [Test]
    public void UnknownPolicy_IsAUsageError_NamingIt()
    {
        var (exit, output, error) = Run("evaluate", "-p", "holding", "-p", "holdng", "scenarios/a-2025.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.StartWith("detainer: -p: no policy or policy family `holdng`").And.Contain("did you mean `holding`"));
            Assert.That(output, Is.Empty);
        }
    }

    [TestCase(new[] { "-p", "holding", "--all" }, "give it or --policy, not both")]
    [TestCase(new string[0], "Option '--policy' is required")]
    [TestCase(new[] { "-p", "holding", "-p", "holding" }, "the same policy is named twice")]
    [TestCase(new[] { "-p", "holding", "-p", "refusing", "--explain" }, "--explain and --what-flips")]
    public void WrongCombination_IsAUsageError(string[] options, string message)
    {
        var (exit, _, error) = Run(["evaluate", .. options, "scenarios/a-2025.yaml"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain(message));
        }
    }

    /// <summary>One <c>-p</c> in text is the single-policy report, byte for byte as the tool wrote it before the table existed (this text was captured from that build).</summary>
    [Test]
    public void OnePolicy_Text_IsTheSinglePolicyReportUnchanged()
    {
        const string Before = """
            Policy holding: Holding policy
              Test; in force (start not given) to now
              File: {FILE}
            Scenario a-2025

            Outcome: the person is held for ICE until 2025-01-19T18:00:00-08:00.
              Why: ICE is not present at release and the policy requires holding the person for ICE.

            Notify ICE [unknown]: The sources do not say whether ICE is notified.
              No rule applies; the policy's default: silent

            Delay release for ICE [required]: Release must be delayed for ICE, for at most 48 hours (until 2025-01-19T18:00:00-08:00).
              Required by rule hold: detainers are honoured
              Source: Test source (Test Code 1.1) [unstated]

            Release if ICE is absent [unknown]: The sources do not say whether the person is released when ICE is absent.
              No rule applies; the policy's default: silent

            Transfer to ICE [unknown]: The sources do not say whether custody is handed to ICE.
              No rule applies; the policy's default: silent

            ICE access to the jail [unknown]: The sources do not say whether ICE may enter the jail.
              No rule applies; the policy's default: silent

            Ask about immigration status [unknown]: The sources do not say whether officers ask about immigration status.
              No rule applies; the policy's default: silent

            Share criminal intelligence [unknown]: The sources do not say whether criminal intelligence is shared with ICE.
              No rule applies; the policy's default: silent

            Join civil immigration operations [unknown]: The sources do not say whether the agency joins civil immigration operations.
              No rule applies; the policy's default: silent

            Rules fired, in order: hold
            """;
        var (exit, output, error) = Run("evaluate", "-p", "holding", "scenarios/a-2025.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Is.EqualTo(Before.Replace("{FILE}", Path.Combine(_dir, "rules", "holding.yaml"), StringComparison.Ordinal) + "\n"));
        }
    }
}
