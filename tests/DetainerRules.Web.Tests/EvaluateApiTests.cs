using System.Net;
using System.Text;
using System.Text.Json;

namespace DetainerRules.Web.Tests;

/// <summary><c>POST /v1/evaluate</c>: the same bytes as <c>detainer evaluate --format json</c> on the same scenario and policy, and positioned problems for bad input.</summary>
[TestFixture]
public class EvaluateApiTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await Workbenches.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static Task<(HttpStatusCode Status, string Body)> Read(Task<HttpResponseMessage> call) => Responses.Read(call);

    private static JsonElement Json(string body) => Responses.Json(body);

    [TestCase("holding")]
    [TestCase("refusing")]
    [TestCase("fam")]
    public async Task OnePolicy_JsonBody_ByteForByteTheCommandLines(string policy)
    {
        var cli = _bench.Cli("evaluate", "-p", policy, "--format", "json", "scenarios/detained.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { policy } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
        }
    }

    [Test]
    public async Task OnePolicy_YamlBody_QueryOptions_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("evaluate", "-p", "holding", "--explain", "--format", "json", "scenarios/detained.yaml");
        var (status, body) = await Read(_bench.PostYaml("/v1/evaluate?policies=holding&explain=true", FixtureScenarios.Detained));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("decisions").GetProperty("delay_release").GetProperty("explanation").GetProperty("deciding")[0].GetProperty("rule").GetString(), Is.EqualTo("hold"));
        }
    }

    [Test]
    public async Task WhatFlips_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("evaluate", "-p", "refusing", "--what-flips", "--format", "json", "scenarios/detained.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { "refusing" }, what_flips = true }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).TryGetProperty("what_flips", out _), Is.True);
        }
    }

    [Test]
    public async Task SeveralPolicies_TheTableJson_ByteForByteTheCommandLines()
    {
        var cli = _bench.Cli("evaluate", "-p", "refusing", "-p", "holding", "-p", "fam", "--format", "json", "scenarios/early.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Early, policies = new[] { "refusing", "holding", "fam" } }));
        var columns = Json(body).GetProperty("policies").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(columns.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "refusing", "holding", "fam" }));
            Assert.That(columns[1].GetProperty("decisions").GetProperty("delay_release").GetProperty("value").GetString(), Is.EqualTo("required"));
            Assert.That(columns[2].GetProperty("in_force").GetBoolean(), Is.False, "no version of the fixture family was in force in 2019");
        }
    }

    [Test]
    public async Task At_PicksTheFamilyVersion_AsTheCommandLinesAt()
    {
        var cli = _bench.Cli("evaluate", "-p", "holding", "-p", "fam", "--at", "2021-05-01", "--format", "json", "scenarios/early.yaml");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Early, policies = new[] { "holding", "fam" }, at = "2021-05-01" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(cli.Out));
            Assert.That(Json(body).GetProperty("policies")[1].GetProperty("policy").GetString(), Is.EqualTo("fam-2020"));
        }
    }

    [Test]
    public async Task InlinePolicy_AnsweredBesideACatalogPolicy_ExtendingOneById()
    {
        var draft = """
            id: holding-draft
            extends: holding
            amendment: the draft declines detainers
            remove_rules: [hold]
            rules:
              - id: decline
                when: detainer.form = I-247A
                then:
                  delay_release: { value: forbidden }
                because: the draft declines detainers
                cite: src
            """;
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policy = draft, policies = new[] { "holding" } }));
        var columns = Json(body).GetProperty("policies").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(columns.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "holding-draft", "holding" }));
            Assert.That(columns.Select(c => c.GetProperty("decisions").GetProperty("delay_release").GetProperty("value").GetString()), Is.EqualTo(new[] { "forbidden", "required" }));
        }
    }

    [Test]
    public async Task InlinePolicy_ExtendingAPath_RefusedAtItsLine_BeforeAnythingIsRead()
    {
        var draft = "id: sneaky\nextends: ../../../../etc/passwd\namendment: reads a file\n";
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policy = draft }));
        var diagnostic = Json(body).GetProperty("diagnostics")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(diagnostic.GetProperty("file").GetString(), Is.EqualTo("policy"));
            Assert.That(diagnostic.GetProperty("line").GetInt32(), Is.EqualTo(2));
            Assert.That(diagnostic.GetProperty("column").GetInt32(), Is.EqualTo(10));
            Assert.That(diagnostic.GetProperty("code").GetString(), Is.EqualTo("DR205"));
            Assert.That(diagnostic.GetProperty("field").GetString(), Is.EqualTo("extends"));
            Assert.That(body, Does.Not.Contain("root:"), "nothing of the named file reaches the answer");
        }
    }

    [Test]
    public async Task BadScenarioYaml_ProblemDetails_WithTheCommandLinesDiagnostics()
    {
        var broken = FixtureScenarios.Detained.Replace("level: felony", "level: felonious", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_bench.Folder, "scenarios", "broken.txt"), broken);
        var cli = _bench.Cli("evaluate", "-p", "holding", "scenarios/broken.txt");
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = broken, policies = new[] { "holding" } }));
        var problem = Json(body);
        var d = problem.GetProperty("diagnostics")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("about:blank"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(problem.GetProperty("diagnostics").GetArrayLength(), Is.EqualTo(1));
            Assert.That(d.GetProperty("file").GetString(), Is.EqualTo("scenario"));
            Assert.That((d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()), Is.EqualTo((4, 39)));
            Assert.That(d.GetProperty("code").GetString(), Is.EqualTo("DR102"));
            Assert.That(d.GetProperty("field").GetString(), Is.EqualTo("charges[0].level"));

            // The same line the command line prints, but for the file's name.
            Assert.That(cli.Err.Trim(), Is.EqualTo($"scenarios/broken.txt:4:39: error DR102: charges[0].level: {d.GetProperty("message").GetString()}"));
        }
    }

    [Test]
    public async Task NotWellFormedRequestJson_PositionedSyntaxProblem()
    {
        using var content = new StringContent("{\n  \"scenario\": \"x\",\n  \"policies\": [\"holding\" \n}", Encoding.UTF8, "application/json");
        var (status, body) = await Read(_bench.Http.PostAsync("/v1/evaluate", content));
        var d = Json(body).GetProperty("diagnostics")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(d.GetProperty("file").GetString(), Is.EqualTo("request"));
            Assert.That(d.GetProperty("line").GetInt32(), Is.EqualTo(4));
            Assert.That(d.GetProperty("code").GetString(), Is.EqualTo("DR101"));
        }
    }

    [Test]
    public async Task UnknownField_RefusedWithTheFieldsAllowed()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policys = new[] { "holding" } }));
        var d = Json(body).GetProperty("diagnostics")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(d.GetProperty("code").GetString(), Is.EqualTo("DR102"));
            Assert.That(d.GetProperty("field").GetString(), Is.EqualTo("policys"));
            Assert.That(d.GetProperty("message").GetString(), Does.Contain("`policies`"));
        }
    }

    [Test]
    public async Task UnknownPolicy_404_NamingWhatWasSearched()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { "holdin" } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), body);
            Assert.That(Json(body).GetProperty("detail").GetString(), Does.Contain("no policy or policy family `holdin`").And.Contain("`holding`"));
        }
    }

    [TestCase("../rules/holding")]
    [TestCase("/etc/passwd")]
    [TestCase("rules/holding.yaml")]
    [TestCase("holding.yaml")]
    [TestCase("~/holding")]
    [TestCase("Holding")]
    public async Task PathLikePolicyName_Refused_NeverLookedUpAsAFile(string name)
    {
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { name } }));
        var d = Json(body).GetProperty("diagnostics")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(d.GetProperty("field").GetString(), Is.EqualTo("policies[0]"));
            Assert.That(d.GetProperty("message").GetString(), Does.Contain("is not a policy id"));
        }
    }

    [Test]
    public async Task AFileInTheServersWorkingFolderNamedLikeAnId_IsNotAPolicy()
    {
        // Without the id-only lookup, a name is first tried as a path from the working folder.
        var stray = Path.Combine(Environment.CurrentDirectory, "stray-fixture-policy");
        await File.WriteAllTextAsync(stray, FixturePolicies.Policy("stray-fixture-policy", "Stray", "  []"));
        try
        {
            var (status, _) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { "stray-fixture-policy" } }));
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        }
        finally
        {
            File.Delete(stray);
        }
    }

    [Test]
    public async Task ExplainUnderSeveralPolicies_Refused_AsOnTheCommandLine()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { "holding", "refusing" }, explain = true }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Json(body).GetProperty("detail").GetString(), Does.Contain("explain one policy"));
        }
    }

    [Test]
    public async Task NoPolicy_Refused()
    {
        var (status, body) = await Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained }));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
    }

    [Test]
    public async Task UnsupportedContentType_415()
    {
        using var content = new StringContent(FixtureScenarios.Detained, Encoding.UTF8, "text/plain");
        var (status, body) = await Read(_bench.Http.PostAsync("/v1/evaluate?policies=holding", content));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body);
            Assert.That(Json(body).GetProperty("status").GetInt32(), Is.EqualTo(415));
        }
    }
}
