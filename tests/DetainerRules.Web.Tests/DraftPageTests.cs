using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DetainerRules.Web.Tests;

/// <summary><c>/draft</c>: a draft checked as <c>POST /v1/validate</c> checks it, compared with its base as <c>detainer compare --space</c> compares the same fixture policies, and its examples opening on the Evaluate page.</summary>
/// <remarks>The fixture <c>refusing</c> differs from <c>holding</c> in one known place: <c>delay_release</c> (and so the outcome) when the detainer is an I-247A.</remarks>
[TestFixture]
public class DraftPageTests
{
    private static readonly string Holding = FixturePolicies.All.Single(p => p.Id == "holding").Text;
    private static readonly string Refusing = FixturePolicies.All.Single(p => p.Id == "refusing").Text;

    /// <summary>A condition naming a detainer form that does not exist, and a misspelt key.</summary>
    private static readonly string Broken = Holding.Replace("detainer.form = I-247A", "detainer.form = I-247Z", StringComparison.Ordinal)
        .Replace("because: detainers are honoured", "becuase: detainers are honoured", StringComparison.Ordinal);

    /// <summary>Markup in the title, a rule id and a <c>because</c>.</summary>
    private static readonly string Hostile = FixturePolicies.Policy("hostile-draft", "<script>alert('title')</script>", """
          - id: "<script>alert('rule')</script>"
            when: detainer.form = I-247A
            then:
              delay_release: { value: forbidden }
            because: "<script>alert('because')</script>"
            cite: src
        """);

    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await Workbenches.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private async Task<(HttpResponseMessage Response, string Body, IDocument Page)> Post(string text, string? baseId, string path = "/draft")
    {
        var fields = new List<KeyValuePair<string, string>> { new("text", text) };
        if (baseId is not null)
        {
            fields.Add(new("base", baseId));
        }

        var response = await _bench.Http.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, new HtmlParser().ParseDocument(body));
    }

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    private static long Number(IElement cell) => long.Parse(cell.TextContent.Trim().Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The subject a region's item is about: the heading its list follows.</summary>
    private static string SubjectOf(IElement item)
    {
        var e = item.Closest("ul.regions");
        while (e is not null && e.LocalName != "h2")
        {
            e = e.PreviousElementSibling;
        }

        return e?.Id ?? "(none)";
    }

    private static string ValueOf(IElement answer) => answer.ClassList.Single(c => c != "answer");

    [Test]
    public async Task GetWithBase_TheCatalogFilesText_InTheEditor_WithTheBaseChosen()
    {
        var (response, body, page) = await Get("/draft?base=holding");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector<IHtmlTextAreaElement>("textarea#policy-text")!.Value, Is.EqualTo(Holding.ReplaceLineEndings("\n")));
            Assert.That(page.QuerySelector<IHtmlSelectElement>("select#base")!.Value, Is.EqualTo("holding"));
            Assert.That(page.QuerySelector("label[for=policy-text]")?.TextContent, Is.EqualTo("Policy YAML"));
            Assert.That(page.QuerySelector("label[for=base]")?.TextContent, Is.EqualTo("Compare against"));
            Assert.That(page.QuerySelectorAll("form#draft button[type=submit]").Select(b => b.TextContent), Is.EqualTo(new[] { "Check and compare", "Download YAML" }));
            Assert.That(page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")), Is.EqualTo(new[] { "/draft.js" }));
            Assert.That(page.QuerySelectorAll("header.site nav a").Select(a => a.TextContent), Is.EqualTo(new[] { "Catalog", "Evaluate", "Draft", "Compare" }));
        }
    }

    [Test]
    public async Task StartFrom_CarriesTheTimeZone_TheFormItselfDoesNotHold()
    {
        var (_, _, zoned) = await Get("/draft?base=holding&timezone=America%2FChicago");
        var (_, _, plain) = await Get("/draft?base=holding");
        var (refused, _, hostile) = await Get("/draft?base=holding&timezone=" + Uri.EscapeDataString("Mars/\"><script>alert(1)</script>"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zoned.QuerySelectorAll<IHtmlInputElement>("form.start input[name=timezone]").Select(i => (i.Type, i.Value)), Is.EqualTo(new[] { ("hidden", "America/Chicago") }));
            Assert.That(zoned.QuerySelector<IHtmlInputElement>("form#draft input#timezone")!.Value, Is.EqualTo("America/Chicago"));
            Assert.That(plain.QuerySelectorAll("form.start input[name=timezone]"), Is.Empty, "no zone, none carried");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(hostile.QuerySelector<IHtmlInputElement>("form.start input[name=timezone]")!.Value, Is.EqualTo("Mars/\"><script>alert(1)</script>"), "carried as typed, as text");
            Assert.That(hostile.QuerySelectorAll("script").Select(s => s.GetAttribute("src")), Is.EqualTo(new[] { "/draft.js" }));
        }
    }

    [TestCase("../rules/holding", HttpStatusCode.BadRequest)]
    [TestCase("/etc/passwd", HttpStatusCode.BadRequest)]
    [TestCase("no-such-policy", HttpStatusCode.NotFound)]
    public async Task Base_ByIdOnly_APathIs400_AnUnknownId404(string baseId, HttpStatusCode status)
    {
        var (get, getBody, page) = await Get("/draft?base=" + Uri.EscapeDataString(baseId));
        var (post, postBody, _) = await Post(Refusing, baseId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(get.StatusCode, Is.EqualTo(status), getBody);
            Assert.That(post.StatusCode, Is.EqualTo(status), postBody);
            Assert.That(get.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.QuerySelector("#problems p")?.TextContent, Does.Contain(baseId));
            Assert.That(getBody, Does.Not.Contain("root:"), "nothing of a file outside the catalog");
        }
    }

    [Test]
    public async Task BrokenCondition_TheLoadersDiagnostics_AsValidateGivesThem_MarkedAtTheirLines()
    {
        var (response, body, page) = await Post(Broken, "holding");
        var validate = await _bench.PostJson("/v1/validate", new { text = Broken });
        var expected = JsonDocument.Parse(await validate.Content.ReadAsStringAsync()).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Line: f.GetProperty("line").GetInt32(), Column: f.GetProperty("column").GetInt32(), Code: f.GetProperty("code").GetString()!, Field: f.GetProperty("field").GetString()!, Message: f.GetProperty("message").GetString()!))
            .ToList();
        var shown = page.QuerySelectorAll("ol#diagnostics li.diagnostic").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(expected, Has.Count.GreaterThanOrEqualTo(2), "the bad value and the misspelt key");
            Assert.That(expected.Select(f => f.Code), Does.Contain("DR304"));
            Assert.That(shown, Has.Count.EqualTo(expected.Count));
            for (var i = 0; i < Math.Min(shown.Count, expected.Count); i++)
            {
                var (line, column, code, field, message) = expected[i];
                Assert.That(shown[i].GetAttribute("data-line"), Is.EqualTo(line.ToString(CultureInfo.InvariantCulture)));
                Assert.That(shown[i].GetAttribute("data-column"), Is.EqualTo(column.ToString(CultureInfo.InvariantCulture)));
                Assert.That(shown[i].TextContent, Does.StartWith($"Line {line}, column {column}: error {code}").And.Contain(field).And.EndWith(message));
                Assert.That(page.QuerySelector($"ol.listing li#L{line}")?.ClassList, Does.Contain("has-diagnostic"));
                Assert.That(page.QuerySelector($"ol.listing li#L{line} code")?.TextContent, Is.EqualTo(Broken.Split('\n')[line - 1]));
            }

            // The condition's error points into the line that holds it, at the bad value.
            var condition = expected.Single(f => f.Field.EndsWith(".when", StringComparison.Ordinal));
            Assert.That(Broken.Split('\n')[condition.Line - 1][(condition.Column - 1)..], Does.StartWith("I-247Z"));
            Assert.That(page.QuerySelectorAll("ol.listing li.has-diagnostic"), Has.Length.EqualTo(expected.Select(f => f.Line).Distinct().Count()));
            Assert.That(page.QuerySelector("#comparison table"), Is.Null, "no comparison of a draft that does not load");
            Assert.That(page.QuerySelector("#comparison")?.TextContent, Does.Contain("waits until the draft has no errors"));
        }
    }

    [Test]
    public async Task CleanDraft_ComparedWithItsBase_AsTheCommandLineComparesTheSamePolicies()
    {
        var cli = _bench.Cli("compare", "refusing", "holding", "--space", "--format", "json");
        var json = JsonDocument.Parse(cli.Out).RootElement;
        var (response, body, page) = await Post(Refusing, "holding");
        var section = page.QuerySelector("section#comparison")!;
        var rows = section.QuerySelectorAll("table.matrix tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).ToList();
        var subjects = json.GetProperty("subjects").EnumerateArray().ToList();
        var regions = subjects.SelectMany(s => s.GetProperty("splits").EnumerateArray().SelectMany(x => x.GetProperty("regions").EnumerateArray()
            .Select(r => $"{r.GetProperty("description").GetString()} ({r.GetProperty("cases").GetInt64().ToString("N0", CultureInfo.InvariantCulture)})"))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.EqualTo(3), cli.Err);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector("#findings-summary")?.TextContent, Does.StartWith("No problems"));
            Assert.That(page.QuerySelectorAll("ol#diagnostics li"), Is.Empty);
            Assert.That(section.QuerySelector("h2")?.TextContent, Is.EqualTo("Comparing draft and holding over the scenario space"));

            // Each decision's cases and differing cases, and every region in the command's order with its count.
            Assert.That(rows.Select(r => r[0].TextContent.Trim()), Is.EqualTo(subjects.Select(s => s.GetProperty("subject").GetString())));
            Assert.That(rows.Select(r => (Number(r[1]), Number(r[2]))), Is.EqualTo(subjects.Select(s => (s.GetProperty("cases").GetInt64(), s.GetProperty("differing").GetInt64()))));
            Assert.That(section.QuerySelectorAll("ul.regions > li").Select(li => li.ChildNodes[0].TextContent.Trim()), Is.EqualTo(regions));
            Assert.That(regions, Is.Not.Empty);
            Assert.That(section.QuerySelectorAll("a.example"), Has.Length.EqualTo(regions.Count));
        }
    }

    [Test]
    public async Task ExampleLink_OpensTheEvaluatePage_WhichAnswersAsTheExampleSays()
    {
        var (_, _, page) = await Post(Refusing, "holding");
        var links = page.QuerySelectorAll("section#comparison ul.regions > li").ToList();
        Assert.That(links, Is.Not.Empty);
        foreach (var item in links)
        {
            var subject = SubjectOf(item);
            var answers = item.QuerySelectorAll("p.draft-answer span.answer").ToList();
            var href = item.QuerySelector("a.example")!.GetAttribute("href")!;
            var (response, body, evaluated) = await Get(href);
            var cells = evaluated.QuerySelectorAll($"table.decisions tr#row-{subject} td").ToList();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(href, Does.StartWith("/evaluate?").And.EndWith("&policy=holding"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                Assert.That(answers.Select(a => a.TextContent.Split(':')[0]), Is.EqualTo(new[] { "draft", "holding" }));

                // The base, on the Evaluate page, answers the example as the comparison says it does; the draft, on this page, answers otherwise.
                Assert.That(cells.Select(c => c.GetAttribute("data-value")), Is.EqualTo(new[] { ValueOf(answers[1]) }), subject);
                Assert.That(ValueOf(answers[0]), Is.Not.EqualTo(ValueOf(answers[1])), subject);
            }
        }
    }

    [Test]
    public async Task ExampleLink_TheDraftsAnswer_IsWhatTheDraftAnswersOnTheEvaluatePage_WhenItIsInTheCatalog()
    {
        // `refusing` is also a catalog policy: the same example under it answers as the draft page says the draft does.
        var (_, _, page) = await Post(Refusing, "holding");
        foreach (var item in page.QuerySelectorAll("section#comparison ul.regions > li"))
        {
            var subject = SubjectOf(item);
            var draft = ValueOf(item.QuerySelectorAll("p.draft-answer span.answer")[0]);
            var href = item.QuerySelector("a.example")!.GetAttribute("href")!.Replace("&policy=holding", "&policy=refusing", StringComparison.Ordinal);
            var (_, _, evaluated) = await Get(href);
            Assert.That(evaluated.QuerySelectorAll($"table.decisions tr#row-{subject} td").Select(c => c.GetAttribute("data-value")), Is.EqualTo(new[] { draft }), subject);
        }
    }

    [Test]
    public async Task AnExampleCitingAStatute_LinksToTheEvaluatePage_WhichHoldsTheStatute_AndBothPoliciesAnswerItThere()
    {
        // The draft also holds on a charge under one statute: where it differs from holding, the example must cite that statute.
        const string statute = "8 U.S.C. 1326";
        var draft = Holding.Replace("when: detainer.form = I-247A", $"when: detainer.form = I-247A or any charge(statute = \"{statute}\")", StringComparison.Ordinal);
        Assert.That(draft, Is.Not.EqualTo(Holding));
        var (response, body, page) = await Post(draft, "holding");
        var items = page.QuerySelectorAll("section#comparison ul.regions > li").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(items, Is.Not.Empty);
            Assert.That(body, Does.Not.Contain("cannot hold this example"));
        }

        foreach (var item in items)
        {
            var subject = SubjectOf(item);
            var answers = item.QuerySelectorAll("p.draft-answer span.answer").Select(ValueOf).ToList();
            var href = item.QuerySelector("a.example")?.GetAttribute("href");
            Assert.That(href, Does.StartWith("/evaluate?").And.Contain("statute="), subject);
            var (evaluated, evaluatedBody, shown) = await Get(href!);

            // The base answers the example there as the comparison says; the draft, given the same booking (the form's YAML), answers as the comparison says it does.
            var yaml = await (await _bench.Http.GetAsync("/evaluate.yaml" + href!["/evaluate".Length..])).Content.ReadAsStringAsync();
            using var byDraft = await _bench.PostJson("/v1/evaluate", new { scenario = yaml, policy = draft });
            var decided = JsonDocument.Parse(await byDraft.Content.ReadAsStringAsync()).RootElement;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(evaluated.StatusCode, Is.EqualTo(HttpStatusCode.OK), evaluatedBody);
                Assert.That(shown.QuerySelectorAll("form#booking input[id$=_statute]").Select(i => i.GetAttribute("value")), Does.Contain(statute));
                Assert.That(shown.QuerySelectorAll($"table.decisions tr#row-{subject} td").Select(c => c.GetAttribute("data-value")), Is.EqualTo(new[] { answers[1] }), subject);
                Assert.That(byDraft.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(subject == "outcome" ? decided.GetProperty("outcome").GetString() : decided.GetProperty("decisions").GetProperty(subject).GetProperty("value").GetString(), Is.EqualTo(answers[0]), subject);
            }
        }
    }

    [Test]
    public async Task TheBaseUnchanged_SameIdAsItsBase_LabelledDraft_AndAgrees()
    {
        var (response, body, page) = await Post(Holding, "holding");
        var section = page.QuerySelector("section#comparison")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(section.QuerySelector("h2")?.TextContent, Is.EqualTo("Comparing draft and holding over the scenario space"));
            Assert.That(section.QuerySelector("table.matrix thead")?.TextContent, Does.Contain("draft = holding"));
            Assert.That(section.QuerySelector("p.agree")?.TextContent, Does.Contain("agree on every compared case"));
            Assert.That(section.QuerySelectorAll("table.matrix tbody td:nth-child(3)").Select(Number), Is.All.Zero);
            Assert.That(section.QuerySelectorAll("ul.regions"), Is.Empty);
        }
    }

    [Test]
    public async Task NoBase_OnlyChecked()
    {
        var (response, body, page) = await Post(Refusing, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector("#findings-summary")?.TextContent, Does.StartWith("No problems"));
            Assert.That(page.QuerySelector("#comparison")?.TextContent, Does.Contain("Choose a policy to compare against"));
        }
    }

    [Test]
    public async Task SpaceTooLargeToCompare_AReadableMessageOnThePage_422()
    {
        // Sixteen rules each pairing a charge and a recent conviction of one category: more combinations of offenses than the space may hold.
        string[] categories = ["homicide", "sexual_assault", "kidnapping", "robbery", "aggravated_assault", "assault_on_officer", "simple_assault", "domestic_violence",
            "child_abuse", "human_trafficking", "arson", "burglary", "theft", "fraud", "weapons", "drug_trafficking"];
        var rules = string.Concat(categories.Select((c, i) => $$"""
              - id: r{{i}}
                when: any charge(category = {{c}}) and any conviction(category = {{c}} and within 5 years)
                then:
                  notify_ice: { value: required, at: [release] }
                because: b
                cite: src

            """));
        var (response, body, page) = await Post(FixturePolicies.Policy("wide", "Wide", rules), "holding");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body);
            Assert.That(page.QuerySelector("#findings-summary")?.TextContent, Does.StartWith("0 errors"), "it loads: only the comparison cannot be made");
            Assert.That(page.QuerySelector("section#comparison p.problem")?.TextContent, Does.Contain("distinguishable combinations of offenses"));
            Assert.That(body, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public async Task OversizeText_413()
    {
        var text = "text=" + new string('a', Http.RequestLimits.MaxBodyBytes) + "&base=holding";
        using var response = await _bench.Http.PostAsync("/draft", new StringContent(text, Encoding.ASCII, "application/x-www-form-urlencoded"));
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), body);
            Assert.That(new HtmlParser().ParseDocument(body).QuerySelector("#problems p")?.TextContent, Does.Contain("larger than the limit"));
        }
    }

    [Test]
    public async Task NotAForm_415()
    {
        using var response = await _bench.PostJson("/draft", new { text = Refusing, @base = "holding" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("id: holding\ntitle: x\n", "holding.yaml")]
    [TestCase("title: no id\n", "draft.yaml")]
    [TestCase("id: ../../etc/passwd\n", "draft.yaml")]
    [TestCase("not: [yaml\n", "draft.yaml")]
    public async Task Download_TheTextAsSent_NamedByItsIdWhenItIsOne(string text, string name)
    {
        var (response, body, _) = await Post(text, "holding", "/draft.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo(name));
            Assert.That(body, Is.EqualTo(text));
        }
    }

    [Test]
    public async Task HostileText_EscapedInTheDraftPage()
    {
        var (response, body, page) = await Post(Hostile, "holding");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")), Is.EqualTo(new[] { "/draft.js" }), "no script but the page's own");
            Assert.That(page.QuerySelector<IHtmlTextAreaElement>("textarea#policy-text")!.Value, Is.EqualTo(Hostile.ReplaceLineEndings("\n")), "the text as typed, as text");
            Assert.That(page.QuerySelector("ol.listing")!.TextContent, Does.Contain("<script>alert('rule')</script>").And.Contain("<script>alert('because')</script>"));
            Assert.That(page.QuerySelectorAll("ol#diagnostics li").Select(l => l.TextContent), Has.Some.Contains("<script>alert('rule')</script>"), "the rule id's problem names it, as text");
        }

        // The same texts in a draft that loads (the rule id an id): the comparison's page is as clean.
        var loads = Hostile.Replace("\"<script>alert('rule')</script>\"", "decline", StringComparison.Ordinal);
        var (clean, cleanBody, compared) = await Post(loads, "holding");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clean.StatusCode, Is.EqualTo(HttpStatusCode.OK), cleanBody);
            Assert.That(compared.QuerySelector("section#comparison table.matrix"), Is.Not.Null, cleanBody);
            Assert.That(compared.QuerySelectorAll("script").Select(s => s.GetAttribute("src")), Is.EqualTo(new[] { "/draft.js" }));
        }
    }

    [Test]
    public async Task Script_ServedByTheApp_AsJavaScript()
    {
        using var response = await _bench.Http.GetAsync("/draft.js");
        var text = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(text, Does.Contain("getElementById(id)").And.Contain("'checks', 'comparison', 'listing'"), "the server's rendered findings, comparison and listing put in place");
            Assert.That(text, Does.Not.Contain("/v1/validate"), "one request a pause: the form, checked and compared by the server at once");
            Assert.That(text, Does.Not.Contain("innerHTML"), "no markup built from text");
        }
    }
}
