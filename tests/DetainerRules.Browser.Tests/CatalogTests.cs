using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The catalog page in Chromium: every fixture policy listed, and a policy's page one click, or a few keys, away.</summary>
[TestFixture]
public class CatalogTests : BrowserFixture
{
    /// <summary>The policies of the fixture folder that load, and where the catalog files them (state NV, or none).</summary>
    private static readonly string[] Listed = ["cited", "hostile", "holding", "refusing", "fam-2020", "fam", "charging", "flagged"];

    private ILocator PolicyLink(string id) => Page.Locator($"tr.version td:first-child a[href='/policies/{id}']");

    [Test]
    public async Task TheCatalog_ListsTheFixturePolicies_AClickOpensAPolicysPage()
    {
        await Open("/");
        foreach (var id in Listed)
        {
            await Expect(PolicyLink(id)).ToBeVisibleAsync();
            await Expect(PolicyLink(id)).ToHaveTextAsync(id);
        }

        // The file the loader refused is named among those that did not load, its message shown as text.
        await Expect(Page.Locator("#problems")).ToHaveTextAsync("Files that did not load");
        await Expect(Page.Locator("main li code").Filter(new LocatorFilterOptions { HasText = "DR201" })).ToContainTextAsync(FlaggedFixtures.Payload("rule-id"));
        await Screenshot("catalog");

        await PolicyLink("cited").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Bench.Url("/policies/cited"));

        // What PageFixtures.Cited says: its title, and the rule `decline` beside the words of § 2.10(a).
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Cited policy");
        var rule = Page.Locator("article.rule#rule-decline");
        await Expect(rule).ToContainTextAsync("the code forbids holding anyone on a detainer");
        await Expect(rule.Locator("blockquote")).ToHaveTextAsync("No person shall be held on an immigration detainer.");
        await Screenshot("policy");
    }

    [Test]
    public async Task KeyboardOnly_TabReachesAPolicy_WithAVisibleFocus_AndEnterOpensIt()
    {
        await Open("/");
        var reached = false;
        for (var press = 0; press < 60 && !reached; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await Page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('href') === '/policies/holding'");
        }

        Assert.That(reached, Is.True, "Tab never reached the link to the holding policy");
        Assert.That(await Focus.Outline(Page), Is.Not.Null, "the focused link shows where the focus is");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(Bench.Url("/policies/holding"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Holding policy");
    }
}
