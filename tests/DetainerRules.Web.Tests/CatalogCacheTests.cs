using System.Net;
using DetainerRules.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace DetainerRules.Web.Tests;

/// <summary>
/// The catalog kept across requests (<see cref="CatalogLookup"/>, <see cref="CatalogSnapshot"/>): answers byte for byte the first
/// request's and the command line's, each policy compiled once, and an edit to a file, a file broken and fixed, a file added,
/// each seen by the very next request; concurrent requests answer as sequential ones, and texts a request brings are never kept.
/// </summary>
[TestFixture]
public class CatalogCacheTests
{
    private Workbenches _bench = null!;

    [SetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();
        Assume.That(Lookup.IsShared, Is.True, "the catalog is kept only where its folders can be watched (Linux)");
    }

    // The app's own, disposed with it.
    private CatalogLookup Lookup => _bench.Services.GetRequiredService<CatalogLookup>();

    [TearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    [Test]
    public async Task RepeatedEvaluations_TheFirstAnswersBytes_AndTheCommandLines_CompiledOnce()
    {
        var cli = _bench.Cli("evaluate", "-p", "holding", "--format", "json", "scenarios/detained.yaml");
        var first = await Evaluate("holding");
        var before = Lookup.Compilations;
        for (var i = 0; i < 20; i++)
        {
            Assert.That(await Evaluate("holding"), Is.EqualTo(first));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo((HttpStatusCode.OK, cli.Out)));
            Assert.That(Lookup.Compilations, Is.EqualTo(before), "the policy compiled for the first request answers the next twenty");
            Assert.That(Lookup.Snapshots, Is.EqualTo(1), "nothing changed, so the catalog was read once");
        }
    }

    [Test]
    public async Task EditedFile_TheNextRequestAnswersTheEdit()
    {
        var path = Path.Combine(_bench.Rules, "holding.yaml");
        var text = await File.ReadAllTextAsync(path);
        var before = await Evaluate("holding");

        // The same length, written at once: a check of length and time alone could take it for the file it was.
        var edited = text.Replace("limit: clock48 }", "limit: h48     }", StringComparison.Ordinal);
        Assert.That(edited, Has.Length.EqualTo(text.Length).And.Not.EqualTo(text));
        await File.WriteAllTextAsync(path, edited);
        var after = await Evaluate("holding");
        var cli = _bench.Cli("evaluate", "-p", "holding", "--format", "json", "scenarios/detained.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.Not.EqualTo(before));
            Assert.That(after, Is.EqualTo((HttpStatusCode.OK, cli.Out)));
        }
    }

    [Test]
    public async Task FileBrokenBetweenRequests_ItsDiagnostics_FixedAgain_Answers()
    {
        var path = Path.Combine(_bench.Rules, "refusing.yaml");
        var text = await File.ReadAllTextAsync(path);
        var first = await Evaluate("refusing");

        await File.WriteAllTextAsync(path, text.Replace("when: detainer.form = I-247A", "when: detainer.form = = I-247A", StringComparison.Ordinal));
        var broken = await Evaluate("refusing");
        var cli = _bench.Cli("validate", path);

        await File.WriteAllTextAsync(path, text);
        var fixedAgain = await Evaluate("refusing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(broken.Status, Is.EqualTo(HttpStatusCode.BadRequest), broken.Body);
            Assert.That(cli.Exit, Is.Not.Zero);
            Assert.That(Responses.Json(broken.Body).GetProperty("diagnostics")[0].GetProperty("line").GetInt32(), Is.EqualTo(Line(text, "when: detainer.form")), "the problem at the broken condition's line");
            Assert.That(Responses.Json(broken.Body).GetProperty("diagnostics")[0].GetProperty("code").GetString(), Is.EqualTo(CodeIn(cli.Out)));
            Assert.That(fixedAgain, Is.EqualTo(first));
        }
    }

    [Test]
    public async Task FileAdded_ItsIdAnswersTheNextRequest()
    {
        Assert.That((await Evaluate("added")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        var text = (await File.ReadAllTextAsync(Path.Combine(_bench.Rules, "holding.yaml"))).Replace("id: holding", "id: added", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "added.yaml"), text);

        var added = await Evaluate("added");
        var cli = _bench.Cli("evaluate", "-p", "added", "--format", "json", "scenarios/detained.yaml");
        Assert.That(added, Is.EqualTo((HttpStatusCode.OK, cli.Out)));
    }

    [Test]
    public async Task SixtyFourConcurrentRequests_AnswerAsSequentialOnes_EachPolicyCompiledOnce()
    {
        // Fired at a cold cache, so requests race to load and compile the same policies.
        var names = new[] { "holding", "refusing", "fam" };
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => Evaluate(names[i % names.Length]))));
        var compiled = Lookup.Compilations;
        var table = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Responses.Read(
            _bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Early, policies = names })))));

        var sequential = new Dictionary<string, (HttpStatusCode, string)>();
        foreach (var name in names)
        {
            sequential[name] = await Evaluate(name);
        }

        var tableCli = _bench.Cli("evaluate", "-p", "holding", "-p", "refusing", "-p", "fam", "--format", "json", "scenarios/early.yaml");
        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < concurrent.Length; i++)
            {
                Assert.That(concurrent[i], Is.EqualTo(sequential[names[i % names.Length]]), $"request {i}");
            }

            Assert.That(sequential.Values.Select(v => v.Item1), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(table, Is.All.EqualTo((HttpStatusCode.OK, tableCli.Out)));
            Assert.That(compiled, Is.EqualTo(names.Length), "each policy compiled once, however many requests raced for it");
        }
    }

    [Test]
    public async Task PolicyTexts_AreCompiledPerRequest_NeverKept_AndTwoWithOneIdDoNotMix()
    {
        var holding = await File.ReadAllTextAsync(Path.Combine(_bench.Rules, "holding.yaml"));
        var refusing = (await File.ReadAllTextAsync(Path.Combine(_bench.Rules, "refusing.yaml"))).Replace("id: refusing", "id: holding", StringComparison.Ordinal);
        var before = Lookup.Compilations;

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (status, body) = await Responses.Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policy = i % 2 == 0 ? holding : refusing }));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
            answers.Add(Responses.Json(body).GetProperty("decisions").GetProperty("delay_release").GetProperty("value").GetString()!);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers, Is.EqualTo(new[] { "required", "forbidden", "required", "forbidden", "required", "forbidden" }), "texts of one id answer each by its own rules");
            Assert.That(Lookup.Compilations - before, Is.EqualTo(6), "a text is compiled for its request and never looked up from the cache");
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> Evaluate(string policy) =>
        await Responses.Read(_bench.PostJson("/v1/evaluate", new { scenario = FixtureScenarios.Detained, policies = new[] { policy } }));

    private static int Line(string text, string part) => text.Split('\n').ToList().FindIndex(l => l.Contains(part, StringComparison.Ordinal)) + 1;

    // `FILE:LINE:COL: error CODE ...`, as validate prints a finding.
    private static string CodeIn(string validateOutput) =>
        validateOutput.Split(' ').SkipWhile(w => w != "error").Skip(1).First().TrimEnd(':');
}
