using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Compare page in Chromium: two fixture policies chosen with the mouse or the keyboard, the comparison the command line makes of them shown decision by decision with its regions; an unknown policy said on the page; hostile titles never run; a phone's width.</summary>
/// <remarks>The fixtures <c>holding</c> and <c>refusing</c> differ on a hold when the detainer is an I-247A; what the page must show is read from <c>detainer compare --space --format json</c> on the same folder.</remarks>
[TestFixture]
public class CompareTests : BrowserFixture
{
    private static string Shown(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Waits for the comparison of holding and refusing and checks it row by row and region by region against the command line's.</summary>
    private async Task ExpectTheCommandLinesComparison(IPage page)
    {
        var cli = Bench.Cli("compare", "holding", "refusing", "--space", "--format", "json");
        Assert.That(cli.Exit, Is.EqualTo(3), "the policies differ: " + cli.Err);
        var subjects = JsonDocument.Parse(cli.Out).RootElement.GetProperty("subjects").EnumerateArray().ToList();
        var regions = subjects.SelectMany(s => s.GetProperty("splits").EnumerateArray().SelectMany(x => x.GetProperty("regions").EnumerateArray()
            .Select(r => $"{r.GetProperty("description").GetString()} ({Shown(r.GetProperty("cases").GetInt64())})"))).ToList();

        await Expect(page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        var rows = await page.Locator("#comparison table.matrix tbody tr").EvaluateAllAsync<string[][]>("(trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent.trim()))");
        Assert.That(rows, Is.EqualTo(subjects.Select(s => new[] { s.GetProperty("subject").GetString()!, Shown(s.GetProperty("cases").GetInt64()), Shown(s.GetProperty("differing").GetInt64()) }).ToArray()),
            "a row for each decision: its cases and how many differ");
        Assert.That(regions, Is.Not.Empty);
        var shown = await page.Locator("#comparison ul.regions > li").EvaluateAllAsync<string[]>("(lis) => lis.map((li) => li.childNodes[0].textContent.trim())");
        Assert.That(shown, Is.EqualTo(regions), "every region, in the command's order, with its count");
        await Expect(page.Locator("#comparison ul.regions > li a.example")).ToHaveCountAsync(regions.Count);

        // Each split's count of cases, said as a count ("1 case").
        var counts = subjects.SelectMany(s => s.GetProperty("splits").EnumerateArray().Select(x => x.GetProperty("cases").GetInt64())).Select(n => $"{Shown(n)} {(n == 1 ? "case" : "cases")}").ToArray();
        var said = await page.Locator("#comparison ul.regions").EvaluateAllAsync<string[]>("(uls) => uls.map((ul) => ul.previousElementSibling.lastChild.textContent.trim())");
        Assert.That(said, Is.EqualTo(counts));
        foreach (var differing in subjects.Where(s => s.GetProperty("differing").GetInt64() > 0))
        {
            await Expect(page.Locator($"#comparison h2#{differing.GetProperty("subject").GetString()}")).ToBeVisibleAsync();
        }
    }

    [Test]
    public async Task TwoPoliciesChosenWithTheMouse_EachDecisionsRowAndItsRegions()
    {
        await Open("/compare");
        await Expect(Page.Locator("#comparison")).ToHaveCountAsync(0);
        var policies = Page.Locator("#policies");
        await policies.Locator("option[value=holding]").ClickAsync();
        await policies.Locator("option[value=refusing]").ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
        await Expect(policies).ToHaveValuesAsync(["holding", "refusing"]);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compare", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compare\\?p=holding&p=refusing"));
        await ExpectTheCommandLinesComparison(Page);
        await Expect(policies).ToHaveValuesAsync(["holding", "refusing"]);
        await Screenshot("compare");
    }

    [Test]
    public async Task TwoPoliciesChosenFromTheKeyboard_AndSent()
    {
        await Open("/compare");
        for (var press = 0; press < 20 && await Page.EvaluateAsync<string>("() => document.activeElement.id") != "policies"; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(Page.Locator("#policies")).ToBeFocusedAsync();
        Assert.That(await Focus.Outline(Page), Is.Not.Null, "the list shows it has the focus");

        // Typing a name's first letters selects it; Ctrl and the arrows move without choosing, Ctrl+Space adds the one reached.
        await Page.Keyboard.TypeAsync("holding");
        await Expect(Page.Locator("#policies")).ToHaveValuesAsync(["holding"]);
        var values = await Page.Locator("#policies option").EvaluateAllAsync<string[]>("(os) => os.map((o) => o.value)");
        for (var i = Array.IndexOf(values, "holding"); i < Array.IndexOf(values, "refusing"); i++)
        {
            await Page.Keyboard.PressAsync("Control+ArrowDown");
        }

        await Page.Keyboard.PressAsync("Control+Space");
        await Expect(Page.Locator("#policies")).ToHaveValuesAsync(["holding", "refusing"]);

        // On to the button (past the day's and the time zone's fields) and sent with Enter.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#at")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#timezone")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compare", Exact = true })).ToBeFocusedAsync();
        Assert.That(await Focus.Outline(Page), Is.Not.Null, "the button shows it has the focus");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compare\\?p=holding&p=refusing"));
        await ExpectTheCommandLinesComparison(Page);
    }

    [Test]
    public async Task AnUnknownPolicyInTheAddress_IsSaidOnThePage_NotInJson()
    {
        AllowConsole("the server responded with a status of 404");
        AllowConsole("404 for " + Bench.Url("/compare?"));
        var response = await Open("/compare?p=holding&p=no-such-policy");

        Assert.That(response!.Status, Is.EqualTo(404));
        Assert.That(await response.HeaderValueAsync("content-type"), Does.StartWith("text/html"), "a page, not the API's problem details");
        await Expect(Page.Locator("#problems")).ToBeVisibleAsync();
        await Expect(Page.Locator("#problems")).ToContainTextAsync("no-such-policy");
        await Expect(Page.Locator("#comparison")).ToHaveCountAsync(0);

        // The choice stays as asked, so the reader can change it.
        await Expect(Page.Locator("#policies")).ToHaveValuesAsync(["holding", "no-such-policy"]);
        await Expect(Page.Locator("header.site nav a")).ToHaveCountAsync(4);
    }

    [Test]
    public async Task HostileTitles_ShownAsText_NeverRun()
    {
        await Open("/compare?p=flagged&p=holding");
        await Expect(Page.Locator("#comparison table.matrix")).ToBeVisibleAsync();
        await Expect(Page.Locator("#policies option[value=flagged]")).ToHaveTextAsync("flagged: " + FlaggedFixtures.Payload("title"));
        Assert.That(await Page.EvaluateAsync<string?>($"() => window.{FlaggedFixtures.Flag} ?? null"), Is.Null, "a payload ran on the Compare page");
        await Expect(Page.Locator("main img, main script")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AtPhoneWidth_NoSidewaysScroll()
    {
        var phone = await OpenPage(390, 844);
        await Open("/compare?p=holding&p=refusing", phone);
        await Expect(phone.Locator("#comparison ul.regions").First).ToBeVisibleAsync();
        await Screenshot("compare-phone", phone);
        await SidewaysScroll.AssertNone(phone, 390, "the Compare page");
        await SidewaysScroll.AssertFits(phone.Locator("#comparison table.matrix"), 390, "the comparison's matrix");
    }
}
