using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>A comparison as Markdown, for a report or an issue: a summary table, then each subject's splits and regions.</summary>
public static class ComparisonMarkdown
{
    public static void Write(TextWriter w, PolicyComparison c)
    {
        w.WriteLine($"# {MarkdownText.Text(ComparisonSummary.Heading(c))}");
        w.WriteLine();
        foreach (var line in ComparisonSummary.Scope(c))
        {
            w.WriteLine(MarkdownText.Text(line));
            w.WriteLine();
        }

        w.WriteLine("| subject | cases | differ | all agree |");
        w.WriteLine("|---|---:|---:|---:|");
        foreach (var s in c.Subjects)
        {
            w.WriteLine($"| {Cell(MarkdownText.Code(s.Subject.Name))} | {Count(s.Cases)} | {Count(s.Differing)} | {ComparisonSummary.Percent(s.Cases - s.Differing, s.Cases)} |");
        }

        foreach (var s in c.Subjects.Where(s => s.Differing > 0))
        {
            w.WriteLine();
            w.WriteLine($"## {MarkdownText.Code(s.Subject.Name)}: differ on {Count(s.Differing)} of {Count(s.Cases)} cases");
            w.WriteLine();
            if (c.Policies.Count > 2)
            {
                w.WriteLine("Same answer, pair by pair:");
                w.WriteLine();
                w.WriteLine("| | " + string.Join(" | ", c.Policies.Select(p => Cell(MarkdownText.Code(p)))) + " |");
                w.WriteLine("|---|" + string.Concat(c.Policies.Select(_ => "---:|")));
                for (var a = 0; a < c.Policies.Count; a++)
                {
                    w.WriteLine($"| {Cell(MarkdownText.Code(c.Policies[a]))} | " + string.Join(" | ", c.Policies.Select((_, b) => ComparisonSummary.Percent(s.Agreeing[a, b], s.Cases))) + " |");
                }

                w.WriteLine();
            }

            WriteSplits(w, c.Policies, s);
        }

        if (c.Layers.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Layers of authority");
            w.WriteLine();
            foreach (var layer in c.Layers)
            {
                var differing = layer.Findings.Subjects.Where(x => x.Differing > 0).ToList();
                w.WriteLine($"- {MarkdownText.Code(layer.Policy)} under {MarkdownText.Code(layer.Authority)}: {(differing.Count == 0 ? "no disagreement on the compared decisions" : "they disagree on " + string.Join(", ", differing.Select(x => $"{MarkdownText.Code(x.Subject.Name)} ({Count(x.Differing)} of {Count(x.Cases)} cases)")))}");
            }

            foreach (var layer in c.Layers)
            {
                foreach (var s in layer.Findings.Subjects.Where(x => x.Differing > 0))
                {
                    w.WriteLine();
                    w.WriteLine($"### {MarkdownText.Code(layer.Policy)} under {MarkdownText.Code(layer.Authority)}: {MarkdownText.Code(s.Subject.Name)}");
                    w.WriteLine();
                    WriteSplits(w, layer.Findings.Policies, s);
                }
            }
        }
    }

    private static void WriteSplits(TextWriter w, IReadOnlyList<string> policies, SubjectComparison s)
    {
        foreach (var split in s.Splits)
        {
            w.WriteLine($"- **{MarkdownText.Text(ComparisonSummary.Camps(policies, split))}**: {Count(split.Cases)} cases");
            foreach (var region in split.Regions)
            {
                w.WriteLine($"  - {MarkdownText.Text(region.Description)} ({Count(region.Cases)}; e.g. {MarkdownText.Code(region.Example.Id)})");
            }
        }
    }

    private static string Cell(string markdown) => MarkdownText.Cell(markdown);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
