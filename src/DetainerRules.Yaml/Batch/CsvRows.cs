using System.Globalization;
using System.Text;

namespace DetainerRules.Yaml.Batch;

/// <summary>Splits CSV text into rows of cells (RFC 4180: commas, double quotes, quotes doubled inside quotes, line breaks inside quotes).</summary>
/// <remarks>
/// A quote that does not close must not swallow the rest of the file. A row whose quoted cell runs
/// onto the next lines is taken only when it closes cleanly (a comma or the end of a line after the
/// closing quote), within the record limit, and, once the header is known, with as many cells as
/// the header; otherwise the row is only its first line, reported as an unterminated quote, and
/// reading resumes at the next line, so every other row is read as if the quote were not there.
/// The lines looked ahead are kept (at most the record limit) to be read again.
/// </remarks>
internal sealed class CsvRows(BoundedLines lines)
{
    private readonly LinkedList<BoundedLines.Line> _again = new();

    /// <summary>A row: the line it starts on, each cell's text with the line and column it starts at, and what is wrong with it, if anything.</summary>
    /// <param name="Cells">With a problem: the cells read before it.</param>
    public sealed record Row(long Line, IReadOnlyList<Cell> Cells, RowProblem? Problem, long Length);

    /// <summary>A cell's text and where it starts (a cell after a line break inside quotes starts on a later line than its row).</summary>
    public readonly record struct Cell(string Text, long Line, long Column);

    /// <summary>Why a line is not a row: the column where it goes wrong, the cell it is in (from 0; -1 for the whole line), and the message (what the reader then does is the caller's to say).</summary>
    /// <param name="Code">DR100 for a line past the record limit, DR101 for CSV syntax.</param>
    public sealed record RowProblem(long Column, int Cell, string Message, string Code = "DR101");

    /// <summary>How many cells a row must have to span lines; null while the header is read.</summary>
    public int? ExpectedCells { get; set; }

    /// <returns>False at the end of the input. Lines of only white space are not rows.</returns>
    public bool Next(out Row row)
    {
        while (Take(out var first))
        {
            if (first.Text is null)
            {
                row = new Row(first.Number, [], new RowProblem(1, -1, $"the line is {Count(first.Length)} characters long; the limit for one record is {Count(lines.MaxLength)}", "DR100"), 0);
                return true;
            }

            if (string.IsNullOrWhiteSpace(first.Text))
            {
                continue;
            }

            row = Read(first);
            return true;
        }

        row = null!;
        return false;
    }

    private Row Read(BoundedLines.Line first)
    {
        var parse = new RowParser(first.Number);
        var state = parse.Line(first.Text!);
        if (state != RowParser.State.Open)
        {
            return new Row(first.Number, parse.Cells, parse.Problem, first.Text!.Length);
        }

        // A quoted cell runs past the end of the line: look ahead for where it closes.
        var ahead = new List<BoundedLines.Line>();
        var length = (long)first.Text!.Length;
        while (state == RowParser.State.Open && Take(out var next))
        {
            ahead.Add(next);
            length += (next.Text?.Length ?? next.Length) + 1;
            if (next.Text is null || length > lines.MaxLength)
            {
                break;
            }

            state = parse.Line(next.Text, continued: true);
        }

        if (state == RowParser.State.Complete && (ExpectedCells is not { } expected || parse.Cells.Count == expected))
        {
            return new Row(first.Number, parse.Cells, null, length);
        }

        // Not a row that spans lines: give the lines looked ahead back, and report the first line alone.
        for (var i = ahead.Count - 1; i >= 0; i--)
        {
            _again.AddFirst(ahead[i]);
        }

        var alone = new RowParser(first.Number);
        alone.Line(first.Text);
        return new Row(first.Number, alone.CellsBeforeOpenQuote, new RowProblem(alone.OpenQuoteColumn, alone.CellsBeforeOpenQuote.Count,
            $"unterminated quote: the quote at column {alone.OpenQuoteColumn} opens a cell that does not close"), first.Text.Length);
    }

    private bool Take(out BoundedLines.Line line)
    {
        if (_again.First is { } again)
        {
            line = again.Value;
            _again.RemoveFirst();
            return true;
        }

        return lines.Next(out line);
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The cells of a row, a line at a time, remembering whether a quoted cell is still open at the end of a line.</summary>
    private sealed class RowParser(long line)
    {
        private readonly List<Cell> _cells = [];
        private readonly StringBuilder _cell = new();
        private long _line = line;
        private long _cellLine = line;
        private long _cellStart = 1;
        private bool _quoted;
        private bool _closed;

        public enum State
        {
            Complete,
            Open,
            Broken,
        }

        public List<Cell> Cells => _cells;

        public RowProblem? Problem { get; private set; }

        public long OpenQuoteColumn { get; private set; }

        public IReadOnlyList<Cell> CellsBeforeOpenQuote { get; private set; } = [];

        public State Line(string text, bool continued = false)
        {
            if (continued)
            {
                _line++;
                _cell.Append('\n');
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (_quoted)
                {
                    if (c != '"')
                    {
                        _cell.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        _cell.Append('"');
                        i++;
                    }
                    else
                    {
                        _quoted = false;
                        _closed = true;
                    }
                }
                else if (c == ',')
                {
                    EndCell(i + 2);
                }
                else if (_closed)
                {
                    Problem = new RowProblem(i + 1, _cells.Count, $"text after the closing quote of a cell, at column {i + 1}; a quote inside a quoted cell is written twice (\"\")");
                    return State.Broken;
                }
                else if (c == '"' && _cell.Length == 0)
                {
                    _quoted = true;
                    OpenQuoteColumn = i + 1;
                    CellsBeforeOpenQuote = [.. _cells];
                }
                else
                {
                    _cell.Append(c);
                }
            }

            if (_quoted)
            {
                return State.Open;
            }

            EndCell(0);
            return State.Complete;
        }

        private void EndCell(long nextStart)
        {
            _cells.Add(new Cell(_cell.ToString(), _cellLine, _cellStart));
            _cell.Clear();
            _cellLine = _line;
            _cellStart = nextStart;
            _closed = false;
        }
    }
}
