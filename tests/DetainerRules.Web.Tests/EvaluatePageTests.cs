using DetainerRules.Model.Scenarios;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Tests;

/// <summary><c>GET /evaluate</c>: a booking typed into the form, decided under the fixture policies side by side, as the command line decides the same scenario file.</summary>
[TestFixture]
public class EvaluatePageTests
{
    /// <summary>The facts of <see cref="FixtureScenarios.Detained"/>, as the form sends them.</summary>
    private static readonly (string Field, string Value)[] Detained =
    [
        ("booked_at", "2025-01-17T09:30:00-08:00"),
        ("foreign_born", "true"),
        ("charge1_offense", "robbery"),
        ("charge1_level", "felony"),
        ("charge1_category", "robbery"),
        ("detainer_form", "I-247A"),
        ("detainer_warrant", "administrative"),
        ("release_eligible_at", "2025-01-17T18:00:00-08:00"),
    ];

    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bench = await Workbenches.Start();
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "charging.yaml"), FixturePolicies.Charging);
        await File.WriteAllTextAsync(Path.Combine(_bench.Rules, "hostile.yaml"), PageFixtures.Hostile);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    private static string Query(IEnumerable<(string Field, string Value)> fields, params string[] policies) =>
        Microsoft.AspNetCore.Http.QueryString.Create(fields.Select(f => new KeyValuePair<string, string?>(f.Field, f.Value))
            .Concat(policies.Select(p => new KeyValuePair<string, string?>("policy", p)))).ToUriComponent();

    private static (string Field, string Value)[] With(string field, string value) =>
        [.. Detained.Where(f => f.Field != field), (field, value)];

    private Task<(HttpResponseMessage Response, string Body, IDocument Page)> Get(string path) => _bench.GetPage(path);

    private static string Text(IElement? e) => e?.TextContent.Trim() ?? "(missing)";

    /// <summary>The answer shown for a row (outcome or decision) in each policy's column, as the page's data attribute gives it.</summary>
    private static List<string?> Values(IDocument page, string row) =>
        [.. page.QuerySelectorAll($"table.decisions tr#row-{row} td").Select(td => td.GetAttribute("data-value"))];

    [Test]
    public async Task SideBySide_EachPolicyAnswers_AsItsRulesDecide_AndAsTheCommandLinesTable()
    {
        var scenario = Path.Combine(_bench.Folder, "scenarios", "detained.yaml");
        var cli = _bench.Cli("evaluate", "-p", "holding", "-p", "refusing", "-p", "charging", "--format", "json", scenario);
        var (response, body, page) = await Get("/evaluate" + Query(Detained, "holding", "refusing", "charging"));
        var table = JsonDocument.Parse(cli.Out).RootElement.GetProperty("policies").EnumerateArray().ToList();
        var headings = page.QuerySelectorAll("table.decisions thead th.policy").Select(th => th.ChildNodes[0].TextContent).ToList();
        var rows = page.QuerySelectorAll("table.decisions tbody tr").Select(tr => tr.Id!["row-".Length..]).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(headings, Is.EqualTo(new[] { "holding", "refusing", "charging" }));

            // What the fixtures' rules say for an I-247A detainer and a robbery charge; the template's defaults elsewhere.
            Assert.That(Values(page, "delay_release"), Is.EqualTo(new[] { "required", "forbidden", "unknown" }));
            Assert.That(Values(page, "notify_ice"), Is.EqualTo(new[] { "unknown", "unknown", "required" }));
            Assert.That(Text(page.QuerySelectorAll("tr#row-notify_ice td .value")[2]), Is.EqualTo("required (release)"));

            // Every decision of every column as `detainer evaluate -p ... --format json` gives it for the same scenario file.
            foreach (var kind in rows.Where(r => r is not ("outcome" or "hold_until" or "limit")))
            {
                Assert.That(Values(page, kind), Is.EqualTo(table.Select(c => c.GetProperty("decisions").GetProperty(kind).GetProperty("value").GetString()).ToList()), kind);
            }

            Assert.That(Values(page, "outcome"), Is.EqualTo(table.Select(c => c.GetProperty("outcome").GetString()).ToList()));
        }
    }

    [Test]
    public async Task TheFormSentWhole_TheColumnsInTheOrderThePageShowed_ANewPolicyAfter()
    {
        // As the browser sends it: the select's choices in the select's order, and the hidden order of the columns shown.
        var sent = Query(Detained.Append(("columns", "refusing holding")), "charging", "holding", "refusing");
        var (_, _, page) = await Get("/evaluate" + sent);
        var headings = page.QuerySelectorAll("table.decisions thead th.policy").Select(th => th.ChildNodes[0].TextContent).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(headings, Is.EqualTo(new[] { "refusing", "holding", "charging" }));
            Assert.That(page.QuerySelector("input[type=hidden][name=columns]")!.GetAttribute("value"), Is.EqualTo("refusing holding charging"));
            Assert.That(page.QuerySelectorAll("p.actions a")[0].GetAttribute("href"), Does.EndWith("&policy=refusing&policy=holding&policy=charging").And.Not.Contain("columns"));
        }
    }

    [Test]
    public async Task EachAnswer_OpensOntoTheRuleItsReasonAndTheQuotedSource()
    {
        var (_, _, page) = await Get("/evaluate" + Query(Detained, "charging", "refusing"));
        var decided = page.QuerySelectorAll("tr#row-notify_ice td")[0].QuerySelector("details")!;
        var fallback = page.QuerySelectorAll("tr#row-notify_ice td")[1].QuerySelector("details")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(decided.QuerySelector("summary")), Is.EqualTo("Why"));
            Assert.That(Text(decided.QuerySelector("ul.rules li code")), Is.EqualTo("report-robbery"));
            Assert.That(decided.QuerySelector("ul.rules li")!.TextContent, Does.Contain("robbery charges are reported"));
            Assert.That(Text(decided.QuerySelector("p.when code")), Is.EqualTo("any charge(category = robbery)"));
            Assert.That(decided.QuerySelectorAll("ul.trace li.holds"), Is.Not.Empty, "the condition traced on the booking");
            Assert.That(Text(decided.QuerySelector("figure.cite blockquote")), Is.EqualTo("Robbery charges shall be reported at release."));
            Assert.That(Text(fallback.QuerySelector(".why")), Does.Contain("No rule applies; the policy's default: silent"));
        }
    }

    [Test]
    public async Task ChangingACharge_FlipsTheAnswer()
    {
        var (_, _, robbery) = await Get("/evaluate" + Query(Detained, "charging"));
        var (_, _, traffic) = await Get("/evaluate" + Query(With("charge1_category", "traffic"), "charging"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(robbery, "notify_ice"), Is.EqualTo(new[] { "required" }));
            Assert.That(Values(traffic, "notify_ice"), Is.EqualTo(new[] { "unknown" }));
            Assert.That(((IHtmlSelectElement)traffic.QuerySelector("select#charge1_category")!).Value, Is.EqualTo("traffic"));
        }
    }

    [Test]
    public async Task AFamily_AnswersWithTheVersionInForceOnTheBookingDay()
    {
        var (_, _, late) = await Get("/evaluate" + Query(Detained, "fam"));
        var (_, _, early) = await Get("/evaluate" + Query(With("booked_at", "2021-06-03T09:30:00-07:00"), "fam"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(late.QuerySelector("th.policy small a code")), Is.EqualTo("fam"));
            Assert.That(Text(early.QuerySelector("th.policy small a code")), Is.EqualTo("fam-2020"));
        }
    }

    [Test]
    public async Task ABadTime_TheLoadersMessageBesideBookedAt_TheFormKeepsItsValues()
    {
        const string bad = "2025-01-17 half past nine";
        var expected = LoaderProblems.Of($"booked_at: {JsonSerializer.Serialize(bad)}\ncharges: [ {{ offense: robbery, level: felony, category: robbery }} ]\n", "booked_at");
        var (response, body, page) = await Get("/evaluate" + Query(With("booked_at", bad), "holding", "refusing"));
        var policies = page.QuerySelectorAll("select#policy option[selected]").Select(o => o.GetAttribute("value")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(Text(page.QuerySelector("#error-booked_at")), Is.EqualTo(expected));
            Assert.That(page.QuerySelector("input#booked_at")!.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(page.QuerySelector("input#booked_at")!.GetAttribute("aria-describedby"), Is.EqualTo("error-booked_at"));
            Assert.That(page.QuerySelector("table.decisions"), Is.Null, "nothing is decided");
            Assert.That(Text(page.QuerySelector("#problems li a")), Is.EqualTo("Booked at"));

            // What was typed stays, to be corrected.
            Assert.That(page.QuerySelector("input#booked_at")!.GetAttribute("value"), Is.EqualTo(bad));
            Assert.That(page.QuerySelector("input#charge1_offense")!.GetAttribute("value"), Is.EqualTo("robbery"));
            Assert.That(((IHtmlSelectElement)page.QuerySelector("select#detainer_form")!).Value, Is.EqualTo("I-247A"));
            Assert.That(policies, Is.EqualTo(new[] { "holding", "refusing" }));
        }
    }

    [Test]
    public async Task AJudgesWarrantsCourtAndOffense_SentToTheLoader_AndRefusedBesideTheirFieldWithAnotherWarrant()
    {
        (string, string)[] judicial = [.. With("detainer_warrant", "judicial"), ("detainer_warrant_court", "state"), ("detainer_warrant_offense", "other_crime")];
        var yaml = await (await _bench.Http.GetAsync("/evaluate.yaml" + Query(judicial, "holding"))).Content.ReadAsStringAsync();
        var detainer = ScenarioLoader.Load(yaml, "scenario.yaml", "scenario").Detainer!;

        // The same facts with an administrative warrant: the loader refuses each at its key, and the page says so beside the field.
        var (response, _, page) = await Get("/evaluate" + Query([.. Detained, ("detainer_warrant_court", "federal")], "holding"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((detainer.Warrant, detainer.WarrantCourt, detainer.WarrantOffense), Is.EqualTo((WarrantKind.Judicial, (WarrantCourt?)WarrantCourt.State, (WarrantOffense?)WarrantOffense.OtherCrime)));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Text(page.QuerySelector("#error-detainer_warrant_court")), Does.Contain("judicial"));
            Assert.That(((IHtmlSelectElement)page.QuerySelector("select#detainer_warrant_court")!).Value, Is.EqualTo("federal"), "what was chosen stays");
            Assert.That(Text(page.QuerySelector("label[for=detainer_warrant_offense]")), Is.EqualTo("Judge's warrant: for"));
        }
    }

    [Test]
    public async Task WhatFlipsAsked_EachWhyListsTheChangesThatFlipIt_InTheCommandLinesWords_AndOnlyWhenAsked()
    {
        // `charging` notifies ICE of any robbery charge (FixturePolicies.Charging): changing the charge's category must flip notice.
        var (_, _, asked) = await Get("/evaluate" + Query(Detained, "charging") + "&what_flips=true");
        var (_, _, plain) = await Get("/evaluate" + Query(Detained, "charging"));
        var cli = _bench.Cli("evaluate", "-p", "charging", "--what-flips", "scenarios/detained.yaml");
        List<string> Shown(string row) => [.. asked.QuerySelectorAll($"tr#row-{row} td .flips li").Select(li => li.TextContent)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(Shown("notify_ice"), Is.Not.Empty.And.Some.Contains("charge"), "a changed charge flips notice");
            Assert.That(Shown("outcome"), Is.Not.Empty);
            foreach (var line in Shown("notify_ice").Concat(Shown("outcome")))
            {
                Assert.That(cli.Out, Does.Contain("    - " + line + "\n"), "as `detainer evaluate --what-flips` says it");
            }

            Assert.That(((IHtmlInputElement)asked.QuerySelector("input#what_flips")!).IsChecked, Is.True);
            Assert.That(asked.QuerySelector("a[download]")!.GetAttribute("href"), Does.Contain("what_flips=true"), "the links keep the question");
            Assert.That(plain.QuerySelectorAll(".flips"), Is.Empty, "searched only when asked");
        }
    }

    [Test]
    public async Task EmptyRowsIgnored_AProblemInALaterRow_ShownBesideThatRowsField()
    {
        // Row 1 left empty; row 3 filled without a category: the loader's charges[0].category is row 3's.
        (string, string)[] fields = [("booked_at", "2025-01-17T09:30:00-08:00"), ("charge3_offense", "theft"), ("charge3_level", "misdemeanor")];
        var expected = LoaderProblems.Of("booked_at: 2025-01-17T09:30:00-08:00\ncharges:\n  - offense: theft\n    level: misdemeanor\n", "charges[0].category");
        var (response, _, page) = await Get("/evaluate" + Query(fields, "holding"));
        var (_, _, none) = await Get("/evaluate" + Query([("booked_at", "2025-01-17T09:30:00-08:00")], "holding"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Text(page.QuerySelector("#error-charge3_category")), Is.EqualTo(expected));
            Assert.That(page.QuerySelectorAll("p.error"), Has.Length.EqualTo(1));
            Assert.That(Text(none.QuerySelector("#error-charges")), Is.EqualTo(LoaderProblems.Of("booked_at: 2025-01-17T09:30:00-08:00\ncharges: []\n", "charges")));
        }
    }

    [Test]
    public async Task SevenChargesWithStatutes_EveryRowShown_AndTheLinkAndDownload_TheSameScenario_DecidedAsTheCommandLineDecidesIt()
    {
        var file = Path.Combine(_bench.Folder, "scenarios", "seven.yaml");
        await File.WriteAllTextAsync(file, ScenarioFormTests.Seven());
        var scenario = ScenarioLoader.Load(ScenarioFormTests.Seven(), "seven.yaml", "seven");
        var link = "/evaluate" + Pages.ScenarioForm.Of(scenario, ["holding", "charging"])!.Query();
        var (response, body, page) = await Get(link);
        var download = page.QuerySelectorAll("p.actions a").Single(a => a.TextContent == "Download YAML").GetAttribute("href")!;
        var yaml = await (await _bench.Http.GetAsync(download)).Content.ReadAsStringAsync();
        var cli = _bench.Cli("evaluate", "-p", "holding", "-p", "charging", "--format", "json", file);
        var table = JsonDocument.Parse(cli.Out).RootElement.GetProperty("policies").EnumerateArray().ToList();
        static string Json(Scenario s) => ScenarioJson.ToJson(new Scenario(s) { Id = "same", Description = null });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(cli.Exit, Is.Zero, cli.Err);
            Assert.That(page.QuerySelectorAll("tbody#charge-rows tr"), Has.Length.EqualTo(8), "seven filled, one blank");
            Assert.That(page.QuerySelectorAll("tbody#conviction-rows tr"), Has.Length.EqualTo(8));
            Assert.That(page.QuerySelector("input#charge7_statute")!.GetAttribute("value"), Is.EqualTo("8 U.S.C. \"1326\" <i>"));
            Assert.That(page.QuerySelector("input#charge7_statute")!.GetAttribute("aria-label"), Is.EqualTo("Charge 7 statute"));
            Assert.That(page.QuerySelector("input#conviction7_statute")!.GetAttribute("value"), Is.EqualTo("PC 193"));
            Assert.That(page.QuerySelector("input#charge8_offense")!.GetAttribute("value"), Is.Empty);
            Assert.That(page.QuerySelectorAll("i, b"), Is.Empty, "the statute's markup shown as text");

            // The download is the scenario the link holds, and what the page decided is what the command line decides of the original file.
            Assert.That(Json(ScenarioLoader.Load(yaml, "scenario.yaml", "scenario")), Is.EqualTo(Json(scenario)));
            Assert.That(Values(page, "outcome"), Is.EqualTo(table.Select(c => c.GetProperty("outcome").GetString()).ToList()));
            Assert.That(Values(page, "notify_ice"), Is.EqualTo(table.Select(c => c.GetProperty("decisions").GetProperty("notify_ice").GetProperty("value").GetString()).ToList()));
            Assert.That(Values(page, "delay_release"), Is.EqualTo(new[] { "required", "unknown" }));
        }
    }

    [Test]
    public async Task AddACharge_WithoutScript_TheFormAgain_WithOneMoreRow_ItsFirstFieldFocused()
    {
        // As a browser sends the form by that button: every row's fields, the empty ones too, and the button's own name and value.
        var rows = Enumerable.Range(2, 4).SelectMany(r => new[] { "offense", "statute", "level", "category" }.Select(p => ($"charge{r}_{p}", string.Empty)));
        var (response, body, page) = await Get("/evaluate" + Query([.. Detained, .. rows, ("add", "charge")], "charging"));
        var form = page.QuerySelector("form#booking")!;
        var buttons = form.QuerySelectorAll("button[type=submit]").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("tbody#charge-rows tr"), Has.Length.EqualTo(6));
            Assert.That(page.QuerySelectorAll("tbody#conviction-rows tr"), Has.Length.EqualTo(5));
            Assert.That(page.QuerySelectorAll("[autofocus]").Select(e => e.Id), Is.EqualTo(new[] { "charge6_offense" }));
            Assert.That(page.QuerySelector("input#charge6_statute")!.GetAttribute("aria-label"), Is.EqualTo("Charge 6 statute"));
            Assert.That(Values(page, "notify_ice"), Is.EqualTo(new[] { "required" }), "the booking is still answered");
            Assert.That(page.QuerySelectorAll("p.actions a").Select(a => a.GetAttribute("href")), Has.All.Not.Contain("add="), "the links hold the booking, not the button");

            // Enter in a field sends the form by its first submit button: one that evaluates, out of the Tab order; then each list's Add.
            Assert.That(buttons[0].GetAttribute("name"), Is.Null);
            Assert.That(buttons[0].GetAttribute("tabindex"), Is.EqualTo("-1"));
            Assert.That(buttons.Where(b => b.GetAttribute("name") == "add").Select(b => (b.GetAttribute("value"), b.TextContent)), Is.EqualTo(new[] { ("charge", "Add a charge"), ("conviction", "Add a conviction") }));
            Assert.That(buttons[^1].TextContent, Is.EqualTo("Evaluate"));

            // The blank row the script copies: row 0, which the form never sends, labelled as the others.
            var template = (IHtmlTemplateElement)page.QuerySelector("template#charge-row")!;
            Assert.That(template.Content.QuerySelectorAll("input, select").Select(c => (c.GetAttribute("name"), c.GetAttribute("aria-label"))),
                Is.EqualTo(new[] { "offense", "statute", "level", "category" }.Select(p => ((string?)$"charge0_{p}", (string?)$"Charge 0 {p}"))));
        }
    }

    [Test]
    public async Task RowsUpToTheBound_Shown_ABeyond_A400PageThatSaysSo()
    {
        var max = Pages.BookingForm.MaxRows;
        var (full, fullBody, page) = await Get("/evaluate" + Query([.. Detained, ($"charge{max}_offense", "theft"), ($"charge{max}_level", "misdemeanor"), ($"charge{max}_category", "theft")], "holding"));
        var (beyond, beyondBody, refused) = await Get("/evaluate" + Query([.. Detained, ($"charge{max + 1}_offense", "theft")], "holding"));
        var (added, _, _) = await Get("/evaluate" + Query([.. Detained, ($"conviction{max}_offense", string.Empty), ("add", "conviction")], "holding"));
        var yaml = await _bench.Http.GetAsync("/evaluate.yaml" + Query([.. Detained, ($"charge{max + 1}_offense", "theft")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.OK), fullBody);
            Assert.That(page.QuerySelectorAll("tbody#charge-rows tr"), Has.Length.EqualTo(max));
            Assert.That(page.QuerySelector("button#add-charge")!.HasAttribute("disabled"), Is.True);
            Assert.That(page.QuerySelector("#add-charge-limit")!.HasAttribute("hidden"), Is.False);
            Assert.That(page.QuerySelector("button#add-conviction")!.HasAttribute("disabled"), Is.False);

            Assert.That(beyond.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), beyondBody);
            Assert.That(beyond.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(Text(refused.QuerySelector("#problems p")), Does.Contain($"at most {max} charges"));
            Assert.That(refused.QuerySelector("#problems a")!.GetAttribute("href"), Is.EqualTo("/evaluate"));
            Assert.That(beyondBody.Length, Is.LessThan(20_000), "no form of rows is rendered");
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a row added past the bound");
            Assert.That(yaml.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(yaml.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [TestCase("nothing-here", "no policy")]
    [TestCase("../rules/holding", "is not a policy id")]
    public async Task AnUnknownOrPathLikePolicy_SaidBesideThePolicies(string policy, string said)
    {
        var (response, body, page) = await Get("/evaluate" + Query(Detained, policy));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(Text(page.QuerySelector("#error-policy")), Does.Contain(said).IgnoreCase);
            Assert.That(page.QuerySelectorAll("select#policy option[selected]").Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { policy }));
        }
    }

    [Test]
    public async Task OpenedEmpty_TheFormWithOnePolicyChosen_NothingDecided()
    {
        var (response, _, page) = await Get("/evaluate");
        var chosen = page.QuerySelectorAll("select#policy option[selected]").Select(o => o.GetAttribute("value")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(chosen, Is.EqualTo(new[] { "fam" }), "the first family");
            Assert.That(page.QuerySelector("table.decisions"), Is.Null);
            Assert.That(page.QuerySelector("form#booking")!.GetAttribute("method"), Is.EqualTo("get"));
            Assert.That(page.QuerySelectorAll("input#charge5_offense, input#conviction5_released_on, input#charge5_statute, input#conviction5_statute"), Has.Length.EqualTo(4));
            Assert.That(page.QuerySelectorAll("tbody#charge-rows tr, tbody#conviction-rows tr"), Has.Length.EqualTo(10), "five rows each");
            Assert.That(page.QuerySelectorAll("[autofocus]"), Is.Empty);

            // Every control labelled, by a label or its own aria-label.
            var unlabelled = page.QuerySelectorAll("form input:not([type=hidden]), form select")
                .Where(c => c.GetAttribute("aria-label") is null && page.QuerySelector($"label[for='{c.Id}']") is null && c.Closest("label") is null)
                .Select(c => c.Id ?? c.GetAttribute("name")).ToList();
            Assert.That(unlabelled, Is.Empty);
        }
    }

    [Test]
    public async Task DownloadYaml_LoadsBackToTheSameScenario_HostileTextIncluded()
    {
        const string offense = "rob \"the\" bank\\ <script>alert(1)</script> # not a comment";
        var fields = With("charge1_offense", offense).Append(("conviction2_offense", "theft")).Append(("conviction2_level", "misdemeanor"))
            .Append(("conviction2_category", "theft")).Append(("conviction2_convicted_on", "2019-04-02")).Append(("request", "jail_access"))
            .Append(("ice_present", "true")).Append(("citizenship", "noncitizen"));
        var response = await _bench.Http.GetAsync("/evaluate.yaml" + Query(fields, "holding"));
        var yaml = await response.Content.ReadAsStringAsync();
        var loaded = ScenarioLoader.Load(yaml, "download.yaml", "scenario");
        var expected = ScenarioLoader.Load(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["booked_at"] = "2025-01-17T09:30:00-08:00",
            ["person"] = new { foreign_born = true, citizenship = "noncitizen" },
            ["charges"] = new[] { new { offense, level = "felony", category = "robbery" } },
            ["convictions"] = new[] { new { offense = "theft", level = "misdemeanor", category = "theft", convicted_on = "2019-04-02" } },
            ["detainer"] = new { form = "I-247A", warrant = "administrative" },
            ["custody"] = new { release_eligible_at = "2025-01-17T18:00:00-08:00" },
            ["ice"] = new { present_at_release = true },
            ["requests"] = new[] { "jail_access" },
        }), "expected.json", "scenario");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), yaml);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/yaml"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(ScenarioJson.ToJson(loaded), Is.EqualTo(ScenarioJson.ToJson(expected)));
            Assert.That(loaded.Charges[0].Offense, Is.EqualTo(offense));
        }
    }

    [Test]
    public async Task DownloadYaml_OfABookingWithProblems_TheLoadersDiagnostics()
    {
        var response = await _bench.Http.GetAsync("/evaluate.yaml" + Query(With("booked_at", "yesterday")));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("diagnostics")[0].GetProperty("field").GetString(), Is.EqualTo("booked_at"));
        }
    }

    [Test]
    public async Task TheLinks_ReproduceTheBooking()
    {
        var (_, _, page) = await Get("/evaluate" + Query(Detained, "holding", "charging"));
        var link = page.QuerySelectorAll("p.actions a").Single(a => a.TextContent == "Link to this evaluation").GetAttribute("href")!;
        var download = page.QuerySelectorAll("p.actions a").Single(a => a.TextContent == "Download YAML").GetAttribute("href")!;
        var (_, _, again) = await Get(link);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link, Does.StartWith("/evaluate?booked_at="));
            Assert.That(download, Is.EqualTo("/evaluate.yaml" + link["/evaluate".Length..]));
            Assert.That(again.QuerySelector("table.decisions")!.OuterHtml, Is.EqualTo(page.QuerySelector("table.decisions")!.OuterHtml));
        }
    }

    [Test]
    public async Task HostileInputAndPolicyTexts_ShownAsText_NeverMarkup()
    {
        const string offense = "<script>alert('offense')</script>\"><img src=x onerror=alert(2)>";
        var (response, body, page) = await Get("/evaluate" + Query(With("charge1_offense", offense), "hostile", "holding"));
        var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
        var hold = page.QuerySelectorAll("tr#row-delay_release td")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(page.QuerySelectorAll("img, b, i, style, [style]"), Is.Empty);
            Assert.That(page.QuerySelectorAll("script").Select(e => e.OuterHtml), Is.EqualTo(new[] { "<script src=\"/evaluate.js\" defer=\"\"></script>" }), "the page's own script only");
            Assert.That(handlers, Is.Empty);
            Assert.That(body.Split("<script", StringSplitOptions.None), Has.Length.EqualTo(2), "no <script in the body but the page's own");
            Assert.That(page.QuerySelector("input#charge1_offense")!.GetAttribute("value"), Is.EqualTo(offense));
            Assert.That(page.QuerySelector("th.policy small")!.TextContent, Does.Contain("<script>alert('title')</script>Hostile"));
            Assert.That(hold.QuerySelector("ul.rules li")!.TextContent, Does.Contain("<script>alert('because')</script>"));
            Assert.That(Text(hold.QuerySelector("figure.cite blockquote")), Is.EqualTo("</blockquote><script>alert('quote')</script>"));
            Assert.That(hold.QuerySelector("figure.cite a"), Is.Null, "a JavaScript: link is never followed");
        }
    }

    [TestCase("/evaluate")]
    [TestCase("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&policy=holding")]
    [TestCase("/evaluate?booked_at=nonsense&policy=holding")]
    public async Task TheEvaluatePage_CarriesTheContentSecurityPolicy_AndNeedsNothingItRefuses(string path)
    {
        var (response, _, page) = await Get(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
            Assert.That(page.QuerySelectorAll("style, [style]"), Is.Empty);
            Assert.That(page.QuerySelectorAll("script").Select(e => (e.GetAttribute("src"), e.TextContent)), Is.EqualTo(new[] { ("/evaluate.js", string.Empty) }), "no inline script: script-src 'self'");
            Assert.That(page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")), Is.EqualTo(new[] { "/workbench.css" }));
            Assert.That(page.QuerySelector("form")!.GetAttribute("action"), Is.EqualTo("/evaluate"), "form-action 'self'");

            // What the script replaces as the booking is typed: the answers and the problems, in one place.
            Assert.That(page.QuerySelectorAll("#result"), Has.Length.EqualTo(1));
            Assert.That(page.QuerySelectorAll("#decisions, #problems").Select(e => e.ParentElement!.Id), Has.All.EqualTo("result"));
        }
    }

    [Test]
    public async Task TheScript_ServedByTheServer_UnderTheSamePolicy()
    {
        var response = await _bench.Http.GetAsync("/evaluate.js");
        var script = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
            Assert.That(script, Does.Contain("getElementById('result')").And.Contain("history.replaceState"));
            Assert.That(script, Does.Not.Contain("innerHTML").And.Not.Contain("eval("), "it inserts only elements the server rendered");
        }
    }
}
