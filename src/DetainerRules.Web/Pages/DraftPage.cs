using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Pages;

/// <summary><c>/draft</c>: a policy's YAML edited in the page, its findings shown at their lines, then compared with the catalog policy it started from over the whole scenario space.</summary>
/// <remarks>
/// The form is a POST of <c>text</c>, <c>base</c> and <c>timezone</c> (a draft is too long for an address); the same
/// form's other button, <see cref="YamlPath"/>, gives the text back as a file. The findings and the
/// comparison are <see cref="DraftReview"/>'s; the live script (<see cref="DraftScript"/>) only asks
/// for them sooner. Every text from the draft or a policy is encoded (<see cref="HtmlText"/>).
/// </remarks>
public static class DraftPage
{
    public const string Path = "/draft";

    /// <summary>The draft as a file: the same form, sent here.</summary>
    public const string YamlPath = "/draft.yaml";

    /// <param name="baseId">The catalog policy compared with; null when none is chosen yet.</param>
    /// <param name="timeZone">The time zone as typed (<see cref="TimeZoneInput.Typed"/>), kept in its field.</param>
    /// <param name="review">The check of a sent draft; null when the page is opened, or when <paramref name="zoneProblem"/> is set.</param>
    /// <param name="zoneProblem">Why <see cref="TimeZoneInput.Read"/> refused the zone: the page is then a 400 listing it in <c>#problems</c> as the Evaluate page does, the form kept, and nothing checked or compared.</param>
    public static IResult Render(PolicyOptions options, string? baseId, string text, string? timeZone, DraftReview? review, ProblemException? zoneProblem = null) =>
        PageLayout.Page("Draft a policy", w =>
        {
            w.WriteLine("<h1>Draft a policy</h1>");
            w.WriteLine("<p>Start from a catalog policy, change its YAML, and see what the change does: the text is checked as <code>detainer validate</code> checks a file, each finding shown at its line, "
                + "then compared with the policy you started from over every case the two can tell apart, as <code>detainer compare --space</code> compares them. Each example opens on the Evaluate page. "
                + "A time zone places the draft, when it names none (or <code>local</code>), and such a base where the bookings are, as <code>compare --timezone</code> does.</p>");
            WriteStart(w, options, baseId, timeZone);
            var zoneErrors = zoneProblem?.Diagnostics.Where(d => d.Field == TimeZoneInput.Name).ToList() ?? [];
            if (zoneProblem is not null)
            {
                // The parts the live script replaces are left out, so it says this problem instead (it reads the first `#problems li` when there is no paragraph).
                w.WriteLine("<section class=\"problems\" id=\"problems\" role=\"alert\"><h2>The draft cannot be compared</h2><ul>");
                foreach (var d in zoneErrors.Count > 0 ? zoneErrors : zoneProblem.Diagnostics)
                {
                    w.WriteLine(EvaluatePage.ProblemItem(d.Field == TimeZoneInput.Name ? TimeZoneInput.Name : null, d));
                }

                w.WriteLine("</ul></section>");
            }

            WriteForm(w, options, baseId, text, timeZone, [.. zoneErrors.Select(d => d.Message)]);
            if (zoneProblem is not null)
            {
                return;
            }

            WriteFindings(w, review);
            if (review?.Comparison is { } comparison && baseId is not null)
            {
                ComparisonSection.Write(w, comparison, review.TimeZone, (x, split, region) =>
                {
                    x.Write($"<p class=\"draft-answer\">The draft answers {ComparisonSection.Answer(comparison.Policies[0], split.Answers[0])}; the catalog's {ComparisonSection.Answer(comparison.Policies[1], split.Answers[1])}.");
                    ComparisonSection.WriteExampleLink(x, region.Example, [baseId], review.TimeZone);
                    x.Write("</p>");
                });
            }
            else if (review?.Problem is { } problem)
            {
                ComparisonSection.WriteProblem(w, "No comparison", problem);
            }
            else
            {
                var why = review is null ? "Check the draft to compare it with the policy it started from."
                    : review.Errors > 0 ? "The comparison waits until the draft has no errors."
                    : "Choose a policy to compare against.";
                w.WriteLine($"<section id=\"comparison\" class=\"comparison\" aria-labelledby=\"comparison-heading\"><h2 id=\"comparison-heading\">Comparison</h2><p class=\"muted\">{why}</p></section>");
            }

            WriteListing(w, text, review?.Findings ?? []);
        }, zoneProblem?.Status ?? review?.Status ?? StatusCodes.Status200OK, DraftScript.Path);

    /// <summary>A GET form that opens the page on another catalog policy's text, keeping the time zone.</summary>
    /// <remarks>The zone's field belongs to the draft's form, so this one carries the zone the page was given (the script puts in the one typed since).</remarks>
    private static void WriteStart(TextWriter w, PolicyOptions options, string? baseId, string? timeZone)
    {
        w.WriteLine($"<form class=\"start\" method=\"get\" action=\"{Path}\"><label for=\"start\">Start from</label> ");
        if (timeZone is { Length: > 0 })
        {
            w.Write($"<input type=\"hidden\" name=\"{TimeZoneInput.Name}\" value=\"{HtmlText.Encode(timeZone)}\">");
        }

        WriteSelect(w, "start", options, baseId);
        w.WriteLine(" <button type=\"submit\" class=\"secondary\">Open its text</button> <span class=\"muted\">(replaces the text below)</span></form>");
    }

