using DetainerRules.Cli;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// The catalog from anywhere: run from a folder outside the repository, every command finds a
/// draft in a folder of its own, and the catalog policy it extends, through the one lookup
/// (<c>--rules</c>, repeatable; <c>DETAINER_RULES</c>; the shipped catalog beside the program).
/// </summary>
[TestFixture]
public class CatalogReachTests
{
    // A draft of a catalog policy that changes one default; what it sets is the draft's own, not a legal fact.
    private const string Draft = """
        id: draft
        extends: lvmpd-2023
        amendment: a test draft in which officers must ask about status
        sources:
          - { id: draft-note, title: The draft's own note, citation: none }
        defaults:
          ask_immigration_status: { value: required, because: the draft says so, cite: draft-note }
        """;

    private const string Expectations = """
        policy: draft
        cases:
          - scenario: scenarios/booking.yaml
            because: the draft's own default
            expect:
              ask_immigration_status: required
        """;

    private string _dir = null!;

    [SetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-anywhere-").FullName;
        Assume.That(_dir, Does.Not.StartWith(Repository.Root), "the folder is outside the repository");
        Directory.CreateDirectory(Path.Combine(_dir, "drafts"));
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        Directory.CreateDirectory(Path.Combine(_dir, "scenarios"));
        File.WriteAllText(Path.Combine(_dir, "drafts", "draft.yaml"), Draft);
        File.Copy(Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"), Path.Combine(_dir, "scenarios", "booking.yaml"));
        File.WriteAllText(Path.Combine(_dir, "expect.yaml"), Expectations);
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private static string Shipped(string id) => Path.Combine(TestContext.CurrentContext.TestDirectory, "rules", id + ".yaml");

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    [Test]
    public void Evaluate_ADraftFileOutsideTheRepository_ExtendsTheShippedCatalogsPolicy()
    {
        var (exit, output, error) = Run("evaluate", "-p", "drafts/draft.yaml", "scenarios/booking.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain($"  Built on: {Shipped("lvmpd-2019")} -> {Shipped("lvmpd-2023")}\n"));
            Assert.That(output, Does.Contain("Ask about immigration status [required]"));
        }
    }

    /// <summary>Every command that takes <c>--rules</c> takes it again and again, and finds the draft by id in the second folder and its base in the shipped catalog.</summary>
    [TestCase("evaluate", "-p", "draft", "scenarios/booking.yaml")]
    [TestCase("show", "--policy", "draft")]
    [TestCase("graph", "--policy", "draft")]
    [TestCase("space", "draft")]
    [TestCase("compare", "draft", "lvmpd-2023", "--space", "--decision", "notify_ice")]
    [TestCase("validate", "drafts/draft.yaml")]
    [TestCase("test", "expect.yaml")]
    [TestCase("table", "--questions", "QUESTIONS", "-p", "draft")]
    [TestCase("batch", "-p", "draft", "--input", "scenarios", "--output", "out.jsonl")]
    [TestCase("list")]
    [TestCase("coverage")]
    public void Command_RepeatedRules_FindsADraftBesideNoCatalogAndItsBaseInTheShippedOne(params string[] args)
    {
        var questions = Path.Combine(Repository.Root, "seeds", "core-questions.yaml");
        var (exit, output, error) = Run([.. args.Select(a => a == "QUESTIONS" ? questions : a), "--rules", "empty", "--rules", "drafts"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(error, Does.Not.Contain("DR202"));
            if (args[0] is "list" or "coverage")
            {
                Assert.That(output, Does.Contain("draft").And.Contain("lvmpd-2023"), "the catalog is every place's policies");
            }
        }
    }

    [Test]
    public void Evaluate_DraftById_WithoutItsFolder_IsNotFoundAndEveryPlaceSearchedIsNamed()
    {
        var (exit, _, error) = Run("evaluate", "-p", "draft", "--rules", "empty", "scenarios/booking.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain($"no policy or policy family `draft` (searched --rules ({Path.Combine(_dir, "empty")}), the shipped catalog ({Path.GetDirectoryName(Shipped("x"))}))"));
        }
    }

    [Test]
    public void Evaluate_RulesVariable_PutsItsFoldersAfterRulesAndBeforeTheShippedCatalog()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "mine"));
        File.WriteAllText(Path.Combine(_dir, "mine", "draft.yaml"), Draft);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variable = string.Join(Path.PathSeparator, "empty", "drafts");

        var fromVariable = DetainerCli.Run(["evaluate", "-p", "draft", "scenarios/booking.yaml"], output, error, _dir, rulesVariable: variable);
        using var output2 = new StringWriter();
        var fromRules = DetainerCli.Run(["evaluate", "-p", "draft", "scenarios/booking.yaml", "--rules", "mine"], output2, error, _dir, rulesVariable: variable);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromVariable, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(output.ToString(), Does.Contain($"  File: {Path.Combine(_dir, "drafts", "draft.yaml")}\n"));
            Assert.That(fromRules, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(output2.ToString(), Does.Contain($"  File: {Path.Combine(_dir, "mine", "draft.yaml")}\n"), "--rules comes before DETAINER_RULES");
        }
    }

    [Test]
    public void Process_ReadsTheRulesVariableFromItsEnvironment()
    {
        var variable = string.Join(Path.PathSeparator, Path.Combine(_dir, "empty"), Path.Combine(_dir, "drafts"));

        var (exit, output, error) = CliProcess.Run(_dir, new Dictionary<string, string?> { [CatalogSearchPath.Variable] = variable }, "evaluate", "-p", "draft", "scenarios/booking.yaml");
        var (without, _, notFound) = CliProcess.Run(_dir, "evaluate", "-p", "draft", "scenarios/booking.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain($"  File: {Path.Combine(_dir, "drafts", "draft.yaml")}\n"));
            Assert.That(without, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(notFound, Does.Contain("no policy or policy family `draft`"));
        }
    }

    [TestCase("--rules", "list", "--rules", "nowhere")]
    [TestCase(CatalogSearchPath.Variable, "list")]
    public void AFolderThatDoesNotExist_IsAUsageErrorNamingWhereItWasGiven(string origin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = DetainerCli.Run(args, output, error, _dir, rulesVariable: origin == "--rules" ? null : "nowhere");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error.ToString(), Is.EqualTo($"detainer: {origin}: `nowhere` is not a folder\n"));
        }
    }

    [Test]
    public void Help_OfEveryCommandWithRules_PointsToTheOneDescriptionOfTheLookup()
    {
        string[] commands = ["evaluate", "list", "coverage", "table", "show", "compare", "space", "test", "validate", "graph", "batch"];
        foreach (var command in commands)
        {
            var (_, output, _) = Run(command, "--help");
            Assert.That(output, Does.Contain("--rules <DIR>").And.Contain("README: \"Where policies are found\""), command);
        }
    }
}
