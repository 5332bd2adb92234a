using System.Net;
using System.Text.Json;

namespace DetainerRules.Web.Tests;

/// <summary><c>POST /v1/validate</c>: the findings <c>detainer validate --format json</c> gives for a file of the same text, the file named by the request's field.</summary>
[TestFixture]
public class ValidateApiTests
{
    private static readonly string BrokenPolicy = FixturePolicies.Policy("broken-draft", "A draft with a misspelt field and a bad condition", """
          - id: hold
            when: detainer.form = I-247Z
            then:
              delay_release: { value: required }
            becuase: a typo
            cite: src
        """);

    private static int LineOf(string text, string part) => Array.FindIndex(text.Split('\n'), l => l.Contains(part, StringComparison.Ordinal)) + 1;

    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await Workbenches.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static List<string> WithoutFile(JsonElement findings) =>
        [.. findings.EnumerateArray().Select(f => string.Join("|", f.EnumerateObject().Where(p => p.Name != "file").Select(p => $"{p.Name}={p.Value}")))];

    [Test]
    public async Task BrokenPolicy_TheCommandLinesFindings_EachWithLineAndColumn()
    {
        await File.WriteAllTextAsync(Path.Combine(_bench.Folder, "broken-draft.yaml"), BrokenPolicy);
        var cli = _bench.Cli("validate", "--format", "json", "broken-draft.yaml");
        using var response = await _bench.PostJson("/v1/validate", new { text = BrokenPolicy });
        var body = await response.Content.ReadAsStringAsync();
        var api = JsonDocument.Parse(body).RootElement;
        var expected = JsonDocument.Parse(cli.Out).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(api.GetProperty("errors").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(WithoutFile(api.GetProperty("findings")), Is.EqualTo(WithoutFile(expected.GetProperty("findings"))));
            Assert.That(api.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Distinct(), Is.EqualTo(new[] { "text" }));
            Assert.That(api.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("field").GetString() == "rules[0].becuase" && f.GetProperty("line").GetInt32() == LineOf(BrokenPolicy, "becuase")), Is.True, body);
        }
    }

    [Test]
    public async Task GoodScenario_NoFindings_AsYamlBody()
    {
        using var response = await _bench.PostYaml("/v1/validate", FixtureScenarios.Detained);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.GetProperty("files").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("errors").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("findings").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task NotYaml_ASyntaxFindingAtItsPlace()
    {
        using var response = await _bench.PostJson("/v1/validate", new { text = "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: x\n" });
        var finding = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("findings")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.GetProperty("code").GetString(), Is.EqualTo("DR101"));
            Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("text"));
            Assert.That(finding.GetProperty("line").GetInt32(), Is.GreaterThanOrEqualTo(2));
        }
    }
}
