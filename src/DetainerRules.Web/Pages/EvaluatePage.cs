using DetainerRules.Analysis;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Reports.PolicyTables;

namespace DetainerRules.Web.Pages;

/// <summary><c>GET /evaluate</c>: one booking decided under the chosen policies side by side, each answer opening onto the rules, reasons and quoted sources behind it; the form below, filled with the booking.</summary>
/// <remarks>
/// The answers are the table of <c>detainer evaluate -p A -p B</c> (<see cref="PolicyTable"/>); each
/// decision's explanation is laid out as <see cref="TextReport"/> writes it with <c>--explain</c>.
/// Every text from a policy or the form is encoded (<see cref="HtmlText"/>).
/// </remarks>
public static class EvaluatePage
{
    /// <summary>Where the form is sent, and the page's own address.</summary>
    public const string Path = "/evaluate";

    /// <summary>The booking as a scenario file: the same query, as YAML.</summary>
    public const string YamlPath = "/evaluate.yaml";

    /// <param name="options">The catalog's families and the ids that are not family names, for the policy select.</param>
    /// <param name="result">The evaluation of a sent form; null when the form is shown empty.</param>
    public static IResult Render(BookingForm form, PolicyOptions options, BookingEvaluation? result)
    {
        var status = result is { Problems.Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return PageLayout.Page("Evaluate a booking", w =>
        {
            w.WriteLine("<h1>Evaluate a booking</h1>");
            w.WriteLine("<p>Describe one booking and choose the policies to read it under; the answers come side by side, each opening onto the rules that decided it, their reasons and the words of their sources. "
                + "The whole booking is in this page's address, so a link reproduces it. A family answers with its version in force on the booking day.</p>");
            var errors = (result?.Problems ?? []).ToLookup(p => p.Field ?? string.Empty, p => p.Problem);

            // What the script (evaluate as you type) replaces with the same part of the next answer.
            w.WriteLine("<div id=\"result\">");
            if (result is { Problems.Count: > 0 } failed)
            {
                WriteProblems(w, failed);
            }
            else if (result?.Table is { } table)
            {
                WriteDecisions(w, form, table, result);
            }

            w.WriteLine("</div>");
            EvaluateForm.Write(w, form, options, errors);
        }, status, EvaluateScript.Path);
    }

    private static void WriteProblems(TextWriter w, BookingEvaluation result)
    {
        w.WriteLine("<section class=\"problems\" id=\"problems\" role=\"alert\"><h2>The booking cannot be evaluated</h2>");
        w.WriteLine($"<p>{result.Problems.Count} {(result.Problems.Count == 1 ? "problem" : "problems")}, as <code>detainer evaluate</code> reports them for a scenario file; each is also shown beside its field below.</p><ul>");
        foreach (var (field, problem) in result.Problems)
        {
            w.WriteLine(ProblemItem(field, problem));
        }

        w.WriteLine("</ul></section>");
    }

    /// <summary>One problem in <c>#problems</c>: a link to its field, labelled as the form labels it, the loader's or the API's message, its code and path. The Draft page lists a refused time zone with it too.</summary>
    internal static string ProblemItem(string? field, Diagnostic problem)
    {
        var where = field is null ? string.Empty : $"<a href=\"#{field}\">{HtmlText.Encode(EvaluateForm.Label(field))}</a>: ";
        return $"<li>{where}{HtmlText.Encode(problem.Message)} <span class=\"muted\">({HtmlText.Encode(problem.Code.ToString())}{(problem.Field.Length > 0 ? ", " + HtmlText.Encode(problem.Field) : string.Empty)})</span></li>";
    }

    private static void WriteDecisions(TextWriter w, BookingForm form, PolicyTable table, BookingEvaluation result)
    {
        var query = form.Query();
        w.WriteLine("<section id=\"decisions\"><h2>Decisions</h2>");
        w.WriteLine($"<p>{HtmlText.Encode(table.Scope)}.</p>");
        WritePlacement(w, result);
        w.WriteLine($"<p class=\"actions\"><a href=\"{HtmlText.Encode(Path + query)}\">Link to this evaluation</a> <a href=\"{HtmlText.Encode(YamlPath + query)}\" download=\"scenario.yaml\">Download YAML</a> <a href=\"#booking\">Change the booking</a></p>");
        w.WriteLine("<div class=\"scroll\"><table class=\"decisions\"><thead><tr><th scope=\"col\">Decision</th>");
        foreach (var column in table.Columns)
        {
            WriteHeading(w, column, table);
        }

        w.WriteLine("</tr></thead><tbody>");
        var explained = table.Columns.Select(c => c.Verdict is { } v ? result.Explain(v) : null).ToList();
        foreach (var row in table.Rows)
        {
            w.Write($"<tr id=\"row-{row.Key}\"><th scope=\"row\">{HtmlText.Encode(row.Title)}</th>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                WriteCell(w, table.Columns[i], row, row.Cells[i], explained[i], result.Flips.GetValueOrDefault(table.Columns[i].Name));
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table></div></section>");
    }

    /// <summary>Where the booking was placed, so a reader knows which days the answers counted: the form's zone, as <c>--timezone</c> places it, or none.</summary>
    private static void WritePlacement(TextWriter w, BookingEvaluation result)
    {
        w.WriteLine(result.Bookings?.ZoneId is { } zone
            ? $"<p id=\"placement\" data-timezone=\"{HtmlText.Encode(zone)}\">Booking placed in <strong>{HtmlText.Encode(zone)}</strong>: each policy that names no time zone (or <code>local</code>) counts its days there, as <code>--timezone {HtmlText.Encode(zone)}</code> places it; one that names its own keeps it.</p>"
            : "<p id=\"placement\" data-timezone=\"\">No time zone given: each policy that names none (or <code>local</code>) counts days in the offset each time is written with.</p>");
    }

    private static void WriteHeading(TextWriter w, PolicyColumn column, PolicyTable table)
    {
        w.Write($"<th scope=\"col\" class=\"policy\">{HtmlText.Encode(column.Name)}");
        if (column.Verdict is { } v)
        {
            var version = v.Policy.Id != column.Name ? $"version {PageLayout.PolicyLink(v.Policy.Id)}" : PageLayout.PolicyLink(v.Policy.Id);
            w.Write($"<small>{version}: {HtmlText.Encode(v.Policy.Title.Trim())}</small>");

            // The zone its days were counted in: the policy's own, the booking's where it names none, or each time's written offset.
            w.Write($"<small class=\"zone\">days in {HtmlText.Encode(v.Policy.Time.ZoneId ?? "the written offset")}</small>");
            if (!v.Policy.MayBeInForceAt(table.Scenario.BookedAt))
            {
                w.Write($"<small class=\"warning\">Not in force on this booking's day ({v.Policy.Time.DayOf(table.Scenario.BookedAt):yyyy-MM-dd}): what this version would decide, not the law of that day.</small>");
            }
        }
        else
        {
            w.Write($"<small class=\"warning\">{PolicyTableRow.NotInForce}: {HtmlText.Encode(column.NotInForce ?? string.Empty)}</small>");
        }

        w.WriteLine("</th>");
    }

    /// <summary>A cell: the answer, shaded by its value word (the vocabulary's, never a file's), and for a decision or the outcome, why.</summary>
    private static void WriteCell(TextWriter w, PolicyColumn column, PolicyTableRow row, string text, IReadOnlyDictionary<DecisionKind, DecisionExplanation>? explained, BookingEvaluation.ColumnFlips? flips)
    {
        if (column.Verdict is not { } verdict)
        {
            w.Write($"<td class=\"absent\">{HtmlText.Encode(text)}</td>");
            return;
        }

        if (row.Decision is { } kind)
        {
            var decision = verdict[kind];
            w.Write($"<td class=\"answer {Vocabulary.Word(decision.Value)}\" data-value=\"{Vocabulary.Word(decision.Value)}\"><span class=\"value\">{HtmlText.Encode(text)}</span>");
            w.Write("<details><summary>Why</summary>");
            Explanation.Write(w, verdict, decision, explained?.GetValueOrDefault(kind));
            WriteFlips(w, flips, Subject.Of(kind));
            w.Write("</details></td>");
            return;
        }

        if (row.Key == "outcome")
        {
            w.Write($"<td class=\"outcome\" data-value=\"{Vocabulary.Word(verdict.Outcome.Value)}\"><span class=\"value\">{HtmlText.Encode(text)}</span>");
            w.Write($"<details><summary>Why</summary><p>{HtmlText.Encode(verdict.Outcome.Reason)}.</p>");
            w.Write($"<p class=\"muted\">Rules fired, in order: {(verdict.Fired.Count == 0 ? "none" : string.Join(", ", verdict.Fired.Select(r => $"<code>{HtmlText.Encode(r.Id)}</code>")))}</p>");
            WriteFlips(w, flips, Subject.Outcome);
            w.Write("</details></td>");
            return;
        }

        w.Write($"<td>{HtmlText.Encode(text)}</td>");
    }

    /// <summary>What would change the answer, in the words of <c>--what-flips</c>; nothing when the form did not ask.</summary>
    private static void WriteFlips(TextWriter w, BookingEvaluation.ColumnFlips? flips, Subject subject)
    {
        if (flips is null)
        {
            return;
        }

        if (flips.Found?.GetValueOrDefault(subject) is not { } found)
        {
            w.Write($"<p class=\"flips muted\">{FlipText.Heading}: not searched ({HtmlText.Encode(flips.NotFound ?? string.Empty)}).</p>");
            return;
        }

        if (found.Count == 0)
        {
            w.Write($"<p class=\"flips\">{FlipText.Heading}: {FlipText.Nothing}</p>");
            return;
        }

        w.Write($"<div class=\"flips\"><p>{FlipText.Heading}:</p><ul>");
        foreach (var flip in found)
        {
            w.Write($"<li>{HtmlText.Encode(FlipText.Of(flip))}</li>");
        }

        w.Write("</ul></div>");
    }
}
