using System.Net;
using System.Text.Json;

namespace DetainerRules.Web.Tests;

/// <summary><c>GET /v1/policies</c> and <c>GET /v1/policies/{id}</c> over a folder of fixture policies.</summary>
[TestFixture]
public class PolicyApiTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await Workbenches.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Json, string Type)> Get(string path)
    {
        using var response = await _bench.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }

    [Test]
    public async Task List_EveryPolicyById_WithFamilyVersionsDatesAndSources()
    {
        var (status, json, type) = await Get("/v1/policies");
        var policies = json.GetProperty("policies").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(type, Is.EqualTo("application/json"));
            Assert.That(policies.Keys, Is.EqualTo(new[] { "fam", "fam-2020", "holding", "refusing" }));
            Assert.That(policies["fam"].GetProperty("versions").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "fam-2020", "fam" }));
            Assert.That(policies["fam-2020"].GetProperty("effective_until").GetString(), Is.EqualTo("2023-12-31"));
            Assert.That(policies["holding"].GetProperty("versions").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "holding" }));
            Assert.That(policies["holding"].GetProperty("sources")[0].GetProperty("title").GetString(), Is.EqualTo("Test source"));
            Assert.That(policies["holding"].GetProperty("sources")[0].GetProperty("url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(policies["holding"].GetProperty("rules_count").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("problems").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task List_ABrokenFileIsAProblem_TheOthersAreListed()
    {
        var broken = Path.Combine(_bench.Rules, "broken.yaml");
        await File.WriteAllTextAsync(broken, "id: broken\ntitle: [unclosed\n");
        try
        {
            var (status, json, _) = await Get("/v1/policies");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(json.GetProperty("policies").GetArrayLength(), Is.EqualTo(4));
                Assert.That(json.GetProperty("problems")[0].GetProperty("code").GetString(), Is.EqualTo("DR101"));
                Assert.That(json.GetProperty("problems")[0].GetProperty("line").GetInt32(), Is.GreaterThan(0));
            }
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Test]
    public async Task One_ItsVersionsSourcesAndRules()
    {
        var (status, json, _) = await Get("/v1/policies/fam-2020");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.GetProperty("id").GetString(), Is.EqualTo("fam-2020"));
            Assert.That(json.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("id").GetString(), v.GetProperty("effective_from").GetString())),
                Is.EqualTo(new[] { ("fam-2020", "2020-01-01"), ("fam", "2024-01-01") }));
            Assert.That(json.GetProperty("sources")[0].GetProperty("citation").GetString(), Is.EqualTo("Test Code 1.1"));
        }

        var (_, holding, _) = await Get("/v1/policies/holding");
        var rule = holding.GetProperty("rules")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.GetProperty("id").GetString(), Is.EqualTo("hold"));
            Assert.That(rule.GetProperty("when").GetString(), Is.EqualTo("detainer.form = I-247A"));
            Assert.That(rule.GetProperty("because").GetString(), Is.EqualTo("detainers are honoured"));
        }
    }

    [Test]
    public async Task One_Unknown_404ProblemWithTheCatalogsMessage()
    {
        var (status, json, type) = await Get("/v1/policies/holdng");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(type, Is.EqualTo("application/problem+json"));
            Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo(404));
            Assert.That(json.GetProperty("diagnostics")[0].GetProperty("message").GetString(), Does.Contain("no policy or policy family `holdng`").And.Contain("did you mean `holding`"));
        }
    }

    [TestCase("..%2Frules%2Fholding")]
    [TestCase("%2Fetc%2Fpasswd")]
    [TestCase("holding.yaml")]
    [TestCase("a..b")]
    public async Task One_PathLikeId_Refused(string id)
    {
        var (status, json, _) = await Get("/v1/policies/" + id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(json.GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("id"));
            Assert.That(json.GetProperty("detail").GetString(), Does.Contain("is not a policy id"));
        }
    }
}
