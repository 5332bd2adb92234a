namespace DetainerRules.Reports;

/// <summary>Plain-text tables with padded columns, for terminal output.</summary>
internal static class TextTable
{
    /// <param name="rightAlign">Right-align every column but the first (numbers), rather than left-align all.</param>
    public static void Write(TextWriter w, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, string indent = "", bool rightAlign = false)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            indent + string.Join("  ", cells.Select((c, i) => rightAlign && i > 0 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        w.WriteLine(Line(header));
        foreach (var row in rows)
        {
            w.WriteLine(Line(row));
        }
    }
}
