namespace DetainerRules.Reports;

/// <summary>Plain-text tables with padded columns, for terminal output.</summary>
internal static class TextTable
{
    /// <param name="rightAlign">Right-align every column but the first (numbers), rather than left-align all.</param>
    public static void Write(TextWriter w, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, string indent = "", bool rightAlign = false)
    {
        // Cells are escaped before they are measured, so a control character in a value cannot skew the columns.
        var cells = rows.Select(r => r.Select(c => TerminalText.Escape(c)).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> line) =>
            indent + string.Join("  ", line.Select((c, i) => rightAlign && i > 0 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        w.WriteLine(Line(header));
        foreach (var row in cells)
        {
            w.WriteLine(Line(row));
        }
    }
}
