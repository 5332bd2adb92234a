using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>Writes a comparison in the format asked for.</summary>
public static class ComparisonReport
{
    public static void Write(TextWriter w, PolicyComparison comparison, string format)
    {
        switch (format)
        {
            case "json":
                w.WriteLine(ComparisonJson.ToJson(comparison));
                break;
            case "markdown":
                ComparisonMarkdown.Write(w, comparison);
                break;
            case "html":
                ComparisonHtml.Write(w, comparison);
                break;
            default:
                ComparisonText.Write(w, comparison);
                break;
        }
    }
}
