using DetainerRules.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>Hostile texts in a browser: shown as the text they are, never run; and no page needs anything its Content-Security-Policy refuses.</summary>
[TestFixture]
public class SafetyTests : BrowserFixture
{
    /// <summary>Every page of the workbench over the fixture folder, with and without a booking.</summary>
    private static readonly string[] Pages =
    [
        "/", "/catalog", "/policies/cited", "/policies/hostile", "/policies/flagged", "/policies/holding", "/policies/fam",
        "/evaluate",
        "/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&detainer_form=I-247A&detainer_warrant=administrative"
            + "&policy=charging&policy=cited&policy=holding&policy=refusing&policy=fam&policy=hostile&policy=flagged",
    ];

    private async Task ExpectNothingRan(string where)
    {
        Assert.That(await Page.EvaluateAsync<string?>($"() => window.{FlaggedFixtures.Flag} ?? null"), Is.Null, $"a payload ran on {where}");
        await Expect(Page.Locator("main img, main script, main b, main i[onerror]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task HostileTexts_ShownAsText_NeverRun()
    {
        await Open("/");
        await Expect(Page.Locator("tr.version").Filter(new LocatorFilterOptions { HasText = "flagged" })).ToContainTextAsync(FlaggedFixtures.Payload("title"));
        await Expect(Page.Locator("main")).ToContainTextAsync(FlaggedFixtures.Payload("rule-id"));
        await ExpectNothingRan("the catalog");

        await Open("/policies/flagged");
        await Expect(Page.Locator("h1")).ToHaveTextAsync(FlaggedFixtures.Payload("title"));
        await Expect(Page.Locator("article.rule#rule-hold-flagged")).ToContainTextAsync(FlaggedFixtures.Payload("because"));
        await Expect(Page.Locator("article.rule#rule-hold-flagged blockquote")).ToHaveTextAsync(FlaggedFixtures.Payload("quote"));
        await Expect(Page.Locator("main")).ToContainTextAsync(FlaggedFixtures.Payload("summary"));
        await Expect(Page.Locator("main")).ToContainTextAsync(FlaggedFixtures.Payload("question"));
        await Expect(Page.Locator("main")).ToContainTextAsync(FlaggedFixtures.Payload("scenario-id"));
        await ExpectNothingRan("the flagged policy's page");

        // PageFixtures.Hostile's payloads call alert(): a dialog would fail the test (BrowserFixture).
        await Open("/policies/hostile");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("<script>alert('title')</script>Hostile");
        await ExpectNothingRan("the hostile policy's page");

        // Typed into the form too: the live script puts the server's answer in place as parsed elements, never as markup.
        AllowConsole("the server responded with a status of 400");
        AllowConsole("400 for " + Bench.Url("/evaluate?"));
        await Open(Pages[^1]);
        var offense = $"<img src=x onerror=\"window.{FlaggedFixtures.Flag}='offense'\">";
        await Page.Locator("#charge1_offense").FillAsync(offense);
        await new EvaluatePage(Page).Settled();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("charge1_offense=%3Cimg"));
        var hold = await new EvaluatePage(Page).Cell("delay_release", "flagged");
        await hold.GetByText("Why").ClickAsync();
        await Expect(hold.Locator(".why")).ToContainTextAsync(FlaggedFixtures.Payload("because"));
        await Expect(Page.Locator("th.policy").Filter(new LocatorFilterOptions { HasText = "flagged" })).ToContainTextAsync(FlaggedFixtures.Payload("title"));
        await Expect(Page.Locator("#charge1_offense")).ToHaveValueAsync(offense);
        await ExpectNothingRan("the Evaluate page");
    }

    [Test]
    public async Task EveryPage_NothingRefusedByTheContentSecurityPolicy_NoScriptError()
    {
        foreach (var path in Pages)
        {
            var response = await Open(path);
            Assert.That(response?.Status, Is.EqualTo(200), path);
            Assert.That(await response!.HeaderValueAsync("content-security-policy"), Does.Contain("script-src 'self'"), path);
        }

        // The same check BrowserFixture makes after each test, here as the test's own finding.
        await Expect(Page.Locator("table.decisions")).ToBeVisibleAsync();
    }
}
