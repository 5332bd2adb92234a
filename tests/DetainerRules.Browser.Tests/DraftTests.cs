using System.Text.Json;
using DetainerRules.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Draft page in Chromium: a catalog policy's text opened in the editor, broken and fixed by typing, its findings and then its comparison shown without the form being sent, an example followed, the text downloaded; from the keyboard, without script, with hostile texts, at a phone's width.</summary>
/// <remarks>
/// The base is the fixture <c>holding</c>, which requires a hold on an I-247A. The broken condition
/// names a form that does not exist (<c>I-247Z</c>); the fix names another real one (<c>I-247N</c>), so
/// the draft holds where holding does not and the other way round: a change of meaning the comparison
/// must show. The positions expected are what <c>POST /v1/validate</c> says of the editor's text.
/// </remarks>
[TestFixture]
public class DraftTests : BrowserFixture
{
    private const string Condition = "detainer.form = I-247A";

    private static readonly string Holding = FixturePolicies.All.Single(p => p.Id == "holding").Text.ReplaceLineEndings("\n");

    private DraftEditor Draft => new(Page, Bench);

    [Test]
    public async Task ABrokenCondition_ItsFindingAtItsLine_TheFix_TheComparison_AndAnExampleOnTheEvaluatePage()
    {
        await Open("/draft?base=holding");
        await Expect(Draft.Text).ToHaveValueAsync(Holding);
        await Expect(Page.Locator("#base")).ToHaveValueAsync("holding");

        // A navigation (the form sent) would start a new document and lose this mark.
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Draft.Replace(Condition, "detainer.form = I-247Z");
        var findings = await Draft.ExpectFindingsAsValidateGives();
        Assert.That(findings, Is.Not.Empty, "the API finds the unknown form");
        var text = await Draft.Text.InputValueAsync();
        var condition = findings.First(f => text.Split('\n')[f.Line - 1].Contains("when:", StringComparison.Ordinal));
        Assert.That(text.Split('\n')[condition.Line - 1][(condition.Column - 1)..], Does.StartWith("I-247Z"), "the column points at the bad value");
        await Expect(Page.Locator("#comparison")).ToContainTextAsync("waits until the draft has no errors");
        await Expect(Page.Locator("#comparison table")).ToHaveCountAsync(0);
        await Screenshot("draft-findings");

        // Fixed into a real change of meaning: the findings go and the comparison comes, still without sending the form.
        await Draft.Replace("I-247Z", "I-247N");
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(Page.Locator("ol#diagnostics li")).ToHaveCountAsync(0);
        await Expect(Page.Locator("ol.listing li.has-diagnostic")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#findings-summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^No problems"));
        await Expect(Page.Locator("#comparison h2").First).ToHaveTextAsync("Comparing draft and holding over the scenario space");
        await Expect(Page.Locator("#comparison table.matrix tbody tr").Filter(new LocatorFilterOptions { Has = Page.Locator("a[href='#delay_release']") })).ToHaveCountAsync(1);
        Assert.That(await Page.EvaluateAsync<bool?>("() => window.__sameDocument"), Is.True, "the page was never reloaded: the script checked and compared");

        var examples = await Draft.Examples();
        Assert.That(examples.Select(e => e.Subject), Does.Contain("delay_release"));
        Assert.That(examples.Where(e => e.Subject == "delay_release").Select(e => (e.Draft, e.Base)).Distinct(), Is.EquivalentTo(new[] { ("required", "unknown"), ("unknown", "required") }),
            "the draft holds on an I-247N where holding is silent, and is silent on an I-247A where holding holds");
        await Screenshot("draft-comparison");

        // The example followed: the Evaluate page, under the base, answers it as the region says the base does.
        var index = Array.FindIndex(examples, e => e.Subject == "delay_release" && e.Base == "required");
        var example = examples[index];
        await Page.Locator("#comparison a.example").Nth(index).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/evaluate\\?.*policy=holding$"));
        await new EvaluatePage(Page).ExpectAnswer(example.Subject, "holding", example.Base);
        await Expect(Page.Locator("#detainer_form")).ToHaveValueAsync("I-247A");
    }

    [Test]
    public async Task OnePauseInTyping_OneRequest_TheFindingsAtTheirLine_ThenTheComparison_EachFromThatAnswer()
    {
        // The page's timers under the test's hand: the pause after typing is the clock run on, once.
        await Page.Clock.InstallAsync();
        var asked = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.ResourceType is "fetch" or "xhr")
            {
                asked.Add($"{request.Method} {new Uri(request.Url).AbsolutePath}");
            }
        };
        await Open("/draft?base=holding");
        await Page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(5));

        await Draft.Replace(Condition, "detainer.form = I-247Z");
        Assert.That(asked, Is.Empty, "nothing asked while typing");
        await Page.Clock.RunForAsync(600);
        var findings = await Draft.ExpectFindingsAsValidateGives();
        Assert.That(findings, Is.Not.Empty);
        await Expect(Page.Locator("#comparison")).ToContainTextAsync("waits until the draft has no errors");
        Assert.That(asked, Is.EqualTo(new[] { "POST /draft" }), "the form sent once: no separate check");

        await Draft.Replace("I-247Z", "I-247N");
        await Page.Clock.RunForAsync(600);
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(Page.Locator("ol#diagnostics li")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#live")).ToHaveTextAsync("No problems: the draft loads as a policy file would. Compared as you typed.");
        await Expect(Draft.Text).ToBeFocusedAsync();
        Assert.That(asked, Is.EqualTo(new[] { "POST /draft", "POST /draft" }), "the findings and the comparison from one answer");
    }

    /// <summary>A zone the server refuses, typed and left: the field is marked invalid with the server's words beside it, as a sent form shows it; a zone it reads clears both.</summary>
    [Test]
    public async Task ARefusedZone_TypedAndLeft_MarksItsField_AndAGoodOneClearsIt()
    {
        AllowConsole("the server responded with a status of 400");
        AllowConsole("400 for " + Bench.Url("/draft"));
        await Open("/draft?base=holding");
        var zone = Page.Locator("#timezone");

        await zone.FillAsync("Mars/Olympus_Mons");
        await zone.DispatchEventAsync("change");
        await Expect(zone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(zone).ToHaveAttributeAsync("aria-describedby", "error-timezone");
        await Expect(Page.Locator("#error-timezone")).ToContainTextAsync("Mars/Olympus_Mons");
        await Expect(Page.Locator("#error-timezone")).ToHaveCountAsync(1);
        await Expect(zone).ToHaveValueAsync("Mars/Olympus_Mons");

        await zone.FillAsync("Mars/Valles");
        await zone.DispatchEventAsync("change");
        await Expect(Page.Locator("#error-timezone")).ToContainTextAsync("Mars/Valles");
        await Expect(Page.Locator("#error-timezone")).ToHaveCountAsync(1);

        await zone.FillAsync("America/Chicago");
        await zone.DispatchEventAsync("change");
        await Expect(Page.Locator("#error-timezone")).ToHaveCountAsync(0);
        await Expect(zone).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(zone).Not.ToHaveAttributeAsync("aria-describedby", "error-timezone");
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
    }

    [Test]
    public async Task StartFrom_OpensAnotherPolicy_WithTheTimeZoneTyped()
    {
        await Open("/draft?base=holding");
        await Page.Locator("#timezone").FillAsync("America/Chicago");
        await Page.Locator("#start").SelectOptionAsync("refusing");
        await Page.Locator("form.start button[type=submit]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/draft\\?timezone=America%2FChicago&base=refusing$"));
        await Expect(Page.Locator("#base")).ToHaveValueAsync("refusing");
        await Expect(Page.Locator("#timezone")).ToHaveValueAsync("America/Chicago");

        // A zone cleared is not carried, not even empty.
        await Page.Locator("#timezone").FillAsync(string.Empty);
        await Page.Locator("#start").SelectOptionAsync("holding");
        await Page.Locator("form.start button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/draft\\?base=holding$"));
    }

    [Test]
    public async Task TheDownload_IsTheEditorsText()
    {
        await Open("/draft?base=holding");
        await Draft.Replace("because: detainers are honoured", "because: detainers are honoured for now");
        await Draft.Text.PressAsync("Control+End");
        await Page.Keyboard.TypeAsync("\n# drafted in the browser\n");
        var typed = await Draft.Text.InputValueAsync();
        Assert.That(typed, Does.Contain("for now").And.EndWith("# drafted in the browser\n"));

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download").ClickAsync());
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "downloads")).FullName, "draft-" + download.SuggestedFilename);
        await download.SaveAsAsync(file);

        Assert.That(download.SuggestedFilename, Is.EqualTo("holding.yaml"), "named by the id the draft gives");
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo(typed));
    }

    [TestCase("Enter")]
    [TestCase("Space")]
    public async Task FromTheKeyboardAlone_TabReachesTheBaseTheEditorAndTheButtons_AndTheButtonSends(string key)
    {
        await Open("/draft?base=holding");

        // Tab from the top of the page, noting each control reached and whether its focus is drawn.
        var reached = new List<string>();
        var undrawn = new List<string>();
        for (var press = 0; press < 30 && (reached.Count == 0 || reached[^1] != "download"); press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var name = await Page.EvaluateAsync<string>("() => { const e = document.activeElement; return !e || e === document.body ? '' : e.id || e.textContent.trim(); }");
            reached.Add(name);
            if (await Focus.Outline(Page) is null)
            {
                undrawn.Add(name);
            }
        }

        string[] wanted = ["base", "policy-text", "Check and compare", "download"];
        Assert.That(reached.Where(wanted.Contains), Is.EqualTo(wanted), $"Tab's order: {string.Join(" | ", reached)}");
        Assert.That(undrawn, Is.Empty, "controls whose focus is not drawn (an outline at least 2 px wide)");

        // Back into the editor (Shift+Tab), a line typed that breaks the YAML, then on to the button and sent from the keyboard.
        for (var i = 0; i < 2; i++)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
        }

        await Expect(Draft.Text).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.TypeAsync("\n  - id: [broken\n");

        // The live check settles first: under load its answer could otherwise land while the form is being sent, and the test would time its race, not the keyboard.
        await Draft.ExpectFindingsAsValidateGives();
        await Expect(Draft.Text).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check and compare" })).ToBeFocusedAsync();
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Page.Keyboard.PressAsync(key);

        // A polling assertion, not WaitForURL: the POST's navigation can commit and load before a waiter attaches, which then waited 30 s for a second one.
        await Expect(Page).ToHaveURLAsync(Bench.Url("/draft"));
        Assert.That(await Page.EvaluateAsync<bool?>("() => window.__sameDocument ?? null"), Is.Null, "the form was sent: a new document");
        await Draft.ExpectFindingsAsValidateGives();
        await Expect(Draft.Text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("- id: \\[broken\n$"));
    }

    [Test]
    public async Task WithoutScript_TheFormIsSent_AndTheFindingsAreRenderedByTheServer()
    {
        var page = await OpenPage(1280, 900, script: false);
        var draft = new DraftEditor(page, Bench);
        await Open("/draft?base=holding", page);
        await draft.Text.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\ncite: [unclosed\n");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check and compare" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Bench.Url("/draft"));
        var findings = await draft.ExpectFindingsAsValidateGives();
        Assert.That(findings, Is.Not.Empty);

        // Fixed (the line deleted) and sent again: the comparison, rendered by the server too.
        await draft.Text.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Shift+ArrowUp");
        await page.Keyboard.PressAsync("Backspace");
        Assert.That(await draft.Text.InputValueAsync(), Does.Not.Contain("unclosed"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check and compare" }).ClickAsync();
        await Expect(page.Locator("#comparison h2").First).ToHaveTextAsync("Comparing draft and holding over the scenario space");
        await Expect(page.Locator("ol#diagnostics li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#comparison p.agree")).ToHaveTextAsync("They agree on every compared case.");
    }

    [Test]
    public async Task HostileTexts_InTheDraft_ShownAsText_NeverRun()
    {
        // A title, a rule id and a reason that are markup: the rule id the loader refuses, quoting it in its finding.
        // Single-quoted, so the markup stands in the text itself, as typed, and in the listing of it.
        var hostile = FixturePolicies.Policy("hostile-draft", "TITLE", $"""
              - id: {Quoted(FlaggedFixtures.Payload("rule-id"))}
                when: detainer.form = I-247A
                then:
                  delay_release: {"{"} value: forbidden {"}"}
                because: {Quoted(FlaggedFixtures.Payload("because"))}
                cite: src
            """).Replace("\"TITLE\"", Quoted(FlaggedFixtures.Payload("title")), StringComparison.Ordinal).ReplaceLineEndings("\n");
        await Open("/draft?base=holding");
        await Draft.Text.FillAsync(hostile);
        var findings = await Draft.ExpectFindingsAsValidateGives();
        Assert.That(findings.Select(f => f.Message), Has.Some.Contains(FlaggedFixtures.Payload("rule-id")), "the finding quotes the rule id");
        await Expect(Page.Locator("ol#diagnostics")).ToContainTextAsync(FlaggedFixtures.Payload("rule-id"));
        await Expect(Page.Locator("ol.listing")).ToContainTextAsync(Quoted(FlaggedFixtures.Payload("because")));
        await ExpectNothingRan("the draft's findings");

        // The rule id made an id: the draft loads and is compared, its title and reason still markup.
        await Draft.Replace(Quoted(FlaggedFixtures.Payload("rule-id")), "refuse");
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(Page.Locator("ol.listing")).ToContainTextAsync(Quoted(FlaggedFixtures.Payload("title")));
        await ExpectNothingRan("the draft's comparison");

        // And as the server renders them, the form sent.
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check and compare" }).ClickAsync();
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(Draft.Text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(Quoted(FlaggedFixtures.Payload("title")))));
        await Expect(Page.Locator("ol.listing")).ToContainTextAsync(Quoted(FlaggedFixtures.Payload("because")));
        await ExpectNothingRan("the sent draft's page");
    }

    [Test]
    public async Task AtPhoneWidth_NoSidewaysScroll_WithFindings_AndWithTheComparison()
    {
        var phone = await OpenPage(390, 844);
        var draft = new DraftEditor(phone, Bench);
        await Open("/draft?base=holding", phone);
        await draft.Replace(Condition, "detainer.form = I-247Z");
        await draft.ExpectFindingsAsValidateGives();
        await Screenshot("draft-findings-phone", phone);
        await SidewaysScroll.AssertNone(phone, 390, "the Draft page with findings");

        await draft.Replace("I-247Z", "I-247N");
        await Expect(phone.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(phone.Locator("#comparison a.example").First).ToBeVisibleAsync();
        await Screenshot("draft-comparison-phone", phone);
        await SidewaysScroll.AssertNone(phone, 390, "the Draft page with its comparison");
        await SidewaysScroll.AssertFits(phone.Locator("#comparison table.matrix"), 390, "the comparison's matrix");
    }

    /// <summary>A YAML single-quoted scalar: the text as it is, its quotes doubled.</summary>
    private static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task ExpectNothingRan(string where)
    {
        Assert.That(await Page.EvaluateAsync<string?>($"() => window.{FlaggedFixtures.Flag} ?? null"), Is.Null, $"a payload ran on {where}");
        await Expect(Page.Locator("main img, main script")).ToHaveCountAsync(0);
    }
}
