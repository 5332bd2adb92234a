using DetainerRules.Analysis.Comparison;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>A comparison on a page, in <c>&lt;section id="comparison"&gt;</c>: the content of <c>detainer compare --format html</c> (<see cref="ComparisonHtml.WriteBody"/>), each region's example one click from the Evaluate page.</summary>
/// <remarks>The report's own style is inline, which the pages' Content-Security-Policy refuses; its classes are styled by <see cref="Stylesheet"/> instead.</remarks>
internal static class ComparisonSection
{
    /// <param name="timeZone">Where the compared bookings were placed (a zone the reader accepted, as the database names it); null when no zone was given.</param>
    /// <param name="example">Writes what follows a region's example, given the split and the region: a link to the Evaluate page and, on the Draft page, the draft's answer.</param>
    public static void Write(TextWriter w, PolicyComparison comparison, string? timeZone, Action<TextWriter, Split, Region> example)
    {
        w.WriteLine("<section id=\"comparison\" class=\"comparison\" aria-labelledby=\"comparison-heading\">");
        w.WriteLine($"<h2 id=\"comparison-heading\">{HtmlText.Encode(ComparisonSummary.Heading(comparison))}</h2>");
        WritePlacement(w, timeZone);
        if (comparison.Agree)
        {
            w.WriteLine("<p class=\"agree\" role=\"status\"><strong>They agree on every compared case.</strong></p>");
        }

        w.WriteLine("<div class=\"scroll\">");
        ComparisonHtml.WriteBody(w, comparison, example);
        w.WriteLine("</div></section>");
    }

    /// <summary>Where the compared bookings were placed, so a reader knows which days the answers counted; inside the section, so the Draft page's live script replaces it with the comparison.</summary>
    private static void WritePlacement(TextWriter w, string? zone) => w.WriteLine(zone is null
        ? "<p id=\"placement\" data-timezone=\"\">No time zone given: each policy that names none (or <code>local</code>) counts days in the offset each case's times are written with.</p>"
        : $"<p id=\"placement\" data-timezone=\"{HtmlText.Encode(zone)}\">Bookings placed in <strong>{HtmlText.Encode(zone)}</strong>: each compared policy that names no time zone (or <code>local</code>) counts its days there, as <code>compare --timezone {HtmlText.Encode(zone)}</code> places it; one that names its own keeps it.</p>");

    /// <summary>The section when no comparison can be shown: why, in words (a space too large to walk, a base that does not load).</summary>
    public static void WriteProblem(TextWriter w, string heading, string message)
    {
        w.WriteLine("<section id=\"comparison\" class=\"comparison\" aria-labelledby=\"comparison-heading\">");
        w.WriteLine($"<h2 id=\"comparison-heading\">{HtmlText.Encode(heading)}</h2>");
        w.WriteLine($"<p class=\"problem\" role=\"alert\">{HtmlText.Encode(message)}</p></section>");
    }

    /// <summary>A link opening <paramref name="example"/> on the Evaluate page under <paramref name="policies"/>, placed in <paramref name="timeZone"/> when the comparison was, or, for what the form cannot hold (<see cref="ScenarioForm.Of"/>), a note saying so.</summary>
    public static void WriteExampleLink(TextWriter w, Scenario example, IReadOnlyList<string> policies, string? timeZone = null)
    {
        if (ScenarioForm.Of(example, policies, timeZone) is { } form)
        {
            var under = string.Join(", ", policies);
            w.Write($" <a class=\"example\" href=\"{HtmlText.Encode(EvaluatePage.Path + form.Query())}\">Open example {HtmlText.Encode(example.Id)} on the Evaluate page ({HtmlText.Encode(under)})</a>");
        }
        else
        {
            w.Write($" <span class=\"muted\">(The Evaluate page's form cannot hold this example: it has more than {BookingForm.MaxRows} charges or prior convictions, an offense or statute that is empty text or longer than the form's field holds, or is too long for an address; its JSON above runs with <code>detainer evaluate</code>.)</span>");
        }
    }

    /// <summary>One policy's answer, shaded by its value word (the vocabulary's, never a file's).</summary>
    public static string Answer(string policy, Answer answer) =>
        $"<span class=\"answer {HtmlText.Encode(answer.Value)}\">{HtmlText.Encode(policy)}: {HtmlText.Encode(answer.Text)}</span>";
}
