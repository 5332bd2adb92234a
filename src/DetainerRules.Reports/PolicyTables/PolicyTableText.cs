namespace DetainerRules.Reports.PolicyTables;

/// <summary>A <see cref="PolicyTable"/> for the terminal, transposed: a row per policy.</summary>
/// <remarks>
/// A column per policy runs off any terminal past three or four policies, and <c>--all</c> asks
/// for about fifty; a row per policy keeps the width fixed whatever the count, and lets a reader
/// <c>grep</c> one policy's line. The width is still more than eleven columns fit, so the rows
/// are split in two tables, each with the policy first: what happens to the person (outcome, the
/// hold's end, the limit), then the eight decisions under short headings.
/// </remarks>
public static class PolicyTableText
{
    private const int OutcomeRows = 3;

    public static void Write(TextWriter w, PolicyTable table)
    {
        w.WriteLine(TerminalText.Escape(table.Heading));
        w.WriteLine("  " + TerminalText.Escape(table.Scope));
        w.WriteLine();
        Write(w, table, table.Rows.Take(OutcomeRows).ToList());
        w.WriteLine();
        Write(w, table, table.Rows.Skip(OutcomeRows).ToList());
        w.WriteLine();
        w.WriteLine("Policies:");
        foreach (var note in table.Notes())
        {
            w.WriteLine("  " + TerminalText.Escape(note));
        }
    }

    private static void Write(TextWriter w, PolicyTable table, IReadOnlyList<PolicyTableRow> rows)
    {
        string[] header = ["policy", .. rows.Select(r => r.Short)];
        // A policy with no version in force says so once, at the start of its line, not in every cell.
        var lines = table.Columns.Select((c, i) => c.Verdict is null
            ? (string[])[c.Label, PolicyTableRow.NotInForce, .. rows.Skip(1).Select(_ => string.Empty)]
            : [c.Label, .. rows.Select(r => r.Cells[i])]).ToList();
        TextTable.Write(w, header, lines);
    }
}
