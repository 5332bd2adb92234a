using System.Net;
using System.Text;
using System.Text.Json;
using DetainerRules.TestSupport;

namespace DetainerRules.Web.Tests;

/// <summary>The API's <c>timezone</c>: where the bookings are, for every policy that names no zone, as <c>--timezone</c> says it: the same bytes as the command line with the same zone, and a 400 naming the field for a zone the database does not know.</summary>
[TestFixture]
public class TimezoneApiTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await ZoneFixtures.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static Task<(HttpStatusCode Status, string Body)> Read(Task<HttpResponseMessage> call) => Responses.Read(call);

    private static JsonElement Json(string body) => Responses.Json(body);

    [TestCase("America/Los_Angeles", "required")]
    [TestCase("Asia/Tokyo", "unknown")]
    public async Task Evaluate_ByteForByteTheCommandLinesWithTheSameZone(string zone, string notify)
    {
        var cli = _bench.Cli("evaluate", "-p", "local-lookback", "--timezone", zone, "--format", "json", "scenarios/after-dark.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policies = new[] { "local-lookback" }, timezone = zone }));
        var (yamlStatus, yamlBody) = await Read(_bench.PostYaml($"/v1/evaluate?policies=local-lookback&timezone={Uri.EscapeDataString(zone)}", TwoZoneFixture.AfterDark));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(yamlStatus, Is.EqualTo(HttpStatusCode.OK), yamlBody);
            Assert.That(yamlBody, Is.EqualTo(cli.Out), "the zone from the query string, with a YAML body");
            Assert.That(Json(body).GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo(notify));
        }
    }

    [Test]
    public async Task Evaluate_Table_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("evaluate", "-p", "local-lookback", "-p", "holding", "--timezone", "America/Los_Angeles", "--format", "json", "scenarios/after-dark.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policies = new[] { "local-lookback", "holding" }, timezone = "America/Los_Angeles" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
        }
    }

    [Test]
    public async Task Evaluate_WithoutTimezone_TheWrittenOffsetsDay()
    {
        var cli = _bench.Cli("evaluate", "-p", "local-lookback", "--format", "json", "scenarios/after-dark.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policies = new[] { "local-lookback" } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo("unknown"), "written in UTC: 1 March");
        }
    }

    [Test]
    public async Task Evaluate_InlinePolicyNamingNoZone_PlacedAsTheSameTextInTheCatalog()
    {
        var (_, catalog) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policies = new[] { "local-lookback" }, timezone = "America/Los_Angeles" }));
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policy = TwoZoneFixture.LocalLookBack, timezone = "America/Los_Angeles" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(Json(body).GetProperty("decisions").GetProperty("notify_ice").GetRawText(), Is.EqualTo(Json(catalog).GetProperty("decisions").GetProperty("notify_ice").GetRawText()));
        }
    }

    [TestCase("America/Los_Angeles", false)]
    [TestCase("Asia/Tokyo", true)]
    public async Task Compare_ByteForByteTheCommandLinesWithTheSameZone(string zone, bool agree)
    {
        var cli = _bench.Cli("compare", "local-lookback", "refusing", "--scenarios", "scenarios/after-dark.yaml", "--decision", "notify_ice", "--timezone", zone, "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "local-lookback", "refusing" }, scenarios = new[] { TwoZoneFixture.AfterDark }, decisions = new[] { "notify_ice" }, timezone = zone }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("agree").GetBoolean(), Is.EqualTo(agree));
        }
    }

    [Test]
    public async Task Compare_Space_ByteForByteTheCommandLines()
    {
        // Kiritimati (UTC+14): the space is booked at noon UTC, already the next day there, so its look-back example moves with the zone.
        var cli = _bench.Cli("compare", "local-lookback", "refusing", "--space", "--timezone", "Pacific/Kiritimati", "--format", "json");
        var (status, body) = await Read(_bench.PostJson("/v1/compare", new { policies = new[] { "local-lookback", "refusing" }, space = true, timezone = "Pacific/Kiritimati" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(body, Does.Contain("2020-03-13"), "the example conviction five years before the Kiritimati day, 13 March 2025");
        }
    }

    [TestCase("/v1/evaluate", "{\"scenario\":\"booked_at: 2025-03-01T02:00:00Z\",\"policies\":[\"local-lookback\"],\"timezone\":\"Pacific/Atlantis\"}")]
    [TestCase("/v1/evaluate", "{\"scenario\":\"booked_at: 2025-03-01T02:00:00Z\",\"policies\":[\"local-lookback\"],\"timezone\":\"local\"}")]
    [TestCase("/v1/compare", "{\"policies\":[\"local-lookback\",\"refusing\"],\"space\":true,\"timezone\":\"Pacific/Atlantis\"}")]
    public async Task UnknownZone_Is400NamingTheField(string path, string json)
    {
        using var response = await _bench.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Json(body).GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("timezone"));
            Assert.That(Json(body).GetProperty("diagnostics")[0].GetProperty("message").GetString(), Does.Contain("is not an IANA time zone"));
        }
    }

    [Test]
    public async Task UnknownZone_InTheQueryString_Is400NamingTheField()
    {
        var (status, body) = await Read(_bench.PostYaml("/v1/evaluate?policies=local-lookback&timezone=Mars/Olympus", TwoZoneFixture.AfterDark));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Json(body).GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("timezone"));
        }
    }

    [Test]
    public async Task PolicyPage_RunsEachCaseInItsZone_AsDetainerTestDoes()
    {
        var (response, body, page) = await _bench.GetPage("/policies/local-lookback");
        var cli = _bench.Cli("test", Path.Combine(_bench.Folder, "tests", "expectations", "local-lookback.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("ul.cases > li .result").Select(r => r.TextContent.Trim()), Is.EqualTo(new[] { "passed", "passed" }));
            Assert.That(cli.Exit, Is.Zero, cli.Out + cli.Err);
        }
    }

    [Test]
    public async Task OpenApi_DescribesTimezoneOnEvaluateAndCompare()
    {
        using var response = await _bench.Http.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        var schemas = Json(text).GetProperty("components").GetProperty("schemas");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schemas.GetProperty("EvaluateRequest").GetProperty("properties").TryGetProperty("timezone", out _), Is.True);
            Assert.That(schemas.GetProperty("CompareRequest").GetProperty("properties").TryGetProperty("timezone", out _), Is.True);
        }
    }
}
