using System.Text.Json;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Expectations;
using DetainerRules.Yaml.Formats;
using Json.Schema;

namespace DetainerRules.Tests.Formats;

/// <summary>The published JSON Schemas: generated from the formats the loaders read by, referenced by every shipped file, and as strict as the loaders.</summary>
[TestFixture]
public class SchemaTests
{
    private static readonly string SchemaFolder = Path.Combine(Repository.Rules, "schema");

    // Built once each: the library registers a schema under its $id and refuses a second.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static IEnumerable<TestCaseData> ShippedFiles()
    {
        IEnumerable<(string Path, string Format)> files =
        [
            .. Directory.GetFiles(Repository.Rules, "*.yaml").Select(f => (f, "policy")),
            .. Directory.GetFiles(Path.Combine(Repository.Rules, "variants"), "*.yaml").Select(f => (f, "policy")),
            .. Repository.ScenarioFiles().Select(f => (f, "scenario")),
            .. Directory.GetFiles(Repository.Expectations, "*.yaml").Select(f => (f, "expectations")),
            .. Directory.GetFiles(Path.Combine(Repository.Rules, "agencies"), "*.yaml").Select(f => (f, "agencies")),
            .. Directory.GetFiles(Path.Combine(Repository.Root, "seeds", "maps"), "*.yaml").Select(f => (f, "map")),
        ];
        return files.Order().Select(f => new TestCaseData(f.Path, f.Format).SetName($"Shipped_{f.Format}_{Path.GetFileName(f.Path)}"));
    }

    private static bool Valid(string format, string yaml, string file = "case.yaml")
    {
        var schema = Schemas.GetOrAdd(format, f => JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, f + ".schema.json"))));
        using var json = JsonDocument.Parse(YamlJson.ToJson(yaml, file));
        return schema.Evaluate(json.RootElement).IsValid;
    }

    [TestCase("policy")]
    [TestCase("scenario")]
    [TestCase("expectations")]
    [TestCase("agencies")]
    [TestCase("map")]
    public void ShippedSchema_IsWhatTheToolGenerates(string format) =>
        Assert.That(File.ReadAllText(Path.Combine(SchemaFolder, format + ".schema.json")), Is.EqualTo(JsonSchemaWriter.Write(format)),
            $"regenerate with: detainer schema {format} > rules/schema/{format}.schema.json");

    [TestCaseSource(nameof(ShippedFiles))]
    public void ShippedFile_PointsEditorsAtItsSchemaAndValidates(string path, string format)
    {
        var text = File.ReadAllText(path);
        var modeline = text.Split('\n')[0];
        const string prefix = "# yaml-language-server: $schema=";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(modeline, Does.StartWith(prefix));
            Assert.That(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modeline[prefix.Length..])), Is.EqualTo(Path.Combine(SchemaFolder, format + ".schema.json")));
            Assert.That(Valid(format, text, path), Is.True);
        }
    }

    private const string GoodScenario = """
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        """;

    [TestCase("charges: [ { offense: robbery, level: felony, category: robbery } ]", "charges: [ { offense: robbery, level: felonyy, category: robbery } ]", TestName = "Scenario_WordOutsideTheVocabulary")]
    [TestCase("person: { foreign_born: true, citizenship: noncitizen }", "person: { foreign_born: true, colour: red }", TestName = "Scenario_UnknownKey")]
    [TestCase("person: { foreign_born: true, citizenship: noncitizen }", "person: { foreign_born: yes please }", TestName = "Scenario_WrongType")]
    [TestCase("booked_at: 2025-01-17T09:30:00-08:00\n", "", TestName = "Scenario_MissingRequiredField")]
    [TestCase("booked_at: 2025-01-17T09:30:00-08:00", "booked_at: 2025-01-17T09:30:00", TestName = "Scenario_TimestampWithoutOffset")]
    [TestCase("charges: [ { offense: robbery, level: felony, category: robbery } ]", "charges: []", TestName = "Scenario_NoCharge")]
    [TestCase("detainer: { form: I-247A, warrant: administrative }", "detainer: { form: I-247A }", TestName = "Scenario_DetainerWithoutWarrant")]
    public void Schema_BadScenarioTheLoaderRejects_IsRejectedToo(string good, string bad)
    {
        var text = GoodScenario.Replace(good, bad, StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(GoodScenario), "the test must change the scenario");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Valid("scenario", GoodScenario), Is.True, "the unchanged scenario is valid");
            Assert.That(() => ScenarioLoader.Load(text, "case.yaml", "case"), Throws.InstanceOf<InvalidInputException>());
            Assert.That(Valid("scenario", text), Is.False);
        }
    }

    [TestCase("priority: 5", "priority: high", TestName = "Policy_PriorityNotANumber")]
    [TestCase("id: notify", "id: Notify_ICE", TestName = "Policy_RuleIdPattern")]
    [TestCase("notify_ice: { value: required, at: [booking] }", "notify_ice: { value: required, at: [arrest] }", TestName = "Policy_NotificationPointOutsideTheVocabulary")]
    [TestCase("notify_ice: { value: required, at: [booking] }", "notify_iec: required", TestName = "Policy_UnknownDecision")]
    [TestCase("    because: felonies are reported\n", "", TestName = "Policy_RuleWithoutBecause")]
    [TestCase("  assist_civil_enforcement: { value: unknown, because: silent }\n", "", TestName = "Policy_MissingDefault")]
    [TestCase("jurisdiction: Test\n", "jurisdiction: Test\ncolour: red\n", TestName = "Policy_UnknownTopLevelKey")]
    public void Schema_BadPolicyTheLoaderRejects_IsRejectedToo(string good, string bad)
    {
        var goodText = TestPolicies.Yaml("""
              - id: notify
                when: any charge(level = felony)
                then:
                  notify_ice: { value: required, at: [booking] }
                priority: 5
                because: felonies are reported
                cite: src
            """);
        var text = goodText.Replace(good, bad, StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(goodText), "the test must change the policy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Valid("policy", goodText), Is.True, "the unchanged policy is valid");
            Assert.That(() => PolicyLoader.Load(text, "case.yaml"), Throws.InstanceOf<InvalidInputException>());
            Assert.That(Valid("policy", text), Is.False);
        }
    }

    [Test]
    public void Schema_VariantWithoutAmendment_IsRejectedLikeTheLoaderDoes()
    {
        var dir = Directory.CreateTempSubdirectory("detainer-schema-").FullName;
        File.Copy(Path.Combine(Repository.Rules, "lvmpd-2019.yaml"), Path.Combine(dir, "lvmpd-2019.yaml"));
        const string variant = "id: v\nextends: lvmpd-2019\nrules: []\n";
        try
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => PolicyLoader.Load(variant, Path.Combine(dir, "v.yaml")), Throws.InstanceOf<InvalidInputException>());
                Assert.That(Valid("policy", variant), Is.False);
                Assert.That(Valid("policy", variant + "amendment: adds nothing\n"), Is.True);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Schema_ExpectationWithAnUnknownDecision_IsRejectedLikeTheLoaderDoes()
    {
        const string text = "policy: nyc\ncases:\n  - scenario: x\n    because: y\n    expect: { notify_iec: unknown }\n";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ExpectationLoader.Load(text, "case.yaml"), Throws.InstanceOf<InvalidInputException>());
            Assert.That(Valid("expectations", text), Is.False);
        }
    }
}
