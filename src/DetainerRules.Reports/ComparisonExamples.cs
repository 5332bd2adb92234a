using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>Each region's example as a scenario file that <c>detainer evaluate</c> runs as it is.</summary>
public static class ComparisonExamples
{
    /// <summary>One JSON scenario per region, named <c>SUBJECT-SPLIT-REGION.json</c>, with its text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Of(PolicyComparison comparison)
    {
        var files = new List<(string, string)>();
        foreach (var subject in comparison.Subjects)
        {
            for (var s = 0; s < subject.Splits.Count; s++)
            {
                for (var r = 0; r < subject.Splits[s].Regions.Count; r++)
                {
                    files.Add(($"{subject.Subject.Name}-{s + 1}-{r + 1}.json", ScenarioJson.ToJson(subject.Splits[s].Regions[r].Example) + "\n"));
                }
            }
        }

        return files;
    }
}
