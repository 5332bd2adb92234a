using System.Buffers;
using System.Globalization;
using System.Text;
using DetainerRules.Analysis.Batch;

namespace DetainerRules.Reports;

/// <summary>Batch results as CSV: the header, and each record as one row in UTF-8, its cells quoted when they must be and never read as a formula.</summary>
internal static class BatchCsv
{
    /// <summary>Rows longer than this (a record whose error echoes a huge value) get a buffer of their own, not kept by the thread.</summary>
    private const int KeptBuffer = 256 * 1024;

    private static readonly SearchValues<char> Quoted = SearchValues.Create(",\"\n\r");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _spare;

    [ThreadStatic]
    private static string?[]? _cells;

    public static string Header(IReadOnlyList<string> policies) => string.Join(",", BatchColumns.All(policies).Select(Cell));

    /// <summary>The record's row and its <c>\n</c>; safe to call from many threads at once.</summary>
    public static byte[] Row(BatchResult result, int policyCount)
    {
        var row = _spare ?? new ArrayBufferWriter<byte>(1024);
        var cells = _cells ??= new string?[BatchColumns.Policy.Count];
        _spare = null;
        try
        {
            Append(row, result.Record.Number.ToString(CultureInfo.InvariantCulture));
            Append(row, result.Record.Source, comma: true);
            Append(row, result.Record.Id, comma: true);
            Append(row, BatchColumns.Error(result), comma: true);
            for (var p = 0; p < policyCount; p++)
            {
                if (result.Answers is { } answers)
                {
                    BatchColumns.Values(answers[p], cells);
                }
                else
                {
                    Array.Clear(cells);
                }

                foreach (var cell in cells)
                {
                    Append(row, cell, comma: true);
                }
            }

            row.Write("\n"u8);
            return row.WrittenSpan.ToArray();
        }
        finally
        {
            row.ResetWrittenCount();
            _spare = row.Capacity <= KeptBuffer ? row : null;
        }
    }

    /// <summary>A CSV cell as text: quoted when it must be, and never read as a formula (see <see cref="NeedsFormulaGuard"/>).</summary>
    private static string Cell(string text)
    {
        var safe = NeedsFormulaGuard(text) ? "'" + text : text;
        return text.AsSpan().ContainsAny(Quoted) ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>Writes <see cref="Cell"/> of the text (empty for null) as UTF-8, without making the cell's text first.</summary>
    private static void Append(ArrayBufferWriter<byte> row, string? text, bool comma = false)
    {
        if (comma)
        {
            row.Write(","u8);
        }

        var value = (text ?? string.Empty).AsSpan();
        var quoted = value.ContainsAny(Quoted);
        if (quoted)
        {
            row.Write("\""u8);
        }

        if (NeedsFormulaGuard(value))
        {
            row.Write("'"u8);
        }

        if (!quoted)
        {
            Encoding.UTF8.GetBytes(value, row);
            return;
        }

        // Split only at quotes, which are never half of a surrogate pair, so the bytes are those of the whole text.
        for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"'))
        {
            Encoding.UTF8.GetBytes(value[..quote], row);
            row.Write("\"\""u8);
            value = value[(quote + 1)..];
        }

        Encoding.UTF8.GetBytes(value, row);
        row.Write("\""u8);
    }

    /// <summary>A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>.</summary>
    /// <remarks>
    /// Spreadsheets run such a cell as a formula (<c>=HYPERLINK(...)</c> in a record id or in an
    /// error that echoes a value); the quote makes them show it as text, as OWASP's advice on CSV
    /// injection has it. None of the tool's own values starts with these characters.
    /// </remarks>
    private static bool NeedsFormulaGuard(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
