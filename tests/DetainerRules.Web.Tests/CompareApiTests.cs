using System.Net;
using System.Text;
using System.Text.Json;

namespace DetainerRules.Web.Tests;

/// <summary><c>POST /v1/compare</c>: the same bytes as <c>detainer compare --format json</c> on the same policies, and problems as the other endpoints give them.</summary>
/// <remarks>The fixture policies <c>holding</c> and <c>refusing</c> differ in one known region: <c>delay_release</c> when the detainer is an I-247A; they agree everywhere else.</remarks>
[TestFixture]
public class CompareApiTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();

        // A family no policy shares the name of (the fixture `fam` is also its current version's id, which a name without a date means).
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "pure-2020.yaml"),
            FixturePolicies.Policy("pure-2020", "Pure family, only version", "  []", "family: pure\neffective: { from: 2020-01-01 }"));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static Task<(HttpStatusCode Status, string Body)> Read(Task<HttpResponseMessage> call) => Responses.Read(call);

    private static JsonElement Json(string body) => Responses.Json(body);

    private static JsonElement Subject(JsonElement comparison, string name) =>
        comparison.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("subject").GetString() == name);

    [Test]
    public async Task Space_ByteForByteTheCommandLines_AndDiffersInTheKnownRegion()
    {
        var cli = _bench.Cli("compare", "holding", "refusing", "--space", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.EqualTo(3), cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
        }

        var json = Json(body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("agree").GetBoolean(), Is.False);
            Assert.That(Subject(json, "delay_release").GetProperty("differing").GetInt64(), Is.Positive);
            Assert.That(Subject(json, "notify_ice").GetProperty("differing").GetInt64(), Is.Zero);
        }
    }

    [Test]
    public async Task Summary_ByteForByteTheCommandLines_CountsWithoutRegions()
    {
        var cli = _bench.Cli("compare", "holding", "refusing", "--space", "--summary", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true, summary = true }));
        var (_, full) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.EqualTo(3), cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("summary").GetBoolean(), Is.True);
            Assert.That(Subject(Json(body), "delay_release").GetProperty("differing").GetInt64(), Is.EqualTo(Subject(Json(full), "delay_release").GetProperty("differing").GetInt64()).And.Positive);
            Assert.That(Subject(Json(body), "delay_release").GetProperty("splits")[0].GetProperty("regions").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task SummaryOfScenarios_Is400NamingSummary()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, summary = true, scenarios = new[] { "id: s\nbooked_at: 2025-03-12T10:00:00-07:00\n" } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Json(body).GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("summary"));
        }
    }

    [Test]
    public async Task Where_NarrowsAsTheCommandLines_OutsideTheRegionTheyAgree()
    {
        var cli = _bench.Cli("compare", "holding", "refusing", "--space", "--where", "detainer.form!=I-247A", "--decision", "delay_release", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new
        {
            policies = new[] { "holding", "refusing" },
            space = true,
            where = new Dictionary<string, object> { ["detainer.form"] = new { not = "I-247A" } },
            decisions = new[] { "delay_release" },
        }));
        var (_, whole) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true, decisions = new[] { "delay_release" } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("agree").GetBoolean(), Is.True);
            Assert.That(Json(whole).GetProperty("agree").GetBoolean(), Is.False);
            Assert.That(Subject(Json(body), "delay_release").GetProperty("cases").GetInt64(), Is.LessThan(Subject(Json(whole), "delay_release").GetProperty("cases").GetInt64()));
        }
    }

    [Test]
    public async Task Scenarios_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("compare", "holding", "refusing", "--scenarios", "scenarios/detained.yaml", "scenarios/early.yaml", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, scenarios = new[] { FixtureScenarios.Detained, FixtureScenarios.Early } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.EqualTo(3), cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("over").GetString(), Is.EqualTo("scenarios"));
        }
    }

    [Test]
    public async Task InlinePolicy_AnswersAsTheSameTextInTheCatalog()
    {
        var text = FixturePolicies.All.Single(p => p.Id == "refusing").Text;
        var (_, catalog) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true }));
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding" }, inline_policies = new[] { new { name = "draft", text } }, space = true }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(Subject(Json(body), "delay_release").GetProperty("differing").GetInt64(), Is.EqualTo(Subject(Json(catalog), "delay_release").GetProperty("differing").GetInt64()));
        }
    }

    [Test]
    public async Task FamilyAtADate_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("compare", "fam", "holding", "--space", "--at", "2021-05-01", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "fam", "holding" }, space = true, at = "2021-05-01" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("policies")[0].GetString(), Is.EqualTo("fam-2020"));
        }
    }

    [Test]
    public async Task UnknownPolicy_Is404Problem()
    {
        using var response = await _bench.PostJson("/v1/compare", new { policies = new[] { "holding", "no-such-policy" }, space = true });
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Json(body).GetProperty("detail").GetString(), Does.Contain("no-such-policy"));
        }
    }

    [Test]
    public async Task FamilyWithoutAt_Is400NamingAt_AsTheCommandLineRefusesIt()
    {
        var cli = _bench.Cli("compare", "pure", "holding", "--space", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "pure", "holding" }, space = true }));
        var (dated, _) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "pure", "holding" }, space = true, at = "2024-06-01" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.Not.Zero.And.Not.EqualTo(3));
            Assert.That(cli.Err, Does.Contain("`pure` is a policy family"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(dated, Is.EqualTo(HttpStatusCode.OK));
        }

        var diagnostic = Json(body).GetProperty("diagnostics")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.GetProperty("field").GetString(), Is.EqualTo("at"));
            Assert.That(diagnostic.GetProperty("message").GetString(), Does.Contain("`pure` is a policy family"));
        }
    }

    [TestCase("{\"policies\":[\"holding\"],\"space\":true}", "policies")]
    [TestCase("{\"policies\":[\"holding\",\"refusing\"]}", "space")]
    [TestCase("{\"policies\":[\"holding\",\"refusing\"],\"space\":true,\"where\":{\"charge.levle\":\"felony\"}}", "where")]
    [TestCase("{\"policies\":[\"holding\",\"refusing\"],\"space\":true,\"decisions\":[\"delay\"]}", "decisions[0]")]
    [TestCase("{\"policies\":[\"holding\",\"refusing\"],\"space\":true,\"at\":\"May 1\"}", "at")]
    public async Task BadRequest_Is400NamingTheField(string json, string field)
    {
        using var response = await _bench.Http.PostAsync("/v1/compare", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Json(body).GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo(field));
        }
    }

    [Test]
    public async Task OversizedBody_Is413()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "holding", "refusing" }, space = true, scenarios = new[] { new string('#', 1024 * 1024 + 1) } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), body);
            Assert.That(Json(body).GetProperty("detail").GetString(), Does.Contain("larger than the limit"));
        }
    }
}
