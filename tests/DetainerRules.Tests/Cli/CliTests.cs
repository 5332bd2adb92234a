using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

[TestFixture]
public class CliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-cli-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        Directory.CreateDirectory(Path.Combine(_dir, "scenarios"));
        File.WriteAllText(Path.Combine(_dir, "rules", "test-policy.yaml"), TestPolicies.Yaml("""
              - id: notify-felony
                when: any charge(level = felony)
                then:
                  notify_ice: { value: required, at: [booking, release] }
                because: felonies are reported
                cite: src
              - id: hold-on-detainer
                when: detainer.form = I-247A
                then:
                  delay_release: { value: required, limit: h48 }
                because: detainers are honoured
                cite: src
            """));
        File.WriteAllText(Path.Combine(_dir, "scenarios", "a-felony.yaml"), """
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: true }
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative }
            custody: { release_eligible_at: 2025-01-17T18:00:00-08:00 }
            """);
        File.WriteAllText(Path.Combine(_dir, "scenarios", "b-minor.json"), """
            {"booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "misdemeanor", "category": "traffic"}]}
            """);
        // A family whose newest version has the family's own name, as the catalog's `florida` does.
        foreach (var (id, dates) in new[] { ("fam-2020", "{ from: 2020-01-01, until: 2023-12-31 }"), ("fam", "{ from: 2024-01-01 }") })
        {
            File.WriteAllText(Path.Combine(_dir, "rules", id + ".yaml"), TestPolicies.Yaml("""
                  - id: notify-felony
                    when: any charge(level = felony)
                    then:
                      notify_ice: { value: required, at: [booking] }
                    because: felonies are reported
                    cite: src
                """, $"family: fam\ntime_zone: America/New_York\neffective: {dates}").Replace("id: test-policy", "id: " + id, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(Path.Combine(_dir, "family"));
        File.WriteAllText(Path.Combine(_dir, "family", "new-year.yaml"), """
            booked_at: 2023-12-31T22:30:00-08:00
            charges: [ { offense: robbery, level: felony, category: robbery } ]
            """);
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), """
            booked_at: 2025-01-17T09:30:00-08:00
            charges: [ { offense: robbery, level: felonious, category: robbery } ]
            """);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    [Test]
    public void Evaluate_PolicyIdAndScenario_PrintsSentencesAndExitsZero()
    {
        var (exit, output, error) = Run("evaluate", "--policy", "test-policy", "scenarios/a-felony.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Outcome: the person is held for ICE until 2025-01-22T18:00:00-08:00."));
            Assert.That(output, Does.Contain("Notify ICE [required]: ICE must be notified at booking and at release."));
            Assert.That(output, Does.Contain("Required by rule notify-felony: felonies are reported"));
            Assert.That(output, Does.Contain("Source: Test source (Test Code 1.1)"));
        }
    }

    [Test]
    public void Evaluate_Explain_TracesTheDecidingRulesConditions()
    {
        var (exit, output, error) = Run("evaluate", "--policy", "test-policy", "--explain", "scenarios/a-felony.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("when (test-policy): any charge(level = felony)"));
            Assert.That(output, Does.Contain("holds: charge 1: robbery (felony, robbery)  [level is felony]"));
            Assert.That(output, Does.Contain("holds: detainer.form = I-247A  [detainer.form is I-247A]"));
        }
    }

    [Test]
    public void Evaluate_ExplainAndWhatFlipsAsJson_CarryTracesAndSmallestChanges()
    {
        var (exit, output, _) = Run("evaluate", "-p", "test-policy", "--format", "json", "--explain", "--what-flips", "scenarios/b-minor.json");
        using var json = JsonDocument.Parse(output);
        var notify = json.RootElement.GetProperty("decisions").GetProperty("notify_ice");
        var flip = json.RootElement.GetProperty("what_flips").GetProperty("notify_ice")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(notify.GetProperty("explanation").GetProperty("deciding").GetArrayLength(), Is.Zero, "the default decided");
            Assert.That(flip.GetProperty("value").GetString(), Is.EqualTo("required"));
            Assert.That(flip.GetProperty("changes")[0].GetProperty("dimension").GetString(), Is.EqualTo("the charge's level"));
            Assert.That(flip.GetProperty("changes")[0].GetProperty("to").GetString(), Is.EqualTo("felony"));
            Assert.That(flip.GetProperty("example").GetProperty("charges")[0].GetProperty("level").GetString(), Is.EqualTo("felony"));
        }
    }

    [Test]
    public void Evaluate_Json_FollowsTheContract()
    {
        var (exit, output, _) = Run("evaluate", "-p", "test-policy", "--format", "json", "scenarios/a-felony.yaml");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var decisions = root.GetProperty("decisions");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(root.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo("test-policy"));
            Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("a-felony"));
            Assert.That(decisions.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "notify_ice", "delay_release", "release_if_ice_absent", "transfer_to_ice",
                "ice_jail_access", "ask_immigration_status", "share_criminal_intelligence", "assist_civil_enforcement",
            }));
            Assert.That(decisions.GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo("required"));
            Assert.That(decisions.GetProperty("notify_ice").GetProperty("rules")[0].GetString(), Is.EqualTo("notify-felony"));
            Assert.That(decisions.GetProperty("notify_ice").GetProperty("cites")[0].GetString(), Is.EqualTo("Test source (Test Code 1.1)"));
            Assert.That(decisions.GetProperty("delay_release").GetProperty("hold_until").GetString(), Is.EqualTo("2025-01-22T18:00:00-08:00"));
            Assert.That(decisions.GetProperty("transfer_to_ice").GetProperty("value").GetString(), Is.EqualTo("unknown"));
            Assert.That(root.GetProperty("outcome").GetString(), Is.EqualTo("held_for_ice"));
            Assert.That(root.GetProperty("fired").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "hold-on-detainer", "notify-felony" }));
        }
    }

    [Test]
    public void Evaluate_SameInputTwice_ByteIdenticalOutput()
    {
        var first = Run("evaluate", "-p", "test-policy", "--format", "json", "scenarios");
        var second = Run("evaluate", "-p", "test-policy", "--format", "json", "scenarios");

        Assert.That(second.Out, Is.EqualTo(first.Out));
    }

    [Test]
    public void Evaluate_Folder_EvaluatesEveryScenarioInNameOrder()
    {
        var (exit, output, _) = Run("evaluate", "-p", "test-policy", "--format", "json", "scenarios");
        var ids = new List<string?>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            ids.Add(doc.RootElement.GetProperty("scenario").GetString());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(ids, Is.EqualTo(new[] { "a-felony", "b-minor" }));
        }
    }

    [Test]
    public void Evaluate_BadScenario_PrintsPositionedErrorAndExitsOne()
    {
        var (exit, output, error) = Run("evaluate", "-p", "test-policy", "bad.yaml", "scenarios/a-felony.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.StartWith("bad.yaml:2:39: error DR102: charges[0].level: `felonious` is not allowed here"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(output, Does.Contain("Scenario a-felony"), "the good scenario is still evaluated");
        }
    }

    [Test]
    public void Evaluate_UnknownPolicy_ExitsOneAndListsKnownPolicies()
    {
        var (exit, _, error) = Run("evaluate", "-p", "test-polcy", "scenarios/a-felony.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("no policy or policy family `test-polcy`").And.Contain("did you mean `test-policy`"));
        }
    }

    [Test]
    public void Evaluate_MissingScenarioFile_ExitsOne()
    {
        var (exit, _, error) = Run("evaluate", "-p", "test-policy", "nowhere.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error.Trim(), Is.EqualTo("nowhere.yaml: error DR100: file not found"));
        }
    }

    [TestCase("evaluate", "scenarios/a-felony.yaml")]
    [TestCase("evaluate", "-p", "test-policy")]
    [TestCase("evaluate", "-p", "test-policy", "--format", "xml", "scenarios/a-felony.yaml")]
    [TestCase("frobnicate")]
    public void Run_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = Run(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("detainer --help"));
        }
    }

    [Test]
    public void List_Catalog_ShowsEachPolicy()
    {
        var (exit, output, _) = Run("list");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output.Split('\n')[0], Does.StartWith("id").And.Contain("family").And.Contain("primary").And.Contain("judgement"));
            // No family, no dates, no zone; two rules, both citing without saying how the cite was verified; no default that answers.
            Assert.That(output, Does.Match(@"test-policy +- +- +\? to now +- +2 +0 +0 +0 +0 +2 +Test policy"));
        }
    }

    [Test]
    public void List_UnknownState_ExitsTwoWithAHint()
    {
        var (exit, _, error) = Run("list", "--state", "XT");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("`XT` is not a postal code"));
        }
    }

    [TestCase("scenarios/a-felony.yaml", new string[0], "fam", TestName = "Evaluate_NameThatIsFamilyAndId_BookingDayPicksTheVersion")]
    [TestCase("scenarios/a-felony.yaml", new[] { "--at", "2021-05-01" }, "fam-2020", TestName = "Evaluate_NameThatIsFamilyAndId_AtPicksTheOlderVersion")]
    [TestCase("family/new-year.yaml", new string[0], "fam", TestName = "Evaluate_FamilyBookingWrittenInPacificTime_DayIsTheFamilysZones")]
    public void Evaluate_FamilyNamedLikeItsNewestVersion(string scenario, string[] at, string version)
    {
        // 22:30 in Los Angeles on 31 December 2023 is 1 January 2024 in New York, the family's zone.
        var (exit, output, error) = Run(["evaluate", "-p", "fam", "--format", "json", .. at, scenario]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            using var json = JsonDocument.Parse(output);
            Assert.That(json.RootElement.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo(version));
        }
    }

    [Test]
    public void Compare_NameThatIsFamilyAndId_WithoutADateMeansThePolicyWithThatId()
    {
        var (exit, output, error) = Run("compare", "fam", "test-policy", "--space", "--format", "json");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success).Or.EqualTo(ExitCodes.PoliciesDiffer), error);
        Assert.That(output, Does.Contain("\"fam\""));
    }

    [TestCase("2019-12-01", "lvmpd-2019")]
    [TestCase("2024-06-12", "lvmpd-2023")]
    [TestCase("2025-01-31", "lvmpd-2025-01")]
    [TestCase("2025-06-15", "lvmpd-2025-01")]
    [TestCase("2025-06-16", "lvmpd-2025-06")]
    public void Evaluate_FamilyAtDate_PicksTheVersionInForce(string day, string version)
    {
        var scenario = Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml");
        var (exit, output, error) = Run("evaluate", "-p", "lvmpd", "--at", day, "--rules", Repository.Rules, "--format", "json", scenario);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            using var json = JsonDocument.Parse(output);
            Assert.That(json.RootElement.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo(version));
            Assert.That(json.RootElement.GetProperty("policy").GetProperty("family").GetString(), Is.EqualTo("lvmpd"));
        }
    }

    [Test]
    public void Evaluate_FamilyWithoutAt_UsesEachScenariosBookingDay()
    {
        var (exit, output, _) = Run("evaluate", "-p", "lvmpd", "--rules", Repository.Rules, "--format", "json",
            Path.Combine(Repository.Scenarios, "petit-larceny-2025.yaml"), Path.Combine(Repository.Scenarios, "wso-hold-2025.yaml"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("\"id\": \"lvmpd-2025-01\"").And.Contain("\"id\": \"lvmpd-2025-06\""));
    }

    [TestCase("2023-06-01", "more than one version of `lvmpd` may have been in force on 2023-06-01")]
    [TestCase("2018-01-01", "no version of `lvmpd` was in force on 2018-01-01")]
    public void Evaluate_FamilyOnAnUnsettledOrUncoveredDay_ExitsOneAndSaysWhy(string day, string message)
    {
        var (exit, _, error) = Run("evaluate", "-p", "lvmpd", "--at", day, "--rules", Repository.Rules, Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain(message));
        }
    }

    [Test]
    public void Evaluate_BadAtDate_ExitsTwo() =>
        Assert.That(Run("evaluate", "-p", "lvmpd", "--at", "June 2025", "x.yaml").Exit, Is.EqualTo(ExitCodes.Usage));

    [Test]
    public void Evaluate_AtWithASinglePolicy_ExitsTwo()
    {
        var (exit, _, error) = Run("evaluate", "-p", "test-policy", "--at", "2025-01-01", "scenarios/a-felony.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--at picks a version within a policy family"));
        }
    }

    [Test]
    public void Evaluate_PolicyBoundByAnAuthority_JsonShowsLayersAndDisagreements()
    {
        File.WriteAllText(Path.Combine(_dir, "rules", "county.yaml"), TestPolicies.Yaml("""
              - id: county-holds
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: the county honors detainers
                cite: src
            """).Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "rules", "state.yaml"), TestPolicies.Yaml("""
              - id: no-holds
                when: detainer
                then: { delay_release: forbidden }
                because: the state bans holds
                cite: src
            """).Replace("id: test-policy", "id: state", StringComparison.Ordinal));

        var (exit, output, error) = Run("evaluate", "-p", "county", "--format", "json", "scenarios/a-felony.yaml");
        using var json = JsonDocument.Parse(output);
        var delay = json.RootElement.GetProperty("decisions").GetProperty("delay_release");
        var disagreement = json.RootElement.GetProperty("disagreements")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(delay.GetProperty("value").GetString(), Is.EqualTo("forbidden"));
            Assert.That(delay.GetProperty("layer").GetString(), Is.EqualTo("state"));
            Assert.That(disagreement.GetProperty("policy_value").GetString(), Is.EqualTo("required"));
            Assert.That(disagreement.GetProperty("authority_value").GetString(), Is.EqualTo("forbidden"));
            Assert.That(json.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("released"));
            Assert.That(json.RootElement.GetProperty("fired_by_authorities")[0].GetString(), Is.EqualTo("state:no-holds"));
        }
    }
}
