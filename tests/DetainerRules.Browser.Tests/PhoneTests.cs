using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The pages at a phone's width (390 CSS pixels): one column, nothing wider than the screen, so no sideways scrolling, and what was typed seen whole.</summary>
[TestFixture]
public class PhoneTests : BrowserFixture
{
    private const int Width = 390;

    [TestCase("/", "catalog-phone")]
    [TestCase("/policies/cited", "policy-phone")]
    [TestCase("/policies/flagged", "flagged-phone")]
    [TestCase("/evaluate", null)]
    [TestCase("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&detainer_form=I-247A&detainer_warrant=administrative&policy=charging&policy=cited&policy=holding", "evaluate-phone")]
    [TestCase(EvaluatePage.SevenCharges, "evaluate-seven-phone")]
    public async Task AtPhoneWidth_NoSidewaysScroll(string path, string? screenshot)
    {
        var phone = await OpenPage(Width, 844);
        await Open(path, phone);
        if (path.Contains("booked_at", StringComparison.Ordinal))
        {
            // An explanation open too: its sources are the widest thing in a cell.
            await phone.Locator("tr#row-notify_ice td").First.GetByText("Why").ClickAsync();
            await Expect(phone.Locator("tr#row-notify_ice td .why").First).ToBeVisibleAsync();
        }

        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        var wide = await phone.EvaluateAsync<string[]>("""
            (w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))
              .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''} right ${Math.round(e.getBoundingClientRect().right)}`)
            """, Width);
        if (screenshot is not null)
        {
            await Screenshot(screenshot, phone);
        }

        // A value typed into a field is seen whole (a time with its offset is 25 characters), not cut at the field's edge.
        var clipped = await phone.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('form input[type=text]')].filter((i) => i.value !== '' && i.scrollWidth > i.clientWidth)
              .map((i) => `${i.id} (${i.clientWidth} px showing ${i.scrollWidth} px)`)
            """);

        if (path == EvaluatePage.SevenCharges)
        {
            // The rows stack at this width: a row's last field is on the screen, not behind its table's own scroll.
            await SidewaysScroll.AssertFits(phone.Locator("#charge7_category"), Width, "the seventh charge's category");
            await SidewaysScroll.AssertFits(phone.Locator("#conviction1_released_on"), Width, "a conviction's release date");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(client, Is.EqualTo(Width));
            Assert.That(scroll, Is.LessThanOrEqualTo(client), $"{path} scrolls sideways at {Width} px; wider than the screen: {string.Join(", ", wide)}");
            Assert.That(clipped, Is.Empty, "fields whose value is cut off");
        }
    }
}
