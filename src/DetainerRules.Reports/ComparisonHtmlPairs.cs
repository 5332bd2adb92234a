using System.Globalization;
using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>The body of the HTML page for more than four policies: a policy-by-policy agreement matrix first, then each pair's differences behind a fold.</summary>
/// <remarks>
/// A column per pair of policies, and every split with all the policies' answers and a scenario
/// each, runs off the page and to megabytes for the whole catalog. Here a reader sees at once
/// which policies resemble which, and opens only the pairs they care about; a pair lists, per
/// decision, how the two answer where they differ, with a few regions in words (the scenarios
/// are in <c>--format json</c> and <c>--emit-examples</c>).
/// </remarks>
internal static class ComparisonHtmlPairs
{
    /// <summary>Regions named per way a pair differs; the rest are counted.</summary>
    private const int RegionsShown = 3;

    public static void Write(TextWriter w, PolicyComparison c)
    {
        var compared = c.Subjects.Where(s => s.Cases > 0).ToList();
        w.WriteLine("<h2 id=\"agreement\">Agreement</h2>");
        w.WriteLine("<p>Each cell is the share of compared cases, over every compared decision and the outcome, on which the row's policy and the column's give the same answer. Hover over a cell for each decision; follow it to open the pair.</p>");
        Matrix(w, c, compared, "agreement");
        w.WriteLine("<details><summary>The matrix for each decision</summary>");
        foreach (var s in compared)
        {
            w.WriteLine($"<h3>{E(s.Subject.Name)}</h3>");
            Matrix(w, c, [s], "agreement-" + s.Subject.Name);
        }

        w.WriteLine("</details>");
        w.WriteLine("<h2 id=\"pairs\">Pairs</h2>");
        var same = new List<string>();
        for (var a = 0; a < c.Policies.Count; a++)
        {
            for (var b = a + 1; b < c.Policies.Count; b++)
            {
                var differing = compared.Where(s => s.Agreeing[a, b] < s.Cases).ToList();
                if (differing.Count == 0)
                {
                    same.Add($"{c.Policies[a]} and {c.Policies[b]}");
                    continue;
                }

                Pair(w, c, a, b, differing);
            }
        }

        if (same.Count > 0)
        {
            w.WriteLine($"<p>Agree on every compared case: {E(string.Join("; ", same))}.</p>");
        }
    }

    private static void Matrix(TextWriter w, PolicyComparison c, IReadOnlyList<SubjectComparison> subjects, string id)
    {
        w.WriteLine($"<table class=\"pairs\" id=\"{E(id)}\"><thead><tr><th></th>");
        foreach (var p in c.Policies)
        {
            w.WriteLine($"<th scope=\"col\"><span>{E(p)}</span></th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        for (var a = 0; a < c.Policies.Count; a++)
        {
            w.Write($"<tr><th scope=\"row\">{E(c.Policies[a])}</th>");
            for (var b = 0; b < c.Policies.Count; b++)
            {
                if (a == b)
                {
                    w.Write("<td class=\"self\"></td>");
                    continue;
                }

                var agreeing = subjects.Sum(s => s.Agreeing[a, b]);
                var cases = subjects.Sum(s => s.Cases);
                var title = string.Join("; ", subjects.Select(s => $"{s.Subject.Name} {ComparisonSummary.Percent(s.Agreeing[a, b], s.Cases)}"));
                var cell = ComparisonSummary.Percent(agreeing, cases);
                var link = agreeing < cases ? $"<a href=\"#{PairId(Math.Min(a, b), Math.Max(a, b))}\">{cell}</a>" : cell;
                w.Write($"<td class=\"n {ComparisonHtml.Shade(cases == 0 ? 1 : (double)agreeing / cases)}\" title=\"{E(title)}\">{link}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static void Pair(TextWriter w, PolicyComparison c, int a, int b, IReadOnlyList<SubjectComparison> differing)
    {
        var (first, second) = (c.Policies[a], c.Policies[b]);
        w.WriteLine($"<details class=\"pair\" id=\"{PairId(a, b)}\"><summary>{E(first)} and {E(second)}: differ on {E(string.Join(", ", differing.Select(s => s.Subject.Name)))}</summary>");
        foreach (var s in differing)
        {
            w.WriteLine($"<h3>{E(s.Subject.Name)}: differ on {Count(s.Cases - s.Agreeing[a, b])} of {Count(s.Cases)} cases</h3><ul>");
            var ways = s.Splits.Where(x => x.Answers[a] != x.Answers[b])
                .GroupBy(x => (First: x.Answers[a], Second: x.Answers[b]))
                .Select(g => (g.Key.First, g.Key.Second, Cases: g.Sum(x => x.Cases), Regions: g.SelectMany(x => x.Regions).OrderByDescending(r => r.Cases).ToList()))
                .OrderByDescending(x => x.Cases)
                .ThenBy(x => x.First.Text, StringComparer.Ordinal)
                .ThenBy(x => x.Second.Text, StringComparer.Ordinal);
            foreach (var way in ways)
            {
                w.Write($"<li><span class=\"answer {way.First.Value}\">{E(first)}: {E(way.First.Text)}</span><span class=\"answer {way.Second.Value}\">{E(second)}: {E(way.Second.Text)}</span> {ComparisonHtml.Cases(way.Cases)}<ul class=\"regions\">");
                foreach (var region in way.Regions.Take(RegionsShown))
                {
                    w.Write($"<li>{E(region.Description)} ({Count(region.Cases)}; e.g. {E(region.Example.Id)})</li>");
                }

                if (way.Regions.Count > RegionsShown)
                {
                    w.Write($"<li>and {Count(way.Regions.Skip(RegionsShown).Sum(r => r.Cases))} cases in {way.Regions.Count - RegionsShown} more regions</li>");
                }

                w.WriteLine("</ul></li>");
            }

            w.WriteLine("</ul>");
        }

        w.WriteLine("</details>");
    }

    private static string PairId(int a, int b) => $"pair-{a + 1}-{b + 1}";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => ComparisonHtml.E(text);
}
