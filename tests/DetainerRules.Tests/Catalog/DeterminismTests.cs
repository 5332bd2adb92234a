using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Catalog;

[TestFixture]
public class DeterminismTests
{
    private static IEnumerable<TestCaseData> ShippedScenarios() =>
        Repository.ScenarioFiles().Select(f => new TestCaseData(f).SetName("YamlAndJson_" + Path.GetFileNameWithoutExtension(f)));

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Evaluate_ScenarioWrittenAsJson_SameOutputAsYaml(string path)
    {
        var fromYaml = ScenarioLoader.LoadFile(path);
        var fromJson = ScenarioLoader.Load(ScenarioJson.ToJson(fromYaml), "converted.json", "ignored");

        foreach (var policy in Repository.PolicyFiles().Select(Path.GetFileNameWithoutExtension))
        {
            var compiled = TestPolicies.ShippedPolicy(policy!);
            Assert.That(JsonReport.ToJson(compiled.Evaluate(fromJson)), Is.EqualTo(JsonReport.ToJson(compiled.Evaluate(fromYaml))), policy);
        }
    }

    [Test]
    public void Evaluate_PolicyCompiledTwice_ByteIdenticalOutput()
    {
        var path = Path.Combine(Repository.Rules, "lvmpd-2023.yaml");
        var first = DetainerRules.Engine.PolicyCompiler.Compile(PolicyLoader.LoadFile(path));
        var second = DetainerRules.Engine.PolicyCompiler.Compile(PolicyLoader.LoadFile(path));

        foreach (var scenario in Repository.ScenarioFiles().Select(f => ScenarioLoader.LoadFile(f)))
        {
            Assert.That(JsonReport.ToJson(second.Evaluate(scenario)), Is.EqualTo(JsonReport.ToJson(first.Evaluate(scenario))), scenario.Id);
        }
    }
}
