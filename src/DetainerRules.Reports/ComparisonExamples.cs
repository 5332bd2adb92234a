using DetainerRules.Analysis;

namespace DetainerRules.Reports;

/// <summary>Writes each region's example as a scenario file that <c>detainer evaluate</c> runs as it is.</summary>
public static class ComparisonExamples
{
    /// <summary>One JSON scenario per region, named <c>SUBJECT-SPLIT-REGION.json</c>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, PolicyComparison comparison)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var subject in comparison.Subjects)
        {
            for (var s = 0; s < subject.Splits.Count; s++)
            {
                for (var r = 0; r < subject.Splits[s].Regions.Count; r++)
                {
                    var path = Path.Combine(folder, $"{subject.Subject.Name}-{s + 1}-{r + 1}.json");
                    File.WriteAllText(path, ScenarioJson.ToJson(subject.Splits[s].Regions[r].Example) + "\n");
                    written.Add(path);
                }
            }
        }

        return written;
    }
}
