namespace DetainerRules.Model.Diagnostics;

/// <summary>A problem found in an input file, with where it is and which field it concerns.</summary>
/// <param name="Code">Its kind, from <see cref="DiagnosticCodes"/>.</param>
/// <param name="Field">The path of the field, e.g. <c>charges[1].level</c>; empty for the whole document.</param>
public sealed record Diagnostic(SourceSpan Span, Severity Severity, DiagnosticCode Code, string Field, string Message)
{
    public static Diagnostic Error(SourceSpan span, DiagnosticCode code, string field, string message) =>
        new(span, Severity.Error, code, field, message);

    public static Diagnostic Warning(SourceSpan span, DiagnosticCode code, string field, string message) =>
        new(span, Severity.Warning, code, field, message);

    /// <summary>Compiler-style text: <c>file:line:column: error CODE: field: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var field = Field.Length > 0 ? $"{Field}: " : string.Empty;
        return $"{Span}: {severity} {Code}: {field}{Message}";
    }
}
