using System.Text.Json.Nodes;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// The runtime settings the tool ships with are measured choices (tests/DetainerRules.Benchmarks/README.md, "Dynamic
/// PGO"): the built program's runtime config must carry them, since a missing property silently restores the default.
/// </summary>
[TestFixture]
public class RuntimeConfigTests
{
    private static JsonNode ConfigProperties()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.runtimeconfig.json");
        return JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;
    }

    [Test]
    public void DynamicPgo_IsOff() =>
        Assert.That(ConfigProperties()["System.Runtime.TieredPGO"]?.GetValue<bool>(), Is.False);

    [Test]
    public void InvariantGlobalization_IsOn() =>
        Assert.That(ConfigProperties()["System.Globalization.Invariant"]?.GetValue<bool>(), Is.True);
}
