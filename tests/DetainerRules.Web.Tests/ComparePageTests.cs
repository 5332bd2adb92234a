using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DetainerRules.Web.Tests;

/// <summary><c>GET /compare</c>: the content of <c>detainer compare --space --format html</c> on the same fixture policies, as a page, and what a request gets wrong as a page with its status.</summary>
[TestFixture]
public class ComparePageTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "hostile.yaml"), PageFixtures.Hostile);
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "citing.yaml"), Citing);
    }

    /// <summary>Holds on a charge under one statute, and on nothing else: every example where it differs from <c>holding</c> cites it or has no I-247A.</summary>
    private static readonly string Citing = FixturePolicies.Policy("citing", "Citing policy", """
          - id: hold-reentry
            when: any charge(statute = "8 U.S.C. 1326")
            then:
              delay_release: { value: required, limit: clock48 }
            because: re-entry charges are held
            cite: src
        """);

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    private static long Number(IElement cell) => long.Parse(cell.TextContent.Trim().Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Test]
    public async Task TwoPolicies_EachDecision_AndTheRegions_AsTheCommandLinesReport()
    {
        var json = JsonDocument.Parse(_bench.Cli("compare", "holding", "refusing", "--space", "--format", "json").Out).RootElement;
        var html = new HtmlParser().ParseDocument(_bench.Cli("compare", "holding", "refusing", "--space", "--format", "html").Out);
        var (response, body, page) = await Get("/compare?p=holding&p=refusing");
        var section = page.QuerySelector("section#comparison")!;
        var subjects = json.GetProperty("subjects").EnumerateArray().ToList();
        var rows = section.QuerySelectorAll("table.matrix tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector<IHtmlSelectElement>("select#policies")!.SelectedOptions.Select(o => o.Value), Is.EqualTo(new[] { "holding", "refusing" }));
            Assert.That(page.QuerySelector("label[for=policies]")?.ChildNodes[0].TextContent.Trim(), Is.EqualTo("Policies"));
            Assert.That(section.QuerySelector("h2")?.TextContent, Is.EqualTo("Comparing holding and refusing over the scenario space"));
            Assert.That(rows.Select(r => r[0].TextContent.Trim()), Is.EqualTo(subjects.Select(s => s.GetProperty("subject").GetString())));
            Assert.That(rows.Select(r => (Number(r[1]), Number(r[2]))), Is.EqualTo(subjects.Select(s => (s.GetProperty("cases").GetInt64(), s.GetProperty("differing").GetInt64()))));
            Assert.That(section.QuerySelectorAll("h2[id]").Select(h => h.Id).Where(id => id != "comparison-heading"),
                Is.EqualTo(subjects.Where(s => s.GetProperty("differing").GetInt64() > 0).Select(s => s.GetProperty("subject").GetString())));
            Assert.That(section.QuerySelectorAll("h2[id]").Select(h => h.Id), Does.Contain("delay_release"));

            // The report's own content, element for element: the page adds only the example links.
            foreach (var link in section.QuerySelectorAll("a.example"))
            {
                link.Remove();
            }

            Assert.That(Normal(section.QuerySelector("div.scroll")!.InnerHtml), Is.EqualTo(Normal(Body(html))));
        }
    }

    /// <summary>The report below its heading: what follows <c>h1</c> in the body.</summary>
    private static string Body(IDocument report)
    {
        report.QuerySelector("h1")!.Remove();
        return report.Body!.InnerHtml;
    }

    /// <summary>The markup with the white space between elements left out (the page's layout adds some).</summary>
    private static string Normal(string html) => string.Join(" ", html.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Replace("> <", "><", StringComparison.Ordinal);

    [Test]
    public async Task ExampleLinks_OpenTheEvaluatePage_UnderBothPolicies()
    {
        var (_, _, page) = await Get("/compare?p=holding&p=refusing");
        var item = page.QuerySelector("section#comparison h2#delay_release ~ ul.regions > li")!;
        var answers = item.ParentElement!.PreviousElementSibling!.QuerySelectorAll("span.answer").Select(a => a.ClassList.Single(c => c != "answer")).ToList();
        var (response, body, evaluated) = await Get(item.QuerySelector("a.example")!.GetAttribute("href")!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(evaluated.QuerySelectorAll("table.decisions tr#row-delay_release td").Select(c => c.GetAttribute("data-value")), Is.EqualTo(answers));
        }
    }

    [Test]
    public async Task AnExampleCitingAStatute_LinksToTheEvaluatePage_WhereBothPoliciesAnswerAsTheComparisonSays()
    {
        var (response, body, page) = await Get("/compare?p=citing&p=holding");
        var items = page.QuerySelectorAll("section#comparison ul.regions > li").ToList();
        var hrefs = items.Select(i => i.QuerySelector("a.example")?.GetAttribute("href")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Does.Not.Contain("cannot hold this example"));
            Assert.That(hrefs, Has.All.StartWith("/evaluate?"));
            Assert.That(hrefs, Has.Some.Contain("_statute=8+U.S.C.+1326").Or.Some.Contain("_statute=8%20U.S.C.%201326"), "the example that holds under citing cites its statute");
        }

        foreach (var item in items)
        {
            // The decision the region is about: the heading its list follows; its answers, those of the split before the list.
            var subject = item.ParentElement!;
            while (subject.LocalName != "h2")
            {
                subject = subject.PreviousElementSibling!;
            }

            var answers = item.ParentElement!.PreviousElementSibling!.QuerySelectorAll("span.answer").Select(a => a.ClassList.Single(c => c != "answer")).ToList();
            var (evaluated, evaluatedBody, shown) = await Get(item.QuerySelector("a.example")!.GetAttribute("href")!);
            Assert.That(evaluated.StatusCode, Is.EqualTo(HttpStatusCode.OK), evaluatedBody);
            Assert.That(shown.QuerySelectorAll($"table.decisions tr#row-{subject.Id} td").Select(c => c.GetAttribute("data-value")), Is.EqualTo(answers), subject.Id);
        }
    }

    [TestCase("/compare?p=holding", HttpStatusCode.BadRequest, "two or more")]
    [TestCase("/compare?p=holding&p=no-such-policy", HttpStatusCode.NotFound, "no-such-policy")]
    [TestCase("/compare?p=holding&p=..%2Frules%2Frefusing", HttpStatusCode.BadRequest, "not a policy id")]
    [TestCase("/compare?p=holding&p=refusing&at=someday", HttpStatusCode.BadRequest, "not a date")]
    public async Task Errors_APageWithTheStatusAndAReadableMessage(string path, HttpStatusCode status, string says)
    {
        var (response, body, page) = await Get(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.QuerySelector("#problems")?.TextContent, Does.Contain(says));
            Assert.That(page.QuerySelector("select#policies"), Is.Not.Null, "the form stays, to change the choice");
        }
    }

    [Test]
    public async Task AFamily_ResolvedOnTheDayAsTheCommandDoes()
    {
        var json = JsonDocument.Parse(_bench.Cli("compare", "fam", "holding", "--space", "--at", "2021-05-01", "--format", "json").Out).RootElement;
        var (response, body, page) = await Get("/compare?p=fam&p=holding&at=2021-05-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(json.GetProperty("policies")[0].GetString(), Is.EqualTo("fam-2020"));
            Assert.That(page.QuerySelector("section#comparison h2")?.TextContent, Is.EqualTo("Comparing fam-2020 and holding over the scenario space"));
        }
    }

    [Test]
    public async Task HostilePolicy_ItsTextsEscaped()
    {
        var (response, body, page) = await Get("/compare?p=hostile&p=refusing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
            Assert.That(page.QuerySelectorAll("img, b, i"), Is.Empty);
            Assert.That(page.QuerySelectorAll("select#policies option").Select(o => o.TextContent), Has.Some.Contains("<script>alert('title')</script>Hostile"));
        }
    }
}
