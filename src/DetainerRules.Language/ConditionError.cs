using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Language;

/// <summary>Stops binding one condition at its first error; the binder turns it into a diagnostic.</summary>
internal sealed class ConditionError : Exception
{
    public ConditionError(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    public ConditionError()
        : this(Diagnostic.Error(SourceSpan.None, DiagnosticCodes.Condition, string.Empty, "condition error"))
    {
    }

    public ConditionError(string message)
        : this(Diagnostic.Error(SourceSpan.None, DiagnosticCodes.Condition, string.Empty, message))
    {
    }

    public ConditionError(string message, Exception inner)
        : base(message, inner) => Diagnostic = Diagnostic.Error(SourceSpan.None, DiagnosticCodes.Condition, string.Empty, message);

    public Diagnostic Diagnostic { get; }

    /// <summary>The same problem was already reported from another place (a cycle entered from another of its names): stop, but do not report it again.</summary>
    public bool Repeated { get; private init; }

    public ConditionError AsRepeat() => new(Diagnostic) { Repeated = true };
}
