using DetainerRules.Analysis.Comparison;

namespace DetainerRules.Reports;

/// <summary>Writes a comparison in the format asked for.</summary>
public static class ComparisonReport
{
    public static void Write(TextWriter w, PolicyComparison comparison, ReportFormat format)
    {
        switch (format)
        {
            case ReportFormat.Text:
                ComparisonText.Write(w, comparison);
                break;
            case ReportFormat.Json:
                w.WriteLine(ComparisonJson.ToJson(comparison));
                break;
            case ReportFormat.Markdown:
                ComparisonMarkdown.Write(w, comparison);
                break;
            case ReportFormat.Html:
                ComparisonHtml.Write(w, comparison);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format");
        }
    }
}
