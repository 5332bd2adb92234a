using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// Every input the fuzzer (or a review during fuzzing) found breaking the loaders' contract, kept
/// as a regression test: it must now load, or be refused with positioned errors; what loads must
/// compile and evaluate failing only as the engines document.
/// </summary>
[TestFixture]
public class FuzzFindingTests
{
    private static string Findings => Path.Combine(Repository.Root, "tests", "DetainerRules.Fuzz", "findings");

    private static IEnumerable<TestCaseData> Inputs(string target) =>
        Directory.GetFiles(Path.Combine(Findings, target)).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName($"{target}: {Path.GetFileNameWithoutExtension(f)}"));

    private static IEnumerable<TestCaseData> PolicyInputs() => Inputs("policy");

    private static IEnumerable<TestCaseData> ScenarioInputs() => Inputs("scenario");

    [TestCaseSource(nameof(PolicyInputs))]
    public void PolicyFinding_IsRefusedWithPositionsOrRunsCleanly(string path)
    {
        try
        {
            // Named as a file beside the catalog, so an `extends` finds the shipped bases.
            var policy = PolicyLoader.Load(File.ReadAllText(path), Path.Combine(Repository.Rules, "fuzz-input.yaml"));
            var network = PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside);
            var fast = DelegatePolicy.From(network);
            foreach (var scenario in Repository.ScenarioFiles().Select(f => ScenarioLoader.LoadFile(f)))
            {
                Assert.That(fast.Evaluate(scenario).Decisions, Has.Count.EqualTo(8));
            }
        }
        catch (InvalidInputException e)
        {
            AssertPositioned(e);
        }
        catch (EvaluationException)
        {
            // Documented failure, reported as one message.
        }
    }

    [TestCaseSource(nameof(ScenarioInputs))]
    public void ScenarioFinding_IsRefusedWithPositionsOrEvaluatesCleanly(string path)
    {
        try
        {
            var scenario = ScenarioLoader.Load(File.ReadAllText(path), "fuzz-input.yaml", "fuzz");
            foreach (var id in TestPolicies.CatalogIds())
            {
                Assert.That(TestPolicies.ShippedDelegate(id).Evaluate(scenario).Decisions, Has.Count.EqualTo(8));
                Assert.That(TestPolicies.ShippedPolicy(id).Evaluate(scenario).Decisions, Has.Count.EqualTo(8));
            }
        }
        catch (InvalidInputException e)
        {
            AssertPositioned(e);
        }
    }

    private static void AssertPositioned(InvalidInputException e)
    {
        Assert.That(e.Diagnostics, Is.Not.Empty, "a refusal says why");
        Assert.That(e.Diagnostics.Select(d => (d.Span.Line, d.Span.Column)), Has.All.Matches<(long Line, long Column)>(p => p.Line >= 1 && p.Column >= 1), "every error has a position");
    }
}
