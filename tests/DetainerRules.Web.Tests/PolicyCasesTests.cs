using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Tests;

/// <summary>A policy's page runs its expectation cases: under each rule the cases in which it fired and what it did there, each opening its booking on the Evaluate page, and each case passed or failed.</summary>
/// <remarks>The catalog is written for the test as a repository lays it out: <c>rules/</c>, <c>tests/expectations/</c> and <c>seeds/scenarios/</c> in one folder.</remarks>
[TestFixture]
public class PolicyCasesTests
{
    private const string Hostile = "<script>alert(1)</script>";

    /// <summary><c>judge</c> outranks <c>decline</c> on a judge's warrant; <c>notice</c> and <c>rival</c> disagree at equal priority on a robbery charge; <c>idle</c> answers an I-247N, which no case has.</summary>
    private static readonly string Covered = FixturePolicies.Policy("covered", "Covered policy", """
          - id: decline
            when: detainer.form = I-247A
            then:
              delay_release: { value: forbidden }
            because: detainers are declined
            cite: src
          - id: judge
            priority: 10
            when: detainer.warrant = judicial
            then:
              delay_release: { value: required, limit: clock48 }
            because: a judge's warrant is honoured
            cite: src
          - id: notice
            when: detainer.form = I-247A
            then:
              notify_ice: { value: required, at: [release] }
            because: ICE is told
            cite: src
          - id: rival
            when: any charge(category = robbery)
            then:
              notify_ice: { value: forbidden }
            because: robbery charges are not reported
            cite: src
          - id: idle
            when: detainer.form = I-247N
            then:
              ask_immigration_status: { value: forbidden }
            because: never asked
            cite: src
        """);

    private const string Administrative = """
        id: administrative
        booked_at: 2025-01-17T09:30:00-08:00
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        """;

    private const string Judicial = """
        id: judicial
        booked_at: 2025-02-03T11:00:00-08:00
        charges: [ { offense: theft, level: misdemeanor, category: theft } ]
        detainer: { form: I-247A, warrant: judicial }
        """;

