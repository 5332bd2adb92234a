using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Tests;

/// <summary>The catalog page and a policy's page, parsed as a browser parses them, over the fixture policies and two written for the pages.</summary>
[TestFixture]
public class PageTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();
        foreach (var (id, text) in PageFixtures.All)
        {
            await File.WriteAllTextAsync(Path.Combine(_bench.Rules, id + ".yaml"), text);
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    private static string Text(IElement? e) => e?.TextContent.Trim() ?? "(missing)";

    private static List<string> Ids(IElement section) =>
        [.. section.QuerySelectorAll("tr.version td:first-child a code").Select(c => c.TextContent)];

    [TestCase("/")]
    [TestCase("/catalog")]
    public async Task Catalog_PoliciesByState_FamiliesAsTimelines_RulesByLevel(string path)
    {
        var (response, body, page) = await Get(path);
        var nevada = page.QuerySelector("section#state-NV")!;
        var none = page.QuerySelector("section#state-none")!;
        var family = none.QuerySelectorAll("tbody").Single(b => b.QuerySelector("tr.family") is not null);
        var famRows = family.QuerySelectorAll("tr.version").ToList();
        var cited = nevada.QuerySelectorAll("tr.version").Single(r => Text(r.QuerySelector("code")) == "cited");
        int Count(IElement row, string level) => int.Parse(Text(row.QuerySelector($"td.count.{level}")), System.Globalization.CultureInfo.InvariantCulture);
        var holding = none.QuerySelectorAll("tr.version").Single(r => Text(r.QuerySelector("code")) == "holding");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.QuerySelectorAll("main section h2").Select(h => h.TextContent), Is.EqualTo(new[] { "Nevada NV", "State not given" }));
            Assert.That(Ids(nevada), Is.EqualTo(new[] { "cited", "hostile" }));
            Assert.That(Ids(none), Is.EquivalentTo(new[] { "fam-2020", "fam", "holding", "refusing" }));

            // The family's versions oldest first, with their dates; only the open-ended one is marked current.
            Assert.That(Text(family.QuerySelector("tr.family")), Is.EqualTo("Family fam: 2 versions"));
            Assert.That(famRows.Select(r => Text(r.QuerySelector("code"))), Is.EqualTo(new[] { "fam-2020", "fam" }));
            Assert.That(Text(famRows[0].Children[1]), Is.EqualTo("2020-01-01 to 2023-12-31"));
            Assert.That(famRows[0].QuerySelector(".current"), Is.Null);
            Assert.That(Text(famRows[1].Children[1]), Is.EqualTo("2024-01-01 onward current: no end date"));
            Assert.That(famRows[1].QuerySelector("svg rect.open"), Is.Not.Null);
            Assert.That(famRows[0].QuerySelector("svg")!.GetAttribute("aria-label"), Is.EqualTo("in force 2020-01-01 to 2023-12-31"));

            // Levels as Support.Of gives them: a context citation does not lower a rule; a bare cite is unstated.
            Assert.That((Count(cited, "primary"), Count(cited, "secondary"), Count(cited, "judgement"), Count(cited, "unstated")), Is.EqualTo((1, 0, 1, 0)));
            Assert.That((Count(holding, "primary"), Count(holding, "unstated")), Is.EqualTo((0, 1)));
            Assert.That(cited.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo("/policies/cited"));
        }
    }

    [Test]
    public async Task TheIconABrowserAsksFor_NoContent_NotAProblem()
    {
        // A browser asks for /favicon.ico on every page; a 404 would be logged in its console each time (found by the browser tests).
        var response = await _bench.Http.GetAsync("/favicon.ico");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
        }
    }

    [Test]
    public async Task PolicyPage_EachRuleBesideItsQuote_Link_Level_AndRole()
    {
        var (response, body, page) = await Get("/policies/cited");
        var rule = page.QuerySelector("article#rule-decline")!;
        var cites = rule.QuerySelectorAll("figure.cite").ToList();
        var guess = page.QuerySelector("article#rule-guess")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(Text(page.QuerySelector("h1")), Is.EqualTo("Cited policy"));
            Assert.That(Text(rule.QuerySelector("pre")), Is.EqualTo("detainer.form = I-247A"));
            Assert.That(Text(rule.QuerySelector("dd li")), Is.EqualTo("delay_release = forbidden"));
            Assert.That(Text(rule.QuerySelector("h3 .level")), Is.EqualTo("primary"));

            Assert.That(cites, Has.Count.EqualTo(2));
            Assert.That(cites[0].ClassList, Does.Contain("basis"));
            Assert.That(Text(cites[0].QuerySelector("blockquote")), Is.EqualTo("No person shall be held on an immigration detainer."));
            Assert.That(Text(cites[0].QuerySelector("figcaption")), Does.StartWith("Test County Code (TCC 2.10), at § 2.10(a) primary basis"));
            Assert.That(cites[0].QuerySelector("a")!.GetAttribute("href"), Is.EqualTo("https://example.org/code#s2-10"), "the pinpoint's own link before the source's");
            Assert.That(cites[1].ClassList, Does.Contain("context"));
            Assert.That(Text(cites[1].QuerySelector(".level")), Is.EqualTo("secondary"));
            Assert.That(Text(cites[1].QuerySelector(".role")), Is.EqualTo("context"));
            Assert.That(cites[1].QuerySelector("a")!.GetAttribute("href"), Is.EqualTo("https://example.org/news"));

            Assert.That(Text(guess.QuerySelector("h3 .level")), Is.EqualTo("judgement"));
            Assert.That(Text(guess.QuerySelector(".note")), Is.EqualTo("Our reading: the section is silent on the I-247N"));
            Assert.That(page.QuerySelectorAll("article.default"), Has.Length.EqualTo(8));
            Assert.That(Text(page.QuerySelector("#open-questions + ul li")), Is.EqualTo("whether the code reaches the I-247N"));
            Assert.That(Text(page.QuerySelector(".summary")), Is.EqualTo("A policy whose rule quotes its source."));
            Assert.That(page.QuerySelectorAll("dl.facts dt").Select(d => d.TextContent), Is.SupersetOf(new[] { "Jurisdiction", "In force", "Days judged in", "Verified" }));
        }
    }

    [Test]
    public async Task PolicyPage_DrawsTheDecisionFlow_EveryNodeAndEdgeOfDetainerGraph()
    {
        var (_, _, page) = await Get("/policies/cited");
        var graph = DetainerRules.Reports.PolicyGraph.Of(DetainerRules.Yaml.PolicyLoader.LoadFile(Path.Combine(_bench.Rules, "cited.yaml")));
        var svg = page.QuerySelector("svg.graph");
        var shown = svg?.QuerySelectorAll("g.node").Select(g => string.Join("\n", g.QuerySelectorAll("tspan").Select(t => t.TextContent))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg, Is.Not.Null);
            Assert.That(shown, Is.EquivalentTo(graph.Nodes.Select(n => n.Label)), "each node with its label, line by line");
            Assert.That(svg!.QuerySelectorAll("path.edge"), Has.Length.EqualTo(graph.Edges.Count));
            Assert.That(svg.QuerySelectorAll("path.edge.negated"), Has.Length.EqualTo(graph.Edges.Count(e => e.Dashed)));
            Assert.That(svg.QuerySelectorAll("g.node.rule"), Has.Length.EqualTo(graph.Nodes.Count(n => n.Kind == "rule")).And.Length.GreaterThan(0));
        }
    }

    [Test]
    public async Task PolicyPage_AFamilyVersion_ItsTimelineWithItselfMarked()
    {
        var (_, _, page) = await Get("/policies/fam-2020");
        var versions = page.QuerySelectorAll("ol.timeline li").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(versions.Select(v => Text(v.QuerySelector("code"))), Is.EqualTo(new[] { "fam-2020", "fam" }));
            Assert.That(versions[0].GetAttribute("aria-current"), Is.EqualTo("page"));
            Assert.That(versions[1].QuerySelector(".current"), Is.Not.Null);
        }
    }

    [Test]
    public async Task PolicyPage_ListsTheCasesOfItsExpectationFile_WhenTheRepositoryHasOne()
    {
        var (_, _, before) = await Get("/policies/cited");
        var folder = Directory.CreateDirectory(Path.Combine(_bench.Folder, "tests", "expectations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "cited.yaml"), """
            policy: cited
            cases:
              - scenario: detained
                because: the code forbids it
                expect: { delay_release: forbidden }
              - scenario: early
                because: the code forbids it
                expect: { delay_release: forbidden }
            """);
        try
        {
            var (_, _, after) = await Get("/policies/cited");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Text(before.QuerySelector("#expectations + p")), Does.StartWith("No expectation file"));
                Assert.That(after.QuerySelectorAll("ul.cases > li > code, ul.cases > li > a > code").Select(l => l.TextContent), Is.EqualTo(new[] { "detained", "early" }));
            }
        }
        finally
        {
            Directory.Delete(Path.Combine(_bench.Folder, "tests"), recursive: true);
        }
    }

    [TestCase("/")]
    [TestCase("/policies/hostile")]
    public async Task HostileTexts_ShownAsText_NeverMarkupOrScriptLinks(string path)
    {
        var (response, body, page) = await Get(path);
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("script, img, b, i, style"), Is.Empty, "no element from a policy's text");
            Assert.That(handlers, Is.Empty);
            Assert.That(body, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(links, Has.All.Match("^(/|#|https?://)"), string.Join(", ", links));
            Assert.That(page.Body!.TextContent, Does.Contain("<script>alert('title')</script>Hostile"), "the title, as text");
        }
    }

    [Test]
    public async Task HostilePolicy_EachFieldEncoded_TheScriptUrlsUnlinked()
    {
        var (_, body, page) = await Get("/policies/hostile");
        var rule = page.QuerySelector("article#rule-hold")!;
        var cite = rule.QuerySelector("figure.cite")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(page.QuerySelector("h1")), Is.EqualTo("<script>alert('title')</script>Hostile"));
            Assert.That(page.Title, Does.StartWith("<script>alert('title')</script>Hostile"));
            Assert.That(Text(page.QuerySelector(".summary")), Is.EqualTo("<img src=x onerror=alert('summary')>"));
            Assert.That(Text(rule.QuerySelectorAll("dd")[^1]), Is.EqualTo("<script>alert('because')</script>"));
            Assert.That(Text(cite.QuerySelector("blockquote")), Is.EqualTo("</blockquote><script>alert('quote')</script>"));
            Assert.That(cite.QuerySelector("figcaption")!.TextContent, Does.Contain("<script>alert('source')</script>, at <i>s. 1</i>"));
            Assert.That(cite.QuerySelector("a"), Is.Null, "a JavaScript: link is never followed");
            Assert.That(Text(cite.QuerySelector(".unlinked code")), Is.EqualTo("JavaScript:alert('cite')"));
            Assert.That(Text(page.QuerySelector("#sources + ul .unlinked code")), Is.EqualTo("javascript:alert(1)"));
            Assert.That(Text(page.QuerySelector("#default-notify_ice dd:last-of-type")), Is.EqualTo("<script>alert('default')</script>"));
            Assert.That(Text(page.QuerySelector("#open-questions + ul li")), Is.EqualTo("<script>alert('question')</script>"));

            // Exactly the encoding of the shared helper, so a raw reader (not only a browser) sees no markup.
            Assert.That(body, Does.Contain("&lt;script&gt;alert(&#39;because&#39;)&lt;/script&gt;"));
        }
    }

    [TestCase("/policies/nothing-here", HttpStatusCode.NotFound)]
    [TestCase("/policies/..%2Frules%2Fholding", HttpStatusCode.BadRequest)]
    [TestCase("/policies/holding.yaml", HttpStatusCode.BadRequest)]
    public async Task PolicyPage_UnknownOrPathLikeId_ProblemDetails(string path, HttpStatusCode expected)
    {
        var (response, body, _) = await Get(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)expected));
        }
    }

    [TestCase("/")]
    [TestCase("/policies/cited")]
    [TestCase("/workbench.css")]
    public async Task Pages_CarryTheContentSecurityPolicy_AndNeedNothingItRefuses(string path)
    {
        var (response, _, page) = await Get(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
            if (path != "/workbench.css")
            {
                // style-src 'self' refuses inline styles; the one stylesheet is the server's own.
                Assert.That(page.QuerySelectorAll("style, [style], script"), Is.Empty);
                Assert.That(page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")), Is.EqualTo(new[] { "/workbench.css" }));
            }
            else
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
            }
        }
    }
}
