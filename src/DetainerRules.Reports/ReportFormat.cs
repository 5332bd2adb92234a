namespace DetainerRules.Reports;

/// <summary>The formats a report is written in.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Markdown,
    Html,
}
