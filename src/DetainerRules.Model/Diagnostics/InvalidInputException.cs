namespace DetainerRules.Model.Diagnostics;

/// <summary>Raised when an input file has problems; carries every problem found, not just the first.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].ToString() : "invalid input") =>
        Diagnostics = diagnostics;

    public InvalidInputException()
        : this([])
    {
    }

    public InvalidInputException(string message)
        : base(message) => Diagnostics = [];

    public InvalidInputException(string message, Exception inner)
        : base(message, inner) => Diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
