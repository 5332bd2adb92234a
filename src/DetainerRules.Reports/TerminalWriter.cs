using System.Text;

namespace DetainerRules.Reports;

/// <summary>A writer in front of the terminal (standard output or error) that lets no file's text act on it.</summary>
/// <remarks>
/// <para>
/// One place for the rule that text from policy and scenario files is untrusted: every report
/// and diagnostic reaches the terminal through one of these, so no value, however it got into a
/// report, can carry an escape sequence or a bidi control through (see <see cref="TerminalText"/>).
/// </para>
/// <para>
/// <see cref="Lines"/> is for text written line by line (reports, lists, diagnostics): a line
/// ends only where the program calls <c>WriteLine</c>, and a line break inside a value is shown as
/// <c>\n</c>, so a scenario file named <c>x\nOutcome: ...</c> cannot forge a line of the report.
/// <see cref="Document"/> is for formats that escape their own text and place their own line
/// breaks (JSON, Markdown, HTML, DOT, help): line breaks and tabs pass, other controls do not.
/// </para>
/// </remarks>
public sealed class TerminalWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly bool _keepLineBreaks;

    private TerminalWriter(TextWriter inner, bool keepLineBreaks)
    {
        _inner = inner;
        _keepLineBreaks = keepLineBreaks;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary>Text written line by line: only <c>WriteLine</c> ends a line.</summary>
    public static TerminalWriter Lines(TextWriter inner) => new(inner, keepLineBreaks: false);

    /// <summary>A document whose format escapes its own text: its line breaks pass.</summary>
    public static TerminalWriter Document(TextWriter inner) => new(inner, keepLineBreaks: true);

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _inner.Write(TerminalText.Escape(value, _keepLineBreaks));
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        // The base class ends every other WriteLine overload by writing this very array.
        if (ReferenceEquals(buffer, CoreNewLine) && index == 0 && count == buffer.Length)
        {
            _inner.WriteLine();
            return;
        }

        Write(new string(buffer, index, count));
    }

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine() => _inner.WriteLine();

    public override void WriteLine(string? value)
    {
        Write(value);
        _inner.WriteLine();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Write(buffer);
        _inner.WriteLine();
    }

    /// <summary>Returns to the start of the line, writes <paramref name="line"/> over it and clears what a longer line left, for a progress bar; only for a writer known to be a terminal.</summary>
    /// <remarks>The two controls are the program's own; the line's text is escaped like any other.</remarks>
    public void Overwrite(string line)
    {
        _inner.Write('\r');
        Write(line);
        _inner.Write(EraseToEndOfLine);
    }

    /// <summary>ANSI "erase in line", from the cursor to the end.</summary>
    public const string EraseToEndOfLine = "\u001b[K";

    public override void Flush() => _inner.Flush();

    /// <remarks>The inner writer belongs to whoever made it; it is flushed, not closed.</remarks>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Flush();
        }

        base.Dispose(disposing);
    }
}
