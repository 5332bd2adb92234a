using System.Text.Json;
using System.Text.RegularExpressions;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer compare</c> and <c>detainer space</c> as a user runs them, on fixture policies whose differences are counted by hand in their files.</summary>
[TestFixture]
public class CompareCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-compare-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "copy"));
        File.Copy(Fixtures.Policy("notice-2020"), Path.Combine(_dir, "copy", "notice-2020.yaml"));
        File.Copy(Fixtures.Policy("notice-2023"), Path.Combine(_dir, "copy", "notice-2023.yaml"));
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, [.. args, "--rules", Fixtures.Rules]);

    [Test]
    public void Compare_PoliciesThatDiffer_SummarisesEachDecisionAndExitsThree()
    {
        var (exit, output, error) = Run("compare", "notice-2020", "notice-2023", "--space");

        // The counts are worked out in notice-2023.yaml.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(output, Does.StartWith("Comparing notice-2020 and notice-2023 over the scenario space"));
            Assert.That(output, Does.Contain("notify_ice: the policies differ on 3 of 12 cases"));
            Assert.That(output, Does.Contain("notice-2020: unknown; notice-2023: required (booking, release): 3 cases"));
            Assert.That(output, Does.Contain("- born abroad; a charge of domestic violence or DUI (2; e.g. notify_ice-1-1)"));
            Assert.That(output, Does.Contain("delay_release: the policies differ on 1 of 4 cases"));
        }
    }

    [TestCase("text")]
    [TestCase("markdown")]
    [TestCase("html")]
    public void Compare_HumanFormats_SayTheOutcomeInWords(string format)
    {
        // notice-2023 holds on an administrative warrant where notice-2020 releases: the outcomes split.
        var (_, output, error) = Run("compare", "notice-2020", "notice-2023", "--space", "--decision", "outcome", "--format", format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("notice-2023: held for ICE"), error);
            Assert.That(Regex.Replace(output, "<style>.*?</style>|<[^>]*>", string.Empty, RegexOptions.Singleline), Does.Not.Contain("held_for_ice"), "the vocabulary word at most as an HTML class");
        }
    }

    [Test]
    public void Compare_Json_KeepsTheOutcomesVocabularyWord()
    {
        var (_, output, _) = Run("compare", "notice-2020", "notice-2023", "--space", "--decision", "outcome", "--format", "json");

        Assert.That(output, Does.Contain("\"value\": \"held_for_ice\""));
    }

    [Test]
    public void Compare_HtmlOfMoreThanFourPolicies_LeadsWithAPolicyByPolicyMatrixAndFoldsEachPair()
    {
        var (_, output, error) = Run("compare", "notice-2020", "notice-2023", "wider", "copy/notice-2020.yaml", "copy/notice-2023.yaml", "--space", "--format", "html");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("<table class=\"pairs\" id=\"agreement\">"), error);
            Assert.That(output.IndexOf("id=\"agreement\"", StringComparison.Ordinal), Is.LessThan(output.IndexOf("<details", StringComparison.Ordinal)), "the matrix comes first");
            Assert.That(Regex.Count(output, "<th scope=\"col\">"), Is.EqualTo(5 * 10), "a column per policy, in the matrix and in one per decision and the outcome");
            Assert.That(output, Does.Not.Contain("<table class=\"matrix\">"), "no column per pair of policies");
            Assert.That(output, Does.Contain("<details class=\"pair\" id=\"pair-1-2\"><summary>notice-2020#1 and notice-2023#2: differ on"));
            Assert.That(output, Does.Not.Contain("id=\"pair-1-4\""), "a policy and its copy agree: no pair to open");
            Assert.That(output, Does.Contain("Agree on every compared case: notice-2020#1 and notice-2020#4; notice-2023#2 and notice-2023#5."));
        }
    }

    [Test]
    public void Compare_PolicyAndItsCopy_AgreeAndExitZero()
    {
        var (exit, output, error) = Run("compare", "notice-2023", "copy/notice-2023.yaml", "--space");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Comparing notice-2023#1 and notice-2023#2"), "the same id twice is told apart by position");
            Assert.That(output, Does.Not.Contain("differ on"));
        }
    }

    [Test]
    public void Compare_Json_HasEverySubjectSplitAndRegionWithAnExample()
    {
        var (exit, output, _) = Run("compare", "notice-2020", "notice-2023", "--space", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var notify = root.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("subject").GetString() == "notify_ice");
        var split = notify.GetProperty("splits")[0];
        var region = split.GetProperty("regions")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
            Assert.That(root.GetProperty("agree").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("over").GetString(), Is.EqualTo("space"));
            Assert.That(root.GetProperty("subjects").GetArrayLength(), Is.EqualTo(9));
            Assert.That(split.GetProperty("answers").GetArrayLength(), Is.EqualTo(2));
            Assert.That(split.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("cases").GetInt64()), Is.GreaterThanOrEqualTo(split.GetProperty("cases").GetInt64()));
            Assert.That(region.GetProperty("example").GetProperty("charges").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(notify.GetProperty("agreeing")[0][0].GetInt64(), Is.EqualTo(notify.GetProperty("cases").GetInt64()));
        }
    }

    [Test]
    public void Compare_EmittedExamples_EvaluateToTheSplitsAnswers()
    {
        var folder = Path.Combine(_dir, "examples");
        var (exit, output, _) = Run("compare", "notice-2020", "wider", "--space", "--format", "json", "--emit-examples", folder);
        using var json = JsonDocument.Parse(output);
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var regions = json.RootElement.GetProperty("subjects").EnumerateArray().Sum(s => s.GetProperty("splits").EnumerateArray().Sum(p => p.GetProperty("regions").GetArrayLength()));

        Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
        Assert.That(files, Has.Count.EqualTo(regions).And.Count.GreaterThan(1));
        foreach (var subject in json.RootElement.GetProperty("subjects").EnumerateArray().Where(s => s.GetProperty("subject").GetString() != "outcome"))
        {
            var name = subject.GetProperty("subject").GetString()!;
            var splits = subject.GetProperty("splits").EnumerateArray().ToList();
            for (var s = 0; s < splits.Count; s++)
            {
                var expected = splits[s].GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
                var file = Path.Combine(folder, $"{name}-{s + 1}-1.json");
                var scenario = ScenarioLoader.LoadFile(file);
                var actual = new[] { "notice-2020", "wider" }
                    .Select(id => DetainerRules.Model.Vocabulary.Word(DetainerRules.Engine.PolicyCompiler.Compile(PolicyLoader.LoadFile(Fixtures.Policy(id))).Evaluate(scenario)[DetainerRules.Model.Vocabulary.TryParse<DetainerRules.Model.Decisions.DecisionKind>(name, out var k) ? k : default].Value))
                    .ToList();
                Assert.That(actual, Is.EqualTo(expected), file);
            }
        }
    }

    [Test]
    public void Compare_ThatFailsAfterClaimingANewExamplesFolder_LeavesNoFolder()
    {
        // The folder is created (and probed) before the comparison; a comparison that then fails must not leave it behind.
        var folder = Path.Combine(_dir, "never-written");
        var (exit, _, error) = Run("compare", "notice-2020", "no-such-policy", "--space", "--emit-examples", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput), error);
            Assert.That(Directory.Exists(folder), Is.False);
        }
    }

    [Test]
    public void Compare_ScenarioFiles_CountsFilesAndNamesThemInSplits()
    {
        var (exit, output, error) = Run("compare", "notice-2020", "notice-2023", "--scenarios", Fixtures.Scenarios, "--decision", "delay_release");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(output, Does.StartWith("Comparing notice-2020 and notice-2023 on 4 scenarios"));
            Assert.That(output, Does.Contain("delay_release: the policies differ on 1 of 4 cases"));
            Assert.That(output, Does.Contain("e.g. robbery-abroad-administrative-warrant"));
            Assert.That(output, Does.Not.Contain("notify_ice"));
        }
    }

    [TestCase("markdown", "# Comparing notice-2020 and notice-2023 over the scenario space", "| `notify_ice` | 12 | 3 | 75.0% |")]
    [TestCase("html", "<!DOCTYPE html>", "<table class=\"matrix\">")]
    public void Compare_OtherFormats_RenderTheSameFindings(string format, string start, string contains)
    {
        var (exit, output, _) = Run("compare", "notice-2020", "notice-2023", "--space", "--format", format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
            Assert.That(output, Does.StartWith(start));
            Assert.That(output, Does.Contain(contains));
            Assert.That(output, Does.Contain("required (booking, release)"));
        }
    }

    [Test]
    public void Compare_SameArgumentsTwice_ByteIdenticalOutput()
    {
        var first = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--format", "json").Out;
        var second = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--format", "json").Out;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Compare_ReferenceEngine_SameFindingsAsTheFastOne()
    {
        // The fixture policies, not the catalog: three catalog policies' joint space grew with the warrant facts until the
        // reference engine took most of an hour here; every catalog policy's own space is walked on both engines elsewhere (DelegateEngineTests).
        var fast = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--format", "json").Out;
        var reference = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--format", "json", "--engine", "nrules").Out;

        Assert.That(reference, Is.EqualTo(fast).And.Contains("\"splits\""));
    }

    [Test]
    public void Compare_Where_NarrowsTheSpaceAndSaysSo()
    {
        var (exit, output, _) = Run("compare", "notice-2020", "notice-2023", "--space", "--where", "charge.level=felony", "--where", "detainer.warrant=administrative");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
            Assert.That(output, Does.Contain("Narrowed to: charge.level=felony; detainer.warrant=administrative"));
        }
    }

    [Test]
    public void Compare_SixteenCatalogPoliciesOverTheSpace_RefusedWithTheSubjectItsSizeAndHowToNarrow()
    {
        // notify_ice over these sixteen spans some 104 million cases; eight of them (22 million) are compared.
        string[] sixteen =
        [
            "lvmpd-2023", "california", "chicago", "nyc", "texas-sb8", "colorado", "illinois", "florida",
            "harris-county", "denver", "new-jersey", "washington", "oregon", "connecticut", "north-carolina", "ice-detainer-request",
        ];

        var (exit, output, error) = CliRun.Run(_dir, catalog: true, ["compare", .. sixteen, "--space"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Match(@"`notify_ice` spans \d{9} cases, more than 24000000; narrow the space with --where"));
        }
    }

    [Test]
    public void Compare_SeventyPoliciesOverScenarioFiles_ComparesEveryOne()
    {
        // The catalog has 78 policies; a national comparison names them all (over scenario files: their space is far too large).
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "seventy")).FullName;
        var ids = Enumerable.Range(1, 70).Select(i => $"copy-{i:00}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var effect = i == ids.Count - 1 ? "{ value: forbidden }" : "{ value: required, limit: clock48 }";
            File.WriteAllText(Path.Combine(rules, id + ".yaml"), TestSupport.PolicyTemplate.Yaml(id, "Copy " + id, $$"""
                  - id: hold
                    when: detainer.form = I-247A
                    then:
                      delay_release: {{effect}}
                    because: the copy says so
                    cite: src
                """));
        }

        var scenario = Path.Combine(_dir, "seventy-held.yaml");
        File.WriteAllText(scenario, """
            id: held
            booked_at: 2025-01-17T09:30:00-08:00
            charges: [ { offense: theft, level: misdemeanor, category: theft } ]
            detainer: { form: I-247A, warrant: administrative }
            """);

        var (exit, output, error) = CliRun.Run(_dir, catalog: false, ["compare", .. ids, "--scenarios", scenario, "--decision", "delay_release", "--format", "json", "--rules", rules]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            using var json = JsonDocument.Parse(output);
            Assert.That(json.RootElement.GetProperty("policies").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(ids));
            var split = json.RootElement.GetProperty("subjects").EnumerateArray().Single().GetProperty("splits").EnumerateArray().Single();
            Assert.That(split.GetProperty("answers").EnumerateArray().Count(a => a.GetProperty("value").GetString() == "required"), Is.EqualTo(69));
        }
    }

    [TestCase(new[] { "compare", "notice-2020", "wider" }, ExitCodes.Usage, "give either --space or --scenarios")]
    [TestCase(new[] { "compare", "notice-2020", "wider", "--space", "--scenarios", "x" }, ExitCodes.Usage, "give either --space or --scenarios")]
    [TestCase(new[] { "compare", "notice-2020", "--space" }, ExitCodes.Usage, "")]
    [TestCase(new[] { "compare", "notice-2020", "wider", "--space", "--where", "charge.levle=felony" }, ExitCodes.Usage, "did you mean `charge.level`")]
    [TestCase(new[] { "compare", "notice-2020", "wider", "--space", "--decision", "notify" }, ExitCodes.Usage, "")]
    [TestCase(new[] { "compare", "notice-2020", "widerr", "--space" }, ExitCodes.InvalidInput, "did you mean `wider`")]
    [TestCase(new[] { "compare", "notice", "wider", "--space" }, ExitCodes.InvalidInput, "`notice` is a policy family")]
    public void Compare_BadRequest_ExitsWithTheDocumentedCodeAndSaysWhy(string[] args, int code, string message)
    {
        var (exit, _, error) = Run(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(code));
            Assert.That(error, Does.Contain(message));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public void Compare_FamilyAtADate_ComparesTheVersionInForce()
    {
        var (exit, output, error) = Run("compare", "notice", "notice-2023", "--space", "--at", "2024-03-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Comparing notice-2023#1 and notice-2023#2"));
        }
    }

    [Test]
    public void Compare_PolicyBoundByALawItContradicts_ReportsWhereTheLayersDisagree()
    {
        var rules = Path.Combine(_dir, "layered");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "county.yaml"), TestPolicies.Yaml("""
              - id: hold-on-detainer
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: the county honors detainers
                cite: src
            """).Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(rules, "state.yaml"), TestPolicies.Yaml("""
              - id: no-holds
                when: detainer.warrant != judicial
                then: { delay_release: forbidden }
                because: the state bans holds without a judge's warrant
                cite: src
            """).Replace("id: test-policy", "id: state", StringComparison.Ordinal));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = DetainerCli.Run(["compare", "county", "state", "--space", "--decision", "delay_release", "--rules", rules], output, error, _dir);

        var text = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error.ToString());
            Assert.That(text, Does.Contain("county under state: they disagree on delay_release"));
            Assert.That(text, Does.Contain("county (own rules): required (48 hours, excluding weekends and federal holidays); state, county (in force): forbidden"));
            Assert.That(text, Does.Contain("a detainer with no warrant or an administrative warrant"));
        }
    }

    [Test]
    public void Space_Policies_PrintsSizeDimensionsAndCasesPerDecision()
    {
        var (exit, output, _) = Run("space", "notice-2023", "--where", "person.foreign_born=yes");

        // One birthplace (narrowed) x 6 kinds of charge x 4 detainer classes x ICE there or not = 48;
        // see notice-2023.yaml for the charges and the detainer classes.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.StartWith("48 cases"));
            Assert.That(output, Does.Contain("narrowed to person.foreign_born=yes"));
            Assert.That(output, Does.Contain("charges: 6 classes"));
            Assert.That(output, Does.Contain("  notify_ice: 6 (charges)"));
        }
    }
}
