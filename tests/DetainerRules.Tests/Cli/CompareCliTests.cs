using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer compare</c> and <c>detainer space</c> on the shipped catalog, as a user runs them.</summary>
[TestFixture]
public class CompareCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-compare-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "copy"));
        // nyc is the newest of a chain of variants (nyc-2014 -> nyc-2015 -> nyc-2018 -> nyc); the copy needs the chain beside it.
        foreach (var id in new[] { "nyc-2014", "nyc-2015", "nyc-2018", "nyc" })
        {
            File.Copy(Path.Combine(Repository.Rules, id + ".yaml"), Path.Combine(_dir, "copy", id + ".yaml"));
        }
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: true, args);

    [Test]
    public void Compare_PoliciesThatDiffer_SummarisesEachDecisionAndExitsThree()
    {
        var (exit, output, error) = Run("compare", "lvmpd-2019", "lvmpd-2023", "--space");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(output, Does.StartWith("Comparing lvmpd-2019 and lvmpd-2023 over the scenario space"));
            Assert.That(output, Does.Contain("notify_ice: the policies differ on 3 of 12 cases"));
            Assert.That(output, Does.Contain("lvmpd-2019: unknown; lvmpd-2023: required (booking, release): 3 cases"));
            Assert.That(output, Does.Contain("- born abroad; a charge of domestic violence or DUI (2; e.g. notify_ice-1-1)"));
            Assert.That(output, Does.Contain("delay_release: the policies differ on 1 of 3 cases"));
        }
    }

    [Test]
    public void Compare_PolicyAndItsCopy_AgreeAndExitZero()
    {
        var (exit, output, error) = Run("compare", "nyc", "copy/nyc.yaml", "--space");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Comparing nyc#1 and nyc#2"), "the same id twice is told apart by position");
            Assert.That(output, Does.Not.Contain("differ on"));
        }
    }

    [Test]
    public void Compare_Json_HasEverySubjectSplitAndRegionWithAnExample()
    {
        var (exit, output, _) = Run("compare", "california", "nyc", "--space", "--format", "json");
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
        var (exit, output, _) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--format", "json", "--emit-examples", folder);
        using var json = JsonDocument.Parse(output);
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var regions = json.RootElement.GetProperty("subjects").EnumerateArray().Sum(s => s.GetProperty("splits").EnumerateArray().Sum(p => p.GetProperty("regions").GetArrayLength()));

        Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
        Assert.That(files, Has.Count.EqualTo(regions));
        foreach (var subject in json.RootElement.GetProperty("subjects").EnumerateArray().Where(s => s.GetProperty("subject").GetString() != "outcome"))
        {
            var name = subject.GetProperty("subject").GetString()!;
            var splits = subject.GetProperty("splits").EnumerateArray().ToList();
            for (var s = 0; s < splits.Count; s++)
            {
                var expected = splits[s].GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
                var file = Path.Combine(folder, $"{name}-{s + 1}-1.json");
                var scenario = ScenarioLoader.LoadFile(file);
                var actual = new[] { "lvmpd-2023", "lvmpd-2025-06" }
                    .Select(id => DetainerRules.Model.Vocabulary.Word(TestPolicies.ShippedPolicy(id).Evaluate(scenario)[DetainerRules.Model.Vocabulary.TryParse<DetainerRules.Model.Decisions.DecisionKind>(name, out var k) ? k : default].Value))
                    .ToList();
                Assert.That(actual, Is.EqualTo(expected), file);
            }
        }
    }

    [Test]
    public void Compare_ScenarioFiles_CountsFilesAndNamesThemInSplits()
    {
        var (exit, output, error) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--scenarios", Repository.Scenarios, "--decision", "delay_release");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(output, Does.StartWith($"Comparing lvmpd-2023 and lvmpd-2025-06 on {Repository.ScenarioFiles().Count()} scenarios"));
            Assert.That(output, Does.Contain("e.g. "));
            Assert.That(output, Does.Not.Contain("notify_ice"));
        }
    }

    [TestCase("markdown", "# Comparing lvmpd-2019 and lvmpd-2023 over the scenario space", "| `notify_ice` | 12 | 3 | 75.0% |")]
    [TestCase("html", "<!DOCTYPE html>", "<table class=\"matrix\">")]
    public void Compare_OtherFormats_RenderTheSameFindings(string format, string start, string contains)
    {
        var (exit, output, _) = Run("compare", "lvmpd-2019", "lvmpd-2023", "--space", "--format", format);

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
        var first = Run("compare", "california", "stockton", "nyc", "--space", "--format", "json").Out;
        var second = Run("compare", "california", "stockton", "nyc", "--space", "--format", "json").Out;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Compare_ReferenceEngine_SameFindingsAsTheFastOne()
    {
        var fast = Run("compare", "california", "nyc", "--space", "--format", "json").Out;
        var reference = Run("compare", "california", "nyc", "--space", "--format", "json", "--engine", "nrules").Out;

        Assert.That(reference, Is.EqualTo(fast));
    }

    [Test]
    public void Compare_Where_NarrowsTheSpaceAndSaysSo()
    {
        var (exit, output, _) = Run("compare", "lvmpd-2023", "lvmpd-2025-06", "--space", "--where", "charge.level=felony", "--where", "detainer.warrant=administrative");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer));
            Assert.That(output, Does.Contain("Narrowed to: charge.level=felony; detainer.warrant=administrative"));
        }
    }

    [TestCase(new[] { "compare", "nyc", "chicago" }, ExitCodes.Usage, "give either --space or --scenarios")]
    [TestCase(new[] { "compare", "nyc", "chicago", "--space", "--scenarios", "x" }, ExitCodes.Usage, "give either --space or --scenarios")]
    [TestCase(new[] { "compare", "nyc", "--space" }, ExitCodes.Usage, "")]
    [TestCase(new[] { "compare", "nyc", "chicago", "--space", "--where", "charge.levle=felony" }, ExitCodes.Usage, "did you mean `charge.level`")]
    [TestCase(new[] { "compare", "nyc", "chicago", "--space", "--decision", "notify" }, ExitCodes.Usage, "")]
    [TestCase(new[] { "compare", "nyc", "chicagoo", "--space" }, ExitCodes.InvalidInput, "did you mean `chicago`")]
    [TestCase(new[] { "compare", "lvmpd", "nyc", "--space" }, ExitCodes.InvalidInput, "`lvmpd` is a policy family")]
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
        var (exit, output, error) = Run("compare", "lvmpd", "lvmpd-2025-01", "--space", "--at", "2025-03-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Comparing lvmpd-2025-01#1 and lvmpd-2025-01#2"));
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
            Assert.That(text, Does.Contain("a detainer of any form with no warrant or an administrative warrant"));
        }
    }

    [Test]
    public void Space_Policies_PrintsSizeDimensionsAndCasesPerDecision()
    {
        var (exit, output, _) = Run("space", "lvmpd-2023", "--where", "person.foreign_born=yes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.StartWith("36 cases"));
            Assert.That(output, Does.Contain("narrowed to person.foreign_born=yes"));
            Assert.That(output, Does.Contain("charges: 6 classes"));
            Assert.That(output, Does.Contain("  notify_ice: 6 (charges)"));
        }
    }
}
