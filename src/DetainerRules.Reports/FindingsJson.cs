using System.Text.Json;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Reports;

/// <summary>What <c>detainer validate --format json</c> prints: the counts, then every finding with its place and field.</summary>
public static class FindingsJson
{
    public static string ToJson(IReadOnlyList<Diagnostic> findings, int files) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("files", files);
        w.WriteNumber("errors", findings.Count(f => f.Severity == Severity.Error));
        w.WriteNumber("warnings", findings.Count(f => f.Severity == Severity.Warning));
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("file", f.Span.File);
            w.WriteNumber("line", f.Span.Line);
            w.WriteNumber("column", f.Span.Column);
            w.WriteString("severity", f.Severity == Severity.Error ? "error" : "warning");
            w.WriteString("code", f.Code.Id);
            w.WriteString("field", f.Field);
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
