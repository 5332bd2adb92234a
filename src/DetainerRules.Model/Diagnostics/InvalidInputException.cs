using System.Collections;

namespace DetainerRules.Model.Diagnostics;

/// <summary>Raised when an input file has problems; carries every problem found, not just the first.</summary>
/// <remarks>
/// The message is every diagnostic, one a line, compiler style, so a test runner or a log that
/// shows only the message (or lists the exception's properties) shows the problems themselves.
/// </remarks>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? string.Join("\n", diagnostics) : "invalid input") =>
        Diagnostics = new DiagnosticList([.. diagnostics]);

    public InvalidInputException()
        : this([])
    {
    }

    public InvalidInputException(string message)
        : base(message) => Diagnostics = new DiagnosticList([]);

    public InvalidInputException(string message, Exception inner)
        : base(message, inner) => Diagnostics = new DiagnosticList([]);

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The diagnostics, read-only, saying in their own words what they are when printed (NUnit prints an exception's properties).</summary>
    private sealed class DiagnosticList(Diagnostic[] items) : IReadOnlyList<Diagnostic>
    {
        public int Count => items.Length;

        public Diagnostic this[int index] => items[index];

        public IEnumerator<Diagnostic> GetEnumerator() => ((IEnumerable<Diagnostic>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => items.Length switch
        {
            0 => "none",
            1 => "1 problem, given in the message",
            _ => $"{items.Length} problems, one a line in the message",
        };
    }
}
