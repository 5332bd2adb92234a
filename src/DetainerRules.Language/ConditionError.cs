using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Language;

/// <summary>Stops binding one condition at its first error; the binder turns it into a diagnostic.</summary>
internal sealed class ConditionError : Exception
{
    public ConditionError(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    public ConditionError()
        : this(Diagnostic.Error(SourceSpan.None, "DR300", string.Empty, "condition error"))
    {
    }

    public ConditionError(string message)
        : this(Diagnostic.Error(SourceSpan.None, "DR300", string.Empty, message))
    {
    }

    public ConditionError(string message, Exception inner)
        : base(message, inner) => Diagnostic = Diagnostic.Error(SourceSpan.None, "DR300", string.Empty, message);

    public Diagnostic Diagnostic { get; }
}
