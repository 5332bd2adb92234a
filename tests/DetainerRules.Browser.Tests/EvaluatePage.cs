using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Evaluate page as a test reads it: the answer table's columns and cells, and the form's fields.</summary>
internal sealed class EvaluatePage(IPage page)
{
    /// <summary>Seven charges, each citing its statute, none a robbery (so <c>charging</c> is silent on notice), an I-247A, under <c>charging</c> and <c>holding</c>: more rows than the form shows at first.</summary>
    public const string SevenCharges = "/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00"
        + "&charge1_offense=speeding&charge1_statute=NRS+484B.600&charge1_level=misdemeanor&charge1_category=traffic"
        + "&charge2_offense=no+licence&charge2_statute=NRS+483.230&charge2_level=misdemeanor&charge2_category=traffic"
        + "&charge3_offense=petty+theft&charge3_statute=NRS+205.240&charge3_level=misdemeanor&charge3_category=theft"
        + "&charge4_offense=trespass&charge4_statute=NRS+207.200&charge4_level=misdemeanor&charge4_category=public_order"
        + "&charge5_offense=resisting&charge5_statute=NRS+199.280&charge5_level=misdemeanor&charge5_category=public_order"
        + "&charge6_offense=burglary&charge6_statute=NRS+205.060&charge6_level=felony&charge6_category=burglary"
        + "&charge7_offense=reckless+driving&charge7_statute=NRS+484B.653&charge7_level=misdemeanor&charge7_category=traffic"
        + "&detainer_form=I-247A&detainer_warrant=administrative&policy=charging&policy=holding";

    public IPage Page => page;

    /// <summary>The rows the form shows for <c>charge</c> or <c>conviction</c>.</summary>
    public ILocator Rows(string list) => page.Locator($"tbody#{list}-rows > tr");

    /// <summary>The policies heading the answer columns, in order.</summary>
    public Task<string[]> Policies() => page.Locator("table.decisions thead th.policy")
        .EvaluateAllAsync<string[]>("ths => ths.map((th) => th.firstChild.textContent.trim())");

    /// <summary>Each row of the answer table (its key: <c>outcome</c>, <c>delay_release</c>, ...) with the answer in each column, as the cell's value word, else its text.</summary>
    public Task<Dictionary<string, string[]>> Answers() => page.EvaluateAsync<Dictionary<string, string[]>>("""
        () => Object.fromEntries([...document.querySelectorAll('table.decisions tbody tr')].map((tr) =>
          [tr.id.slice('row-'.length), [...tr.querySelectorAll('td')].map((td) => td.dataset.value ?? td.textContent.trim())]))
        """);

    /// <summary>The cell of <paramref name="row"/> in <paramref name="policy"/>'s column.</summary>
    public async Task<ILocator> Cell(string row, string policy)
    {
        await Expect(page.Locator("table.decisions")).ToBeVisibleAsync();
        var column = Array.IndexOf(await Policies(), policy);
        Assert.That(column, Is.Not.Negative, $"no column for {policy}");
        return page.Locator($"table.decisions tr#row-{row} td").Nth(column);
    }

    /// <summary>Waits until <paramref name="policy"/>'s answer for <paramref name="row"/> is <paramref name="value"/>, shown and shaded as such.</summary>
    public async Task ExpectAnswer(string row, string policy, string value)
    {
        var cell = await Cell(row, policy);
        await Expect(cell).ToHaveAttributeAsync("data-value", value);
        await Expect(cell.Locator(".value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + value + "\\b"));
    }

    /// <summary>A booking typed as a person types it, field by field, the live script answering as it goes: a person born abroad,
    /// two charges of which the second is then cleared, an I-247A with an administrative warrant, custody times, ICE present.</summary>
    public async Task TypeTheBooking(params string[] policies)
    {
        await page.Locator("#policy").SelectOptionAsync(policies);
        await page.Locator("#booked_at").PressSequentiallyAsync("2025-01-17T09:30:00-08:00");
        await page.Locator("#foreign_born").SelectOptionAsync("true");
        await page.Locator("#citizenship").SelectOptionAsync("noncitizen");
        await page.Locator("#charge1_offense").FillAsync("robbery");
        await page.Locator("#charge1_level").SelectOptionAsync("felony");
        await page.Locator("#charge1_category").SelectOptionAsync("robbery");
        await page.Locator("#charge2_offense").FillAsync("petty theft");
        await page.Locator("#charge2_level").SelectOptionAsync("misdemeanor");
        await page.Locator("#charge2_category").SelectOptionAsync("theft");

        // The second charge removed: its row emptied.
        await page.Locator("#charge2_offense").FillAsync(string.Empty);
        await page.Locator("#charge2_level").SelectOptionAsync(string.Empty);
        await page.Locator("#charge2_category").SelectOptionAsync(string.Empty);
        await page.Locator("#detainer_form").SelectOptionAsync("I-247A");
        await page.Locator("#detainer_warrant").SelectOptionAsync("administrative");
        await page.Locator("#detainer_received_at").FillAsync("2025-01-17T12:00:00-08:00");
        await page.Locator("#release_eligible_at").FillAsync("2025-01-17T18:00:00-08:00");
        await page.Locator("#ice_present").CheckAsync();
        await Settled();
    }

    /// <summary>Waits until the live script has answered the form as it stands: the address holds every field as typed (the policies and the hidden order aside) and the status says so.</summary>
    public async Task Settled()
    {
        await Expect(page.Locator("#live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Evaluated as you typed|problem"));
        var expected = await page.EvaluateAsync<string>("""
            () => { const p = new URLSearchParams(); for (const [k, v] of new FormData(document.getElementById('booking'))) if (k !== 'policy' && k !== 'columns' && (v !== '' || k === 'booked_at')) p.append(k, v); return p.toString(); }
            """);
        await page.WaitForFunctionAsync("(q) => { const p = new URLSearchParams(location.search); p.delete('policy'); return p.toString() === q; }", expected);
        await Expect(page.Locator("#live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Evaluated as you typed|problem"));
    }
}
