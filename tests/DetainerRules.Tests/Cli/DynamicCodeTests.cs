using System.Text.Json.Nodes;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// Short runs go without code generated at run time (<see cref="DynamicCode"/>): the program must answer exactly as
/// it does with it, both where the command line turns it off and where a run that needs it finds it off.
/// </summary>
/// <remarks>The switch is read once per process, so each case runs the built program in a process of its own and compares it with a run in this one, where code generation is on.</remarks>
[TestFixture]
public class DynamicCodeTests
{
    private static readonly string Scenario = Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml");

    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-dynamic-code-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [TestCase(false, "evaluate", "--policy", "lvmpd-2023", "s.yaml")]
    [TestCase(false, "evaluate", "-p", "lvmpd-2023", "--format", "json", "--explain", "s.yaml")]
    [TestCase(false, "evaluate", "--policy=lvmpd-2023", "s.yaml")]
    [TestCase(false, "list")]
    [TestCase(false, "show", "-p", "lvmpd-2023")]
    [TestCase(true, "evaluate", "-p", "lvmpd-2023", "--what-flips", "s.yaml")]
    [TestCase(true, "evaluate", "-p", "lvmpd-2023", "-p", "california", "s.yaml")]
    [TestCase(true, "evaluate", "--policy", "lvmpd-2023", "-pcalifornia", "s.yaml")]
    [TestCase(true, "evaluate", "--all", "s.yaml")]
    [TestCase(true, "evaluate", "@more-arguments.rsp")]
    [TestCase(true, "validate", "rules")]
    [TestCase(true, "batch", "-p", "nyc", "--input", "in.jsonl")]
    [TestCase(true, "serve")]
    [TestCase(true, "--help")]
    [TestCase(true)]
    public void IsNeeded_UnlessTheRunSurelyBuildsNoDelegateTwin(bool needed, params string[] args) =>
        Assert.That(DynamicCode.IsNeeded(args), Is.EqualTo(needed));

    [Test]
    public void EveryCommandButThoseNamed_KeepsIt()
    {
        foreach (var (name, _) in DetainerCli.Commands)
        {
            Assert.That(DynamicCode.IsNeeded([name]), Is.EqualTo(name is not ("evaluate" or "list" or "show")), name);
        }
    }

    /// <summary>The program as it starts, the switch set by its own command line (off for the first four, on for the rest).</summary>
    [TestCase("evaluate", "-p", "lvmpd-2023")]
    [TestCase("evaluate", "-p", "lvmpd-2023", "--format", "json", "--explain")]
    [TestCase("list")]
    [TestCase("show", "-p", "lvmpd-2023")]
    [TestCase("evaluate", "-p", "lvmpd-2023", "--what-flips")]
    [TestCase("evaluate", "-p", "lvmpd-2023", "-p", "california")]
    public void AProcessOfItsOwn_AnswersAsThisOneDoes(params string[] args)
    {
        string[] full = [.. args, .. args[0] == "evaluate" ? [Scenario] : Array.Empty<string>(), "--rules", Repository.Rules];
        Assert.That(CliProcess.Run(_dir, full), Is.EqualTo(CliRun.Run(_dir, false, full)));
    }

    /// <summary>The same on generated policies (every construct the generator writes: lists, named conditions, look-backs, decisions read by rules, priorities): the interpreted twin's flips against FastExpressionCompiler's, which the differential suites hold to the rule network.</summary>
    [TestCase(60, 500)]
    [TestCase(120, 7)]
    public void TwinWithoutCodeGeneration_OnAGeneratedPolicy_AnswersAsWithIt(int rules, int seed)
    {
        var config = Path.Combine(_dir, "without-dynamic-code.runtimeconfig.json");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.runtimeconfig.json")))!;
        json["runtimeOptions"]!["configProperties"]![DynamicCode.Switch] = false;
        File.WriteAllText(config, json.ToJsonString());
        var policy = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, $"seed-{seed}")).FullName, $"generated-{rules}.yaml");
        File.WriteAllText(policy, GeneratedPolicies.Yaml(rules, seed));

        string[] full = ["evaluate", "-p", policy, "--what-flips", "--format", "json", Scenario, "--rules", Repository.Rules];
        var inProcess = CliRun.Run(_dir, false, full);
        Assert.That(inProcess.Exit, Is.Zero, inProcess.Err);
        Assert.That(inProcess.Out, Does.Contain("generated-"), "the generated policy answered");
        Assert.That(CliProcess.Run(_dir, full, runtimeConfig: config), Is.EqualTo(inProcess));
    }

    /// <summary>The delegate twin with code generation turned off for the whole run, as a misjudged command line would leave it: FastExpressionCompiler cannot run, the framework's interpreter answers.</summary>
    [TestCase("evaluate", "-p", "lvmpd-2023", "--what-flips")]
    [TestCase("evaluate", "-p", "lvmpd-2023", "-p", "california")]
    [TestCase("validate")]
    public void TwinWithoutCodeGeneration_AnswersAsWithIt(params string[] args)
    {
        var config = Path.Combine(_dir, "without-dynamic-code.runtimeconfig.json");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.runtimeconfig.json")))!;
        json["runtimeOptions"]!["configProperties"]![DynamicCode.Switch] = false;
        File.WriteAllText(config, json.ToJsonString());

        string[] full = [.. args, args[0] == "evaluate" ? Scenario : Path.Combine(Repository.Rules, "lvmpd-2023.yaml"), "--rules", Repository.Rules];
        var inProcess = CliRun.Run(_dir, false, full);
        Assert.That(inProcess.Exit, Is.Zero, inProcess.Err);
        Assert.That(CliProcess.Run(_dir, full, runtimeConfig: config), Is.EqualTo(inProcess));
    }
}
