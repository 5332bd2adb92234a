using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DetainerRules.Model.Time;
using DetainerRules.Reports;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Tests;

/// <summary>The pages' time zone: the Evaluate and Compare pages place a policy that names no zone where the field says, as the API's <c>timezone</c> (and <c>--timezone</c>) does, with the same answers; a zone the database does not know is a 400 page naming the field; the policy page's cases open in their own zone.</summary>
/// <remarks>
/// <see cref="TwoZoneFixture.AfterDark"/> is booked at 02:00 UTC on 1 March 2025: 28 February in
/// Los Angeles, when <c>local-lookback</c>'s five years since the conviction have not yet run, and 1
/// March in Tokyo or as written, when they have; so its <c>notify_ice</c> says which day was counted.
/// </remarks>
[TestFixture]
public class TimezonePageTests
{
    /// <summary>The facts of <see cref="TwoZoneFixture.AfterDark"/>, as the Evaluate form sends them.</summary>
    private static readonly (string Field, string Value)[] AfterDark =
    [
        ("booked_at", "2025-03-01T02:00:00Z"),
        ("foreign_born", "true"),
        ("citizenship", "noncitizen"),
        ("charge1_offense", "robbery"),
        ("charge1_level", "felony"),
        ("charge1_category", "robbery"),
        ("conviction1_offense", "burglary"),
        ("conviction1_level", "felony"),
        ("conviction1_category", "burglary"),
        ("conviction1_convicted_on", "2020-02-28"),
    ];

    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await ZoneFixtures.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static string Query(string? zone, params string[] policies) =>
        Microsoft.AspNetCore.Http.QueryString.Create(AfterDark.Select(f => new KeyValuePair<string, string?>(f.Field, f.Value))
            .Concat(policies.Select(p => new KeyValuePair<string, string?>("policy", p)))
            .Concat(zone is null ? [] : [new KeyValuePair<string, string?>("timezone", zone)])).ToUriComponent();

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    /// <summary>The Draft page's form sent as a browser sends it: the text, the base and the time zone field (left out when null).</summary>
    private async Task<(HttpResponseMessage Response, string Body, IDocument Page)> PostDraft(string text, string baseId, string? zone)
    {
        var fields = new List<KeyValuePair<string, string>> { new("text", text), new("base", baseId) };
        if (zone is not null)
        {
            fields.Add(new("timezone", zone));
        }

        var response = await _bench.Http.PostAsync("/draft", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body));
    }

    /// <summary>The look-back as a draft that names no <c>time_zone</c> at all (not even <c>local</c>).</summary>
    private static readonly string ZonelessDraft = TwoZoneFixture.LocalLookBack.Replace("time_zone: local", string.Empty, StringComparison.Ordinal);

    /// <summary>A comparison's matrix (subject, cases, differing cases) and its regions (description and count), as a page shows them.</summary>
    private static (List<(string, long, long)> Matrix, List<string> Regions) Comparison(IDocument page)
    {
        var section = page.QuerySelector("section#comparison")!;
        var matrix = section.QuerySelectorAll("table.matrix tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).Select(r => (r[0].TextContent.Trim(), Number(r[1]), Number(r[2]))).ToList();
        return (matrix, [.. section.QuerySelectorAll("ul.regions > li").Select(li => li.ChildNodes[0].TextContent.Trim())]);
    }

    /// <summary>The answer shown for a row (outcome or decision) in each policy's column.</summary>
    private static List<string?> Values(IDocument page, string row) =>
        [.. page.QuerySelectorAll($"table.decisions tr#row-{row} td").Select(td => td.GetAttribute("data-value"))];

    /// <summary>What every page shows for a zone the reader refuses: a 400 page, one problem linking the field, the words beside it, the field marked and kept as typed, typed text never markup.</summary>
    private static void AssertZoneRefused(HttpResponseMessage response, string body, IDocument page, string zone, string message)
    {
        var item = page.QuerySelector("#problems li");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.QuerySelectorAll("#problems li"), Has.Length.EqualTo(1));
        Assert.That(item?.QuerySelector("a")?.GetAttribute("href"), Is.EqualTo("#timezone"));
        Assert.That(item?.QuerySelector("a")?.TextContent, Is.EqualTo("Time zone"));
        Assert.That(item?.TextContent, Does.Contain(message));
        Assert.That(message, Is.Not.Empty);
        Assert.That(page.QuerySelector("p.error#error-timezone")?.TextContent, Is.EqualTo(message), "beside the field");
        Assert.That(page.QuerySelector("input#timezone")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo(zone), "kept as typed");
        Assert.That(page.QuerySelectorAll("b"), Is.Empty, "typed text shown as text");
        Assert.That(body, Does.Not.Contain("Exception").And.Not.Contain(" at DetainerRules."));
    }

    private static long Number(IElement cell) => long.Parse(cell.TextContent.Trim().Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The API's table for the same booking, policies and zone.</summary>
    private async Task<List<JsonElement>> ApiTable(string? zone, params string[] policies)
    {
        var request = zone is null
            ? (object)new { scenario = TwoZoneFixture.AfterDark, policies }
            : new { scenario = TwoZoneFixture.AfterDark, policies, timezone = zone };
        var (status, body) = await Responses.Read(_bench.PostJson("/v1/evaluate", request));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        return [.. Responses.Json(body).GetProperty("policies").EnumerateArray()];
    }

    [TestCase("America/Los_Angeles", "required")]
    [TestCase("Asia/Tokyo", "unknown")]
    [TestCase(null, "unknown")]
    public async Task EvaluatePage_PlacesTheBookingInTheZone_AsTheApiWithTheSameZone(string? zone, string notify)
    {
        var (response, body, page) = await Get("/evaluate" + Query(zone, "local-lookback", "holding"));
        var table = await ApiTable(zone, "local-lookback", "holding");
        var rows = page.QuerySelectorAll("table.decisions tbody tr").Select(tr => tr.Id!["row-".Length..]).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(Values(page, "notify_ice")[0], Is.EqualTo(notify));

            // Every decision of every column as POST /v1/evaluate gives it with the same zone (and the command line: TimezoneApiTests).
            foreach (var kind in rows.Where(r => r is not ("outcome" or "hold_until" or "limit")))
            {
                Assert.That(Values(page, kind), Is.EqualTo(table.Select(c => c.GetProperty("decisions").GetProperty(kind).GetProperty("value").GetString()).ToList()), kind);
            }

            Assert.That(Values(page, "outcome"), Is.EqualTo(table.Select(c => c.GetProperty("outcome").GetString()).ToList()));

            // Where the booking was placed, said above the answers and under each policy, and kept in the field.
            Assert.That(page.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo(zone ?? string.Empty));
            Assert.That(page.QuerySelector("#placement")?.TextContent, zone is null ? Does.StartWith("No time zone given") : Does.Contain("Booking placed in " + zone));
            Assert.That(page.QuerySelectorAll("th.policy small.zone").Select(s => s.TextContent), Is.All.EqualTo("days in " + (zone ?? "the written offset")));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo(zone ?? string.Empty));
        }
    }

    [Test]
    public async Task EvaluatePage_TheZoneChangesTheAnswer_AndTheLinksKeepIt()
    {
        var (_, _, placed) = await Get("/evaluate" + Query("America/Los_Angeles", "local-lookback"));
        var (_, _, written) = await Get("/evaluate" + Query(null, "local-lookback"));
        var link = placed.QuerySelectorAll("p.actions a").Single(a => a.TextContent == "Link to this evaluation").GetAttribute("href")!;
        var (_, _, again) = await Get(link);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(placed, "notify_ice"), Is.EqualTo(new[] { "required" }), "28 February in Los Angeles: within five years");
            Assert.That(Values(written, "notify_ice"), Is.EqualTo(new[] { "unknown" }), "1 March as written: past them");
            Assert.That(link, Does.Contain("timezone=America%2FLos_Angeles"));
            Assert.That(again.QuerySelector("table.decisions")!.OuterHtml, Is.EqualTo(placed.QuerySelector("table.decisions")!.OuterHtml));
        }
    }

    [Test]
    public async Task EvaluatePage_OffersTheCatalogsZones_ALabelledField()
    {
        var (_, _, page) = await Get("/evaluate");
        var input = page.QuerySelector<IHtmlInputElement>("input#timezone")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(input.Name, Is.EqualTo("timezone"));
            Assert.That(page.QuerySelector("label[for=timezone]")?.ChildNodes[0].TextContent.Trim(), Is.EqualTo("Time zone"));
            Assert.That(input.Value, Is.Empty, "empty: the times as written, as before the field");
            Assert.That(page.QuerySelector(input.GetAttribute("list") is { } list ? "datalist#" + list : "datalist") is { } datalist ? datalist.Id : null, Is.EqualTo("timezone-suggestions"));
        }
    }

    [TestCase("Pacific/Atlantis")]
    [TestCase("local")]
    [TestCase("<b>Mars</b>")]
    public async Task EvaluatePage_AZoneTheApiRefuses_A400PageNamingTheField(string zone)
    {
        var (response, body, page) = await Get("/evaluate" + Query(zone, "local-lookback"));
        var (_, api) = await Responses.Read(_bench.PostJson("/v1/evaluate", new { scenario = TwoZoneFixture.AfterDark, policies = new[] { "local-lookback" }, timezone = zone }));
        var message = Responses.Json(api).GetProperty("diagnostics")[0].GetProperty("message").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            AssertZoneRefused(response, body, page, zone, message);
            Assert.That(message, Does.Contain("is not an IANA time zone"), "the API's words");
            Assert.That(page.QuerySelector("table.decisions"), Is.Null);
        }
    }

    [Test]
    public async Task DownloadYaml_NamesTheZoneInAComment_AndItsTimezoneGivesThePagesAnswer()
    {
        var query = Query("America/Los_Angeles", "local-lookback");
        var response = await _bench.Http.GetAsync("/evaluate.yaml" + query);
        var yaml = await response.Content.ReadAsStringAsync();
        var file = Path.Combine(_bench.Folder, "scenarios", "downloaded-placed.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var cli = _bench.Cli("evaluate", "-p", "local-lookback", "--timezone", "America/Los_Angeles", "--format", "json", file);
        var (_, _, page) = await Get("/evaluate" + query);
        var plain = await (await _bench.Http.GetAsync("/evaluate.yaml" + Query(null, "local-lookback"))).Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), yaml);
            Assert.That(yaml, Does.Contain("\n# Placed in America/Los_Angeles on the page: `detainer evaluate -p POLICY --timezone America/Los_Angeles`"));
            Assert.That(plain, Does.Not.Contain("timezone"));
            Assert.That(ScenarioJson.ToJson(ScenarioLoader.Load(yaml, "placed.yaml", "s")), Is.EqualTo(ScenarioJson.ToJson(ScenarioLoader.Load(plain, "plain.yaml", "s"))), "the zone is no fact of the scenario");
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(Responses.Json(cli.Out).GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString(), Is.EqualTo(Values(page, "notify_ice")[0]));
        }
    }

    [Test]
    public async Task DownloadYaml_AZoneTheApiRefuses_400NamingTheField()
    {
        var (status, body) = await Responses.Read(_bench.Http.GetAsync("/evaluate.yaml" + Query("Pacific/Atlantis\n- injected", "local-lookback")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Responses.Json(body).GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("timezone"));
        }
    }

    [Test]
    public async Task ComparePage_PlacesThePoliciesInTheZone_AsTheApiWithTheSameZone()
    {
        // Kiritimati (UTC+14): the space is booked at noon UTC, already 13 March there, so the look-back's example moves with the zone.
        var (response, body, page) = await Get("/compare?p=local-lookback&p=refusing&timezone=Pacific%2FKiritimati");
        var (_, _, written) = await Get("/compare?p=local-lookback&p=refusing");
        var (_, api) = await Responses.Read(_bench.PostJson("/v1/compare", new { policies = new[] { "local-lookback", "refusing" }, space = true, timezone = "Pacific/Kiritimati" }));
        var subjects = Responses.Json(api).GetProperty("subjects").EnumerateArray().ToList();
        var section = page.QuerySelector("section#comparison")!;
        var rows = section.QuerySelectorAll("table.matrix tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).ToList();
        var examples = section.QuerySelectorAll("a.example").Select(a => a.GetAttribute("href")!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(rows.Select(r => r[0].TextContent.Trim()), Is.EqualTo(subjects.Select(s => s.GetProperty("subject").GetString())));
            Assert.That(rows.Select(r => (Number(r[1]), Number(r[2]))), Is.EqualTo(subjects.Select(s => (s.GetProperty("cases").GetInt64(), s.GetProperty("differing").GetInt64()))));
            Assert.That(section.TextContent, Does.Contain("2020-03-13"), "the example conviction five years before the Kiritimati day");
            Assert.That(written.QuerySelector("section#comparison")!.TextContent, Does.Not.Contain("2020-03-13"), "without the zone, the day as written");
            Assert.That(page.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo("Pacific/Kiritimati"));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo("Pacific/Kiritimati"));
            Assert.That(examples, Is.Not.Empty);
            Assert.That(examples, Is.All.Contain("timezone=Pacific%2FKiritimati"), "each example opens where it was compared");
        }
    }

    [Test]
    public async Task ComparePage_AnExample_OpensOnTheEvaluatePage_WithTheAnswersTheComparisonGave()
    {
        var (_, _, page) = await Get("/compare?p=local-lookback&p=refusing&timezone=Pacific%2FKiritimati");
        var item = page.QuerySelector("section#comparison h2#notify_ice ~ ul.regions > li")!;
        var answers = item.ParentElement!.PreviousElementSibling!.QuerySelectorAll("span.answer").Select(a => a.ClassList.Single(c => c != "answer")).ToList();
        var (response, body, evaluated) = await Get(item.QuerySelector("a.example")!.GetAttribute("href")!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(evaluated.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo("Pacific/Kiritimati"));
            Assert.That(Values(evaluated, "notify_ice"), Is.EqualTo(answers));
        }
    }

    [TestCase("Pacific/Atlantis")]
    [TestCase("local")]
    public async Task ComparePage_AZoneTheApiRefuses_A400PageNamingTheField(string zone)
    {
        var (response, body, page) = await Get("/compare?p=local-lookback&p=refusing&timezone=" + Uri.EscapeDataString(zone));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.QuerySelector("#problems")?.TextContent, Does.Contain("timezone: `" + zone + "` is not an IANA time zone"));
            Assert.That(page.QuerySelector("p.error#error-timezone")?.TextContent, Does.Contain("is not an IANA time zone"));
            Assert.That(page.QuerySelector("input#timezone")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo(zone));
            Assert.That(page.QuerySelector("section#comparison"), Is.Null);
            Assert.That(body, Does.Not.Contain("Exception"));
        }
    }

    [TestCase("Pacific/Atlantis")]
    [TestCase("local")]
    public async Task ComparePage_AZoneTheApiRefuses_WithNoPoliciesChosen_IsStillA400PageNamingTheField(string zone)
    {
        var (response, body, page) = await Get("/compare?timezone=" + Uri.EscapeDataString(zone));
        var (_, _, evaluate) = await Get("/evaluate" + Query(zone, "local-lookback"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.QuerySelector("#problems")?.TextContent, Does.Contain("timezone: `" + zone + "` is not an IANA time zone"));
            Assert.That(page.QuerySelector("p.error#error-timezone")?.TextContent, Is.EqualTo(evaluate.QuerySelector("p.error#error-timezone")?.TextContent), "the Evaluate page's reader, in its words");
            Assert.That(page.QuerySelector("input#timezone")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo(zone), "kept as typed");
            Assert.That(page.QuerySelectorAll("#policies option[selected]"), Is.Empty);
            Assert.That(page.QuerySelector("section#comparison"), Is.Null);
        }
    }

    [Test]
    public async Task ComparePage_NoPoliciesChosen_NoZone_TheFormAlone()
    {
        var (response, body, page) = await Get("/compare");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector("#problems"), Is.Null);
            Assert.That(page.QuerySelector("input#timezone")?.GetAttribute("aria-invalid"), Is.Null);
        }
    }

    [Test]
    public async Task ComparePage_AZoneTypedInAnotherCase_IsRefusedAsOnTheEvaluatePage_SuggestingTheDatabasesId()
    {
        // The reader matches ids exactly (the database's ids are case-sensitive) and suggests the id it is closest to.
        var (response, body, page) = await Get("/compare?p=local-lookback&p=refusing&timezone=america%2Fdenver");
        var (evaluateResponse, _, evaluate) = await Get("/evaluate" + Query("america/denver", "local-lookback"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(evaluateResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.QuerySelector("p.error#error-timezone")?.TextContent, Does.Contain("did you mean `America/Denver`"));
            Assert.That(page.QuerySelector("p.error#error-timezone")?.TextContent, Is.EqualTo(evaluate.QuerySelector("p.error#error-timezone")?.TextContent));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo("america/denver"), "kept as typed");
        }
    }

    [TestCase("America/Denver")]
    [TestCase("US/Mountain")]
    public async Task ComparePage_AZoneTheReaderAccepts_IsShownAsTheEvaluatePageShowsIt_TheDatabasesId(string typed)
    {
        var id = JurisdictionTime.OfBookings(typed, out _)!.ZoneId!;
        var (response, body, page) = await Get("/compare?p=local-lookback&p=refusing&timezone=" + Uri.EscapeDataString(typed));
        var (_, _, evaluate) = await Get("/evaluate" + Query(typed, "local-lookback"));
        var examples = page.QuerySelectorAll("section#comparison a.example").Select(a => a.GetAttribute("href")!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo(id));
            Assert.That(page.QuerySelector("#placement strong")?.TextContent, Is.EqualTo(id));
            Assert.That(page.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo(evaluate.QuerySelector("#placement")?.GetAttribute("data-timezone")), "as the Evaluate page shows the same zone");
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo(typed), "the field keeps the text as typed");
            Assert.That(examples, Is.Not.Empty);
            Assert.That(examples, Is.All.Contain("timezone=" + Uri.EscapeDataString(id)));
        }
    }

    [Test]
    public async Task DraftPage_HasTheTimeZoneField_AsTheEvaluatePageHasIt()
    {
        var (response, body, page) = await Get("/draft?base=refusing");
        var (_, _, evaluate) = await Get("/evaluate");
        var input = page.QuerySelector<IHtmlInputElement>("form#draft input#timezone");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(input?.Name, Is.EqualTo("timezone"), "in the form the Check and compare button sends");
            Assert.That(input?.Value, Is.Empty);
            Assert.That(page.QuerySelector("label[for=timezone]")?.ChildNodes[0].TextContent.Trim(), Is.EqualTo("Time zone"));
            Assert.That(page.QuerySelector("label[for=timezone]")?.TextContent, Is.EqualTo(evaluate.QuerySelector("label[for=timezone]")?.TextContent));
            Assert.That(input?.GetAttribute("list"), Is.EqualTo("timezone-suggestions"));
            Assert.That(page.QuerySelectorAll("datalist#timezone-suggestions option").Select(o => o.GetAttribute("value")),
                Is.EqualTo(evaluate.QuerySelectorAll("datalist#timezone-suggestions option").Select(o => o.GetAttribute("value"))), "the catalog's zones");
            Assert.That(page.QuerySelector("#comparison #placement"), Is.Null, "nothing compared yet");
        }
    }

    [TestCase("Pacific/Atlantis")]
    [TestCase("local")]
    [TestCase("<b>Mars</b>")]
    public async Task DraftPage_AZoneTheApiRefuses_A400WithTheEvaluatePagesProblem(string zone)
    {
        var (response, body, page) = await PostDraft(ZonelessDraft, "refusing", zone);
        var (_, _, evaluate) = await Get("/evaluate" + Query(zone, "local-lookback"));
        var evaluateMessage = evaluate.QuerySelector("p.error#error-timezone")?.TextContent ?? string.Empty;

        using (Assert.EnterMultipleScope())
        {
            AssertZoneRefused(response, body, page, zone, evaluateMessage);
            Assert.That(evaluateMessage, Does.Contain("is not an IANA time zone"));
            Assert.That(page.QuerySelector("#problems li")?.TextContent, Is.EqualTo(evaluate.QuerySelector("#problems li")?.TextContent), "the Evaluate page's problem, word for word");
            Assert.That(page.QuerySelector<IHtmlTextAreaElement>("textarea#policy-text")?.Value, Is.EqualTo(ZonelessDraft.ReplaceLineEndings("\n")), "the draft kept");
            Assert.That(page.QuerySelector("section#comparison"), Is.Null);
        }
    }

    [Test]
    public async Task DraftPage_ADraftNamingNoZone_ComparedInTheZone_AsTheComparePageComparesTheSamePolicies()
    {
        var (response, body, page) = await PostDraft(ZonelessDraft, "refusing", "America/Denver");
        var (_, _, compared) = await Get("/compare?p=local-lookback&p=refusing&timezone=America%2FDenver");
        var examples = page.QuerySelectorAll("section#comparison a.example").Select(a => a.GetAttribute("href")!).ToList();
        var (_, _, evaluated) = await Get(examples[0]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelector("#findings-summary")?.TextContent, Does.StartWith("No problems"));
            Assert.That(Comparison(page).Matrix, Is.EqualTo(Comparison(compared).Matrix));
            Assert.That(Comparison(page).Regions, Is.EqualTo(Comparison(compared).Regions));
            Assert.That(Comparison(page).Regions, Is.Not.Empty);
            Assert.That(page.QuerySelector("section#comparison #placement")?.OuterHtml, Is.EqualTo(compared.QuerySelector("section#comparison #placement")?.OuterHtml), "the Compare page's placement line");
            Assert.That(page.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo("America/Denver"));
            Assert.That(page.QuerySelector<IHtmlInputElement>("input#timezone")?.Value, Is.EqualTo("America/Denver"));
            Assert.That(examples, Is.All.Contain("timezone=America%2FDenver"), "each example opens where it was compared");
            Assert.That(evaluated.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.EqualTo("America/Denver"));
        }
    }

    [Test]
    public async Task DraftPage_TheZoneMovesTheDraftsComparison_AsItMovesTheComparePages()
    {
        // Kiritimati (UTC+14): the space is booked at noon UTC, already 13 March there, so the look-back's example conviction moves with the zone.
        var (_, _, placed) = await PostDraft(ZonelessDraft, "refusing", "Pacific/Kiritimati");
        var (_, _, written) = await PostDraft(ZonelessDraft, "refusing", null);
        var (_, _, compared) = await Get("/compare?p=local-lookback&p=refusing&timezone=Pacific%2FKiritimati");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(placed.QuerySelector("section#comparison")!.TextContent, Does.Contain("2020-03-13"), "the example conviction five years before the Kiritimati day");
            Assert.That(written.QuerySelector("section#comparison")!.TextContent, Does.Not.Contain("2020-03-13"), "without the zone, the day as written");
            Assert.That(written.QuerySelector("#placement")?.GetAttribute("data-timezone"), Is.Empty);
            Assert.That(written.QuerySelectorAll("section#comparison a.example").Select(a => a.GetAttribute("href")), Has.None.Contain("timezone="));
            Assert.That(Comparison(placed), Is.EqualTo(Comparison(compared)).Using<(List<(string, long, long)>, List<string>)>((a, b) => a.Item1.SequenceEqual(b.Item1) && a.Item2.SequenceEqual(b.Item2)));
        }
    }

    [Test]
    public async Task PolicyPage_EachCaseLink_OpensTheBookingInTheCasesZone_AndGivesTheExpectedAnswer()
    {
        var (_, _, page) = await Get("/policies/local-lookback");
        var links = page.QuerySelectorAll("ul.cases > li a.case-link").Select(a => a.GetAttribute("href")!).ToList();

        Assert.That(links, Has.Count.EqualTo(2));
        var (_, _, losAngeles) = await Get(links[0]);
        var (_, _, tokyo) = await Get(links[1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(links[0], Does.Contain("timezone=America%2FLos_Angeles"), "the file's zone");
            Assert.That(links[1], Does.Contain("timezone=Asia%2FTokyo"), "the case's own, over the file's");
            Assert.That(Values(losAngeles, "notify_ice"), Is.EqualTo(new[] { "required" }), "the first case's expectation");
            Assert.That(Values(tokyo, "notify_ice"), Is.EqualTo(new[] { "unknown" }), "the second case's expectation");
        }
    }
}
