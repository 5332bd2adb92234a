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
            WriteFinding(w, f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One finding as an object: where it is, how bad, its code, field and message (the web API's problem details carry the same).</summary>
    public static void WriteFinding(Utf8JsonWriter w, Diagnostic f)
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
}
