namespace DetainerRules.Model.Diagnostics;

/// <summary>A problem found in an input file, with where it is and which field it concerns.</summary>
/// <param name="Field">The path of the field, e.g. <c>charges[1].level</c>; empty for the whole document.</param>
public sealed record Diagnostic(SourceSpan Span, Severity Severity, string Code, string Field, string Message)
{
    public static Diagnostic Error(SourceSpan span, string code, string field, string message) =>
        new(span, Severity.Error, code, field, message);

    public static Diagnostic Warning(SourceSpan span, string code, string field, string message) =>
        new(span, Severity.Warning, code, field, message);

    /// <summary>Compiler-style text: <c>file:line:column: error CODE: field: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var field = Field.Length > 0 ? $"{Field}: " : string.Empty;
        return $"{Span}: {severity} {Code}: {field}{Message}";
    }
}
