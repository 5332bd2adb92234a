using Microsoft.Playwright;

namespace DetainerRules.Browser.Tests;

/// <summary>Whether a page scrolls sideways: the document wider than the window, and which elements (outside a box that scrolls on its own) reach past its edge.</summary>
internal static class SidewaysScroll
{
    /// <summary>Fails when <paramref name="page"/>'s document is wider than its <paramref name="width"/> px window, naming the first elements past the edge.</summary>
    public static async Task AssertNone(IPage page, int width, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var wide = await page.EvaluateAsync<string[]>("""
            (w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))
              .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''} right ${Math.round(e.getBoundingClientRect().right)}`)
            """, width);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(widths[1], Is.EqualTo(width));
            Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"{what} scrolls sideways at {width} px; wider than the screen: {string.Join(", ", wide)}");
        }
    }

    /// <summary>Fails when <paramref name="box"/> reaches past the right edge of a <paramref name="width"/> px window, so that part of it is seen only by scrolling its own box.</summary>
    public static async Task AssertFits(ILocator box, int width, string what)
    {
        var right = await box.EvaluateAsync<double>("(e) => e.getBoundingClientRect().right");
        Assert.That(right, Is.LessThanOrEqualTo(width), $"{what} reaches {right:0} px at a {width} px screen: part of it is hidden behind a sideways scroll");
    }
}
