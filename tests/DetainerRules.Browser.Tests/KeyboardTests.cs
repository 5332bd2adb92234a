using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Evaluate page used from the keyboard alone: every control reached by Tab, in the order the page shows them, each showing its focus; an answer's explanation opened with Enter.</summary>
[TestFixture]
public class KeyboardTests : BrowserFixture
{
    [Test]
    public async Task EveryFormControl_ReachedByTab_InOrder_WithAVisibleFocus()
    {
        await Open("/evaluate");
        var controls = await Focus.Controls(Page, "form#booking");
        Assert.That(controls, Has.Length.GreaterThan(50), "the booking's fields, the rows, the requests, the policies and the button");
        Assert.That(controls, Does.Contain("charge5_statute").And.Contain("add-charge").And.Contain("add-conviction"), "each row's statute and each list's Add button");

        // Tab from the top of the page until the form's last control (its button); the header's links come first.
        var reached = new List<string>();
        var undrawn = new List<string>();
        for (var press = 0; press < controls.Length + 30 && (reached.Count == 0 || reached[^1] != controls[^1]); press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Focus.Control(Page) is not { } control)
            {
                continue;
            }

            reached.Add(control);
            if (await Focus.Outline(Page) is null)
            {
                undrawn.Add(control);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.EqualTo(controls), "Tab's order is the document's");
            Assert.That(undrawn, Is.Empty, "controls whose focus is not drawn (an outline at least 2 px wide)");
        }

        // And the keyboard fills the form: a policy chosen with the arrows, a box ticked with Space; the script answers.
        await Page.Locator("#booked_at").FocusAsync();
        await Page.Keyboard.TypeAsync("2025-01-17T09:30:00-08:00");
        await Page.Locator("#charge1_offense").FocusAsync();
        await Page.Keyboard.TypeAsync("robbery");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("NRS 200.380");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("felony");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("robbery");
        await Expect(Page.Locator("#charge1_level")).ToHaveValueAsync("felony");
        await Expect(Page.Locator("#charge1_statute")).ToHaveValueAsync("NRS 200.380");
        await Expect(Page.Locator("#charge1_category")).ToHaveValueAsync("robbery");
        await Expect(Page.Locator("table.decisions")).ToBeVisibleAsync();
    }

    [Test]
    public async Task AnExplanation_OpenedFromTheKeyboard()
    {
        await Open("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&policy=charging");
        var reached = false;
        for (var press = 0; press < 40 && !reached; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await Page.EvaluateAsync<bool>("() => document.activeElement?.tagName === 'SUMMARY' && document.activeElement.closest('tr')?.id === 'row-notify_ice'");
        }

        Assert.That(reached, Is.True, "Tab never reached the Why of the notice answer");
        Assert.That(await Focus.Outline(Page), Is.Not.Null, "the focused Why shows where the focus is");
        var why = Page.Locator("tr#row-notify_ice td .why");
        await Expect(why).Not.ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(why).ToBeVisibleAsync();
        await Expect(why.Locator("figure.cite blockquote")).ToHaveTextAsync("Robbery charges shall be reported at release.");
    }
}
