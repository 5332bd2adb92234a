using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>A comparison as plain text: a summary table, then each subject's splits with the regions that describe them.</summary>
public static class ComparisonText
{
    /// <summary>Regions shown per split; the rest are counted. JSON has them all.</summary>
    public const int RegionsShown = 6;

    public static void Write(TextWriter w, PolicyComparison comparison)
    {
        w.WriteLine(ComparisonSummary.Heading(comparison));
        foreach (var line in ComparisonSummary.Scope(comparison))
        {
            w.WriteLine(line);
        }

        w.WriteLine();
        var rows = comparison.Subjects.Select(s => new[]
        {
            s.Subject.Name,
            Count(s.Cases),
            Count(s.Differing),
            ComparisonSummary.Percent(s.Cases - s.Differing, s.Cases),
        }).ToList();
        TextTable.Write(w, ["subject", "cases", "differ", "all agree"], rows, rightAlign: true);
        foreach (var subject in comparison.Subjects.Where(s => s.Differing > 0))
        {
            w.WriteLine();
            w.WriteLine($"{subject.Subject.Name}: the policies differ on {Count(subject.Differing)} of {Count(subject.Cases)} cases");
            if (comparison.Policies.Count > 2)
            {
                WriteMatrix(w, comparison.Policies, subject);
            }

            WriteSplits(w, comparison.Policies, subject, "  ");
        }

        if (comparison.Layers.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Layers of authority (where a policy's own rules and a law it is bound by disagree):");
            foreach (var layer in comparison.Layers)
            {
                var differing = layer.Findings.Subjects.Where(s => s.Differing > 0).ToList();
                w.WriteLine($"  {layer.Policy} under {layer.Authority}: {(differing.Count == 0 ? "no disagreement on the compared decisions" : $"they disagree on {Wording(differing)}")}");
                foreach (var subject in differing)
                {
                    w.WriteLine($"    {subject.Subject.Name}: {Count(subject.Differing)} of {Count(subject.Cases)} cases");
                    WriteSplits(w, layer.Findings.Policies, subject, "      ");
                }
            }
        }
    }

    private static string Wording(IReadOnlyList<SubjectComparison> subjects) => string.Join(", ", subjects.Select(s => s.Subject.Name));

    private static void WriteSplits(TextWriter w, IReadOnlyList<string> policies, SubjectComparison subject, string indent)
    {
        foreach (var split in subject.Splits)
        {
            w.WriteLine($"{indent}{ComparisonSummary.Camps(policies, split)}: {Count(split.Cases)} {Plural(split.Cases, "case")}");
            foreach (var region in split.Regions.Take(RegionsShown))
            {
                w.WriteLine($"{indent}  - {region.Description} ({Count(region.Cases)}; e.g. {region.Example.Id})");
            }

            if (split.Regions.Count > RegionsShown)
            {
                var rest = split.Regions.Skip(RegionsShown).ToList();
                w.WriteLine($"{indent}  - and {rest.Count} smaller regions covering {Count(rest.Sum(r => r.Cases))} cases (see --format json)");
            }
        }
    }

    private static void WriteMatrix(TextWriter w, IReadOnlyList<string> policies, SubjectComparison subject)
    {
        w.WriteLine("  same answer, pair by pair:");
        var rows = policies.Select((p, a) => (string[])[p, .. policies.Select((_, b) => ComparisonSummary.Percent(subject.Agreeing[a, b], subject.Cases))]).ToList();
        TextTable.Write(w, ["", .. policies], rows, "    ", rightAlign: true);
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(long n, string word) => n == 1 ? word : word + "s";
}
