using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Draft page as a test uses it: words in the editor replaced by typing, the findings it shows, and what <c>POST /v1/validate</c> says of the same text.</summary>
internal sealed class DraftEditor(IPage page, ServedWorkbench bench)
{
    private static readonly HttpClient Http = new();

    /// <summary>One finding as the API gives it.</summary>
    public sealed record Finding(int Line, int Column, string Severity, string Code, string Message);

    public ILocator Text => page.Locator("#policy-text");

    /// <summary>Selects the first <paramref name="old"/> in the editor (as a person drags over it) and types <paramref name="typed"/> over it, key by key.</summary>
    public async Task Replace(string old, string typed)
    {
        var at = await Text.EvaluateAsync<int>("(t, old) => { const i = t.value.indexOf(old); if (i >= 0) { t.focus(); t.setSelectionRange(i, i + old.length); } return i; }", old);
        Assert.That(at, Is.Not.Negative, $"`{old}` is not in the editor");
        await page.Keyboard.TypeAsync(typed);
    }

    /// <summary>What <c>POST /v1/validate</c> finds in <paramref name="text"/>, in its order.</summary>
    public async Task<List<Finding>> Validate(string text)
    {
        using var response = await Http.PostAsJsonAsync(bench.Url("/v1/validate"), new { text });
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. json.GetProperty("findings").EnumerateArray().Select(f => new Finding(
            f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("severity").GetString()!, f.GetProperty("code").GetString()!, f.GetProperty("message").GetString()!))];
    }

    /// <summary>Waits until the page lists exactly what the API finds in the editor's text: each finding with its line, column and code, its line in the listing marked. Returns the findings.</summary>
    public async Task<List<Finding>> ExpectFindingsAsValidateGives()
    {
        var expected = await Validate(await Text.InputValueAsync());
        var items = page.Locator("ol#diagnostics li.diagnostic");
        await Expect(items).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (line, column, severity, code, message) = expected[i];
            var item = items.Nth(i);
            await Expect(item).ToHaveAttributeAsync("data-line", line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(item).ToHaveAttributeAsync("data-column", column.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(item).ToContainTextAsync($"Line {line}, column {column}: {severity} {code}");
            await Expect(item).ToContainTextAsync(message);
            if (line > 0)
            {
                await Expect(page.Locator($"ol.listing li#L{line}")).ToHaveClassAsync("has-diagnostic");
            }
        }

        await Expect(page.Locator("ol.listing li.has-diagnostic")).ToHaveCountAsync(expected.Where(f => f.Line > 0).Select(f => f.Line).Distinct().Count());
        return expected;
    }

    /// <summary>The subject (the heading before its list) and the base's answer value of each region's example link in <c>#comparison</c>, with the link.</summary>
    public async Task<Example[]> Examples() => [.. (await page.Locator("#comparison ul.regions > li").EvaluateAllAsync<string[][]>("""
        (items) => items.filter((li) => li.querySelector('a.example')).map((li) => {
          let e = li.closest('ul.regions');
          while (e && e.localName !== 'h2') e = e.previousElementSibling;
          const answers = [...li.querySelectorAll('p.draft-answer span.answer')].map((s) => [...s.classList].find((c) => c !== 'answer'));
          return [e ? e.id : '', answers[0] ?? '', answers[1] ?? '', li.querySelector('a.example').getAttribute('href')];
        })
        """)).Select(x => new Example(x[0], x[1], x[2], x[3]))];

    /// <summary>A region's example on the Draft page: the decision, the draft's and the base's answer values, the link to the Evaluate page.</summary>
    public sealed record Example(string Subject, string Draft, string Base, string Href);
}