    private const string Expectations = """
        policy: covered
        cases:
          - scenario: administrative
            because: "<img src=x onerror=alert(1)> declined"
            expect: { delay_release: forbidden }
          - scenario: judicial
            because: the writer forgot the judge
            expect: { delay_release: forbidden }
          - scenario: "<script>alert(1)</script>"
            because: no such scenario
            expect: { delay_release: forbidden }
        """;

    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "covered.yaml"), Covered);
        var expectations = Directory.CreateDirectory(Path.Combine(_bench.Folder, "tests", "expectations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(expectations, "covered.yaml"), Expectations);
        var seeds = Directory.CreateDirectory(Path.Combine(_bench.Folder, "seeds", "scenarios")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "administrative.yaml"), Administrative);
        await File.WriteAllTextAsync(Path.Combine(seeds, "judicial.yaml"), Judicial);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    private static string Text(IElement? e) => e?.TextContent.Trim() ?? "(missing)";

    /// <summary>Under a rule: each case that made it fire, as (scenario, what the rule did, passed or failed).</summary>
    private static List<(string Scenario, string Role, string Result)> Exercised(IDocument page, string rule) =>
        [.. page.QuerySelectorAll($"#rule-{rule} dd.exercised li").Select(li => (Text(li.QuerySelector("code")), Text(li.QuerySelector(".role")), Text(li.QuerySelector(".result"))))];

    [Test]
    public async Task ARuleFiredByTwoCases_ListsBoth_WithWhatItDidInEach()
    {
        var (response, body, page) = await Get("/policies/covered");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(Exercised(page, "decline"), Is.EqualTo(new[]
            {
                ("administrative", "deciding delay_release", "passed"),
                ("judicial", "overridden on delay_release", "failed"),
            }));
            Assert.That(Exercised(page, "judge"), Is.EqualTo(new[] { ("judicial", "deciding delay_release", "failed") }));
            Assert.That(Exercised(page, "notice"), Is.EqualTo(new[]
            {
                ("administrative", "in conflict on notify_ice", "passed"),
                ("judicial", "deciding notify_ice", "failed"),
            }));
            Assert.That(Exercised(page, "rival"), Is.EqualTo(new[] { ("administrative", "in conflict on notify_ice", "passed") }));
        }
    }

    [Test]
    public async Task ARuleNoCaseFires_IsMarked_AsDetainerTestReportsItUncovered()
    {
        var (_, _, page) = await Get("/policies/covered");
        var uncovered = page.QuerySelectorAll("dd.uncovered").Select(dd => dd.Closest("article")!.Id).ToList();
        var (exit, output, _) = _bench.Cli("test", Path.Combine(_bench.Folder, "tests", "expectations", "covered.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(uncovered, Is.EqualTo(new[] { "rule-idle" }));
            Assert.That(Text(page.QuerySelector("#rule-idle dd.uncovered")), Is.EqualTo("no case makes this rule fire"));
            Assert.That(exit, Is.Not.Zero, "the CLI fails the same file");
            Assert.That(output, Does.Contain("idle"), "the CLI names the same rule uncovered");
        }
    }

    [Test]
    public async Task TheCasesList_SaysWhichPassed_WhyOneFailed_AndWhyOneWasNotRun()
    {
        var (_, _, page) = await Get("/policies/covered");
        var cases = page.QuerySelectorAll("ul.cases > li").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases.Select(c => Text(c.QuerySelector("code"))), Is.EqualTo(new[] { "administrative", "judicial", Hostile }));
            Assert.That(cases.Select(c => Text(c.QuerySelector(".result"))), Is.EqualTo(new[] { "passed", "failed", "failed" }));
            Assert.That(Text(cases[1].QuerySelector(".mismatches")), Does.Contain("delay_release").And.Contain("forbidden").And.Contain("required"));
            Assert.That(Text(cases[2].QuerySelector(".error")), Does.Contain("no scenario").And.Contain(Hostile));
            Assert.That(Text(page.QuerySelector("#expectations + p")), Does.Contain("1 passed and 2 failed"));
        }
    }

    [Test]
    public async Task HostileScenarioIdsAndReasons_ShownAsText()
    {
        var (_, body, page) = await Get("/policies/covered");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelectorAll("script, img"), Is.Empty);
            Assert.That(body, Does.Not.Contain("<script>alert").And.Not.Contain("<img src=x"));
            Assert.That(Text(page.QuerySelector("ul.cases > li .because")), Is.EqualTo("<img src=x onerror=alert(1)> declined"));
        }
    }

    [Test]
    public async Task EachCaseLink_OpensTheEvaluatePage_WithTheSameBooking_UnderThisPolicy()
    {
        var (_, _, page) = await Get("/policies/covered");
        var links = page.QuerySelectorAll("#rule-decline dd.exercised a.case-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(links, Has.Count.EqualTo(2));
        foreach (var (link, seed) in links.Zip(new[] { Administrative, Judicial }))
        {
            var (response, body, evaluate) = await Get(link);
            var yaml = await _bench.Http.GetStringAsync(link.Replace(Pages.EvaluatePage.Path + "?", Pages.EvaluatePage.YamlPath + "?", StringComparison.Ordinal));
            var expected = ScenarioLoader.Load(seed, "seed", "seed");
            var opened = ScenarioLoader.Load(yaml, "opened", "opened");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(link, Does.StartWith(Pages.EvaluatePage.Path + "?"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                Assert.That(evaluate.QuerySelector("#result"), Is.Not.Null, "the booking is evaluated");
                Assert.That(evaluate.QuerySelectorAll("input[name=policy][checked], option[selected][value=covered]").Select(e => e.GetAttribute("value")), Does.Contain("covered"));
                Assert.That(Json(opened), Is.EqualTo(Json(expected)));
            }
        }
    }

    [Test]
    public async Task AnEditedExpectationFile_IsRunAgain_ThoughTheRulesAreUnchanged()
    {
        var file = Path.Combine(_bench.Folder, "tests", "expectations", "covered.yaml");
        var (_, _, before) = await Get("/policies/covered");
        await File.WriteAllTextAsync(file, Expectations.Replace("expect: { delay_release: forbidden }\n  - scenario: \"<script>", "expect: { delay_release: required }\n  - scenario: \"<script>", StringComparison.Ordinal));
        try
        {
            var (_, _, after) = await Get("/policies/covered");
            Assert.That(Exercised(after, "judge"), Is.Not.EqualTo(Exercised(before, "judge")));
            Assert.That(Exercised(after, "judge"), Is.EqualTo(new[] { ("judicial", "deciding delay_release", "passed") }));
        }
        finally
        {
            await File.WriteAllTextAsync(file, Expectations);
        }
    }

    [Test]
    public async Task AScenarioFileAddedAfterTheRun_IsFound_ThoughNoFileTheRunReadChanged()
    {
        var file = Path.Combine(_bench.Folder, "tests", "expectations", "covered.yaml");
        var later = Path.Combine(_bench.Folder, "seeds", "scenarios", "later.yaml");
        await File.WriteAllTextAsync(file, Expectations + """

              - scenario: later
                because: written after the page was first shown
                expect: { delay_release: forbidden }
            """);
        try
        {
            var (_, _, before) = await Get("/policies/covered");
            await File.WriteAllTextAsync(later, Administrative.Replace("id: administrative", "id: later", StringComparison.Ordinal));
            var (_, _, after) = await Get("/policies/covered");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Text(before.QuerySelector("#expectations + p")), Does.Contain("1 passed and 3 failed"));
                Assert.That(Exercised(before, "decline").Select(c => c.Scenario), Does.Not.Contain("later"));
                Assert.That(Text(after.QuerySelector("#expectations + p")), Does.Contain("2 passed and 2 failed"));
                Assert.That(Exercised(after, "decline"), Does.Contain(("later", "deciding delay_release", "passed")));
            }
        }
        finally
        {
            File.Delete(later);
            await File.WriteAllTextAsync(file, Expectations);
        }
    }

    private static string Json(Scenario s) => ScenarioJson.ToJson(new Scenario(s) { Id = "same", Description = null });
}