    private static void WriteForm(TextWriter w, PolicyOptions options, string? baseId, string text, string? timeZone, IReadOnlyList<string> zoneErrors)
    {
        w.WriteLine($"<form class=\"draft\" id=\"draft\" method=\"post\" action=\"{Path}\">");
        w.WriteLine("<div class=\"field\"><label for=\"base\">Compare against</label>");
        WriteSelect(w, "base", options, baseId);
        w.WriteLine("</div>");
        TimeZoneInput.Write(w, timeZone ?? string.Empty, options.Zones, zoneErrors);
        w.WriteLine("<div class=\"field\"><label for=\"policy-text\">Policy YAML</label>");

        // The line break after the tag is dropped by the parser, so a text that begins with one keeps it. Line breaks and tabs
        // stay as typed; any other control or bidi character is shown as its escape (HtmlText), as everywhere else on the pages.
        w.WriteLine($"<textarea id=\"policy-text\" name=\"text\" rows=\"24\" spellcheck=\"false\" autocomplete=\"off\" autocapitalize=\"off\" aria-describedby=\"findings-summary\">\n{HtmlText.Encode(text, keepLineBreaks: true)}</textarea></div>");
        w.WriteLine("<p class=\"send\"><button type=\"submit\">Check and compare</button> "
            + $"<button type=\"submit\" id=\"download\" class=\"secondary\" formaction=\"{YamlPath}\">Download YAML</button> <span id=\"live\" class=\"muted\" role=\"status\"></span></p>");
        w.WriteLine("</form>");
    }

    private static void WriteSelect(TextWriter w, string id, PolicyOptions options, string? chosen)
    {
        w.Write($"<select id=\"{id}\" name=\"base\">");
        if (chosen is null)
        {
            w.Write("<option value=\"\" selected>(choose a catalog policy)</option>");
        }

        foreach (var (policy, title) in options.Versions)
        {
            var selected = policy == chosen ? " selected" : string.Empty;
            w.Write($"<option value=\"{HtmlText.Encode(policy)}\"{selected}>{HtmlText.Encode(policy)}: {HtmlText.Encode(title)}</option>");
        }

        w.WriteLine("</select>");
    }

    /// <summary>The findings, each linked to its line in the listing; what the live script replaces with the next answer's, as are the comparison and the listing.</summary>
    private static void WriteFindings(TextWriter w, DraftReview? review)
    {
        w.WriteLine("<section id=\"checks\" aria-labelledby=\"checks-heading\"><h2 id=\"checks-heading\">Checks</h2>");
        var findings = review?.Findings ?? [];
        var summary = review is null
            ? "Not checked yet."
            : findings.Count == 0 ? "No problems: the draft loads as a policy file would." : Count(findings);
        w.WriteLine($"<p id=\"findings-summary\">{summary}</p>");
        w.WriteLine("<ol id=\"diagnostics\">");
        foreach (var f in findings)
        {
            w.WriteLine(Item(f));
        }

        w.WriteLine("</ol></section>");
    }

    /// <summary>"2 errors, 1 warning"; the live script says it again from this element.</summary>
    private static string Count(IReadOnlyList<Diagnostic> findings)
    {
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count - errors;
        return $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}.";
    }

    /// <summary>One finding: where (a link to its line), how bad, its code, field and message. Its findings are <c>POST /v1/validate</c>'s for the same text; the live script inserts this item as rendered.</summary>
    private static string Item(Diagnostic f)
    {
        var severity = f.Severity == Severity.Error ? "error" : "warning";
        var where = f.Span.Line > 0 ? $"<a href=\"#L{f.Span.Line}\">Line {f.Span.Line}, column {f.Span.Column}</a>" : "The text as a whole";
        var field = f.Field.Length > 0 ? $" <code class=\"path\">{HtmlText.Encode(f.Field)}</code>" : string.Empty;
        return $"<li class=\"diagnostic {severity}\" data-line=\"{f.Span.Line}\" data-column=\"{f.Span.Column}\">{where}: {severity} <code>{HtmlText.Encode(f.Code.Id)}</code>{field} {HtmlText.Encode(f.Message)}</li>";
    }

    /// <summary>The text line by line, numbered, each line <c>#L{n}</c>; a line with findings is marked and lists them.</summary>
    private static void WriteListing(TextWriter w, string text, IReadOnlyList<Diagnostic> findings)
    {
        var at = findings.Where(f => f.Span.Line > 0).ToLookup(f => f.Span.Line);
        w.WriteLine("<section id=\"listing\" aria-labelledby=\"listing-heading\"><h2 id=\"listing-heading\">The text, line by line</h2>");
        w.WriteLine("<ol class=\"listing\">");
        var lines = text.Length == 0 ? [] : text.Split('\n');
        for (var n = 1; n <= lines.Length; n++)
        {
            var marks = at[n].ToList();
            w.Write($"<li id=\"L{n}\"{(marks.Count > 0 ? " class=\"has-diagnostic\"" : string.Empty)}><code>{HtmlText.Encode(lines[n - 1], keepLineBreaks: true)}</code>");
            foreach (var f in marks)
            {
                w.Write($"<span class=\"mark\">column {f.Span.Column}: {HtmlText.Encode(f.Code.Id)} {HtmlText.Encode(f.Message)}</span>");
            }

            w.WriteLine("</li>");
        }

        w.WriteLine("</ol></section>");
    }
}
