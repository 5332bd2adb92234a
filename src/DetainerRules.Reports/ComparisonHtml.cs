using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>A comparison as one self-contained HTML page: a decision-by-decision matrix, colour-coded, then the splits.</summary>
/// <remarks>
/// No scripts, fonts or images from elsewhere: the page opens from a file, offline, and prints.
/// Up to <see cref="MaxSideBySide"/> policies, each pair is a column and every split is shown in
/// full; more than that, the page leads with a policy-by-policy matrix and folds each pair away
/// (<see cref="ComparisonHtmlPairs"/>).
/// </remarks>
public static class ComparisonHtml
{
    /// <summary>The most policies whose pairs fit side by side as columns.</summary>
    public const int MaxSideBySide = 4;

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; max-width: 72rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #c8c8cc; padding: 0.3rem 0.6rem; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .agree-all { background: #d9f2dc; } .agree-most { background: #f6efc6; } .agree-some { background: #f8d9c4; } .agree-few { background: #f3b9b4; }
        .answer { display: inline-block; padding: 0 0.4rem; border-radius: 0.3rem; margin-right: 0.3rem; }
        .required { background: #f3b9b4; } .permitted { background: #f6efc6; } .forbidden { background: #cfe3f7; } .unknown { background: #e4e4e7; }
        .released { background: #cfe3f7; } .held_for_ice, .transferred_to_ice { background: #f3b9b4; } .discretionary { background: #f6efc6; }
        ul.regions { margin-top: 0.2rem; } details pre { background: #f4f4f5; padding: 0.5rem; overflow-x: auto; }
        table.pairs th[scope=col] { vertical-align: bottom; padding: 0.3rem 0.1rem; } table.pairs th[scope=col] span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
        table.pairs td { padding: 0.2rem 0.3rem; font-size: 0.85rem; } table.pairs td a { color: inherit; } td.self { background: #e4e4e7; }
        details.pair { margin: 0.3rem 0; } details.pair > summary { cursor: pointer; } details.pair h3 { font-size: 1rem; margin: 0.6rem 0 0.2rem; }
        """;

    public static void Write(TextWriter w, PolicyComparison c)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>{E(ComparisonSummary.Heading(c))}</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine($"<h1>{E(ComparisonSummary.Heading(c))}</h1>");
        WriteBody(w, c);
        w.WriteLine("</body></html>");
    }

    /// <summary>The report below its heading (<see cref="ComparisonSummary.Heading"/>): what was compared, the matrix, each split with its regions and examples, the layers; the workbench's Compare and Draft pages show it inside their own frame.</summary>
    /// <param name="example">Writes more inside a region's item after its example, given the split (its answers in policy order) and the region: the workbench's link to the example on its Evaluate page. Null for the report itself.</param>
    /// <remarks>Classes only, no style: a page that shows it styles them itself.</remarks>
    public static void WriteBody(TextWriter w, PolicyComparison c, Action<TextWriter, Split, Region>? example = null)
    {
        foreach (var line in ComparisonSummary.Scope(c))
        {
            w.WriteLine($"<p>{E(line)}</p>");
        }

        if (c.Policies.Count > MaxSideBySide)
        {
            ComparisonHtmlPairs.Write(w, c);
        }
        else
        {
            WriteMatrix(w, c);
            foreach (var s in c.Subjects.Where(s => s.Differing > 0))
            {
                WriteSubject(w, c.Policies, s, s.Subject.Name, example);
            }
        }

        if (c.Layers.Count > 0)
        {
            w.WriteLine("<h2 id=\"layers\">Layers of authority</h2><ul>");
            foreach (var layer in c.Layers)
            {
                var differing = layer.Findings.Subjects.Where(x => x.Differing > 0).ToList();
                w.WriteLine($"<li>{E(layer.Policy)} under {E(layer.Authority)}: {(differing.Count == 0 ? "no disagreement on the compared decisions" : E("they disagree on " + string.Join(", ", differing.Select(x => x.Subject.Name))))}</li>");
            }

            w.WriteLine("</ul>");
            foreach (var layer in c.Layers)
            {
                foreach (var s in layer.Findings.Subjects.Where(x => x.Differing > 0))
                {
                    WriteSubject(w, layer.Findings.Policies, s, $"{layer.Policy}-{layer.Authority}-{s.Subject.Name}", null);
                }
            }
        }
    }

    /// <summary>One row per subject; one column per pair of policies, coloured by how often they agree.</summary>
    private static void WriteMatrix(TextWriter w, PolicyComparison c)
    {
        var pairs = Enumerable.Range(0, c.Policies.Count).SelectMany(a => Enumerable.Range(a + 1, c.Policies.Count - a - 1).Select(b => (a, b))).ToList();
        w.WriteLine("<table class=\"matrix\"><thead><tr><th>subject</th><th>cases</th><th>differ</th>");
        foreach (var (a, b) in pairs)
        {
            w.WriteLine($"<th>{E(c.Policies[a])} = {E(c.Policies[b])}</th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var s in c.Subjects)
        {
            var anchor = s.Differing > 0 ? $"<a href=\"#{s.Subject.Name}\">{E(s.Subject.Name)}</a>" : E(s.Subject.Name);
            w.Write($"<tr><td>{anchor}</td><td class=\"n\">{s.Cases.ToString("N0", CultureInfo.InvariantCulture)}</td><td class=\"n\">{s.Differing.ToString("N0", CultureInfo.InvariantCulture)}</td>");
            foreach (var (a, b) in pairs)
            {
                var share = s.Agreement(a, b);
                w.Write($"<td class=\"n {Shade(share)}\">{ComparisonSummary.Percent(s.Agreeing[a, b], s.Cases)}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static void WriteSubject(TextWriter w, IReadOnlyList<string> policies, SubjectComparison s, string anchor, Action<TextWriter, Split, Region>? example)
    {
        w.WriteLine($"<h2 id=\"{E(anchor)}\">{E(s.Subject.Name)}: differ on {s.Differing.ToString("N0", CultureInfo.InvariantCulture)} of {s.Cases.ToString("N0", CultureInfo.InvariantCulture)} cases</h2>");
        foreach (var split in s.Splits)
        {
            w.Write("<p>");
            foreach (var (answer, camp) in split.Camps)
            {
                w.Write($"<span class=\"answer {answer.Value}\">{E(string.Join(", ", camp.Select(p => policies[p])))}: {E(answer.Text)}</span>");
            }

            w.WriteLine($" {Cases(split.Cases)}</p>");
            if (split.Regions.Count == 0)
            {
                // A summary draws no regions (it says so above); an empty list would only leave a gap.
                continue;
            }

            w.WriteLine("<ul class=\"regions\">");
            foreach (var region in split.Regions)
            {
                w.WriteLine($"<li>{E(region.Description)} ({region.Cases.ToString("N0", CultureInfo.InvariantCulture)})");
                w.Write($"<details><summary>example {E(region.Example.Id)}</summary><pre>{E(ScenarioJson.ToJson(region.Example))}</pre></details>");
                example?.Invoke(w, split, region);
                w.WriteLine("</li>");
            }

            w.WriteLine("</ul>");
        }
    }

    /// <summary>"1 case", "1,024 cases".</summary>
    internal static string Cases(long n) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? "case" : "cases")}";

    internal static string Shade(double share) => share switch
    {
        >= 1 => "agree-all",
        >= 0.75 => "agree-most",
        >= 0.5 => "agree-some",
        _ => "agree-few",
    };

    /// <summary>Text from a policy or scenario, encoded as every HTML report and page encodes it (<see cref="HtmlText"/>); line breaks kept for the examples' JSON.</summary>
    internal static string E(string text) => HtmlText.Encode(text, keepLineBreaks: true);
}
