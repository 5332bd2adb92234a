using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Reports;

/// <summary>The catalog of diagnostic codes as a Markdown table: code, what it means, what to do.</summary>
public static class DiagnosticTable
{
    /// <remarks>Titles and help are the tool's own Markdown, not text from files; only the cell separators need escaping.</remarks>
    public static string Markdown(IEnumerable<DiagnosticCode> codes)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("| code | problem | what to do |");
        w.WriteLine("|---|---|---|");
        foreach (var code in codes)
        {
            w.WriteLine($"| `{code.Id}` | {MarkdownText.Cell(code.Title)} | {MarkdownText.Cell(code.Help)} |");
        }

        return w.ToString();
    }
}
