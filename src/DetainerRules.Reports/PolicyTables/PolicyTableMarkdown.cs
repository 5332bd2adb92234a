namespace DetainerRules.Reports.PolicyTables;

/// <summary>A <see cref="PolicyTable"/> in Markdown: a row per outcome line and decision, a column per policy, then the policies' titles.</summary>
public static class PolicyTableMarkdown
{
    public static void Write(TextWriter w, PolicyTable table)
    {
        w.WriteLine($"## {MarkdownText.Text(table.Heading)}");
        w.WriteLine();
        w.WriteLine(MarkdownText.Text(table.Scope));
        w.WriteLine();
        w.WriteLine("| | " + string.Join(" | ", table.Columns.Select(c => MarkdownText.Cell(MarkdownText.Code(c.Label)))) + " |");
        w.WriteLine("|---|" + string.Concat(table.Columns.Select(_ => "---|")));
        foreach (var row in table.Rows)
        {
            w.WriteLine($"| {MarkdownText.Cell(MarkdownText.Text(row.Title))} | " + string.Join(" | ", row.Cells.Select(c => MarkdownText.Cell(MarkdownText.Text(c)))) + " |");
        }

        w.WriteLine();
        foreach (var note in table.Notes())
        {
            w.WriteLine($"- {MarkdownText.Text(note)}");
        }
    }
}
