namespace DetainerRules.Reports.PolicyTables;

/// <summary>Several <see cref="PolicyTable"/>s as one self-contained HTML page: a row per outcome line and decision, a column per policy.</summary>
/// <remarks>
/// With many policies (<c>--all</c>) the table scrolls sideways inside its box while the row
/// titles stay in view (a sticky first column) and cells wrap, so the page itself never runs
/// off the screen. No scripts, fonts or images from elsewhere: it opens from a file, offline.
/// </remarks>
public static class PolicyTableHtml
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #c8c8cc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; min-width: 7rem; max-width: 16rem; }
        th[scope=row] { position: sticky; left: 0; background: #f4f4f5; }
        thead th small { display: block; font-weight: normal; color: #555; }
        .required { background: #f3b9b4; } .permitted { background: #f6efc6; } .forbidden { background: #cfe3f7; } .unknown, .absent { background: #e4e4e7; }
        """;

    public static void Write(TextWriter w, IReadOnlyList<PolicyTable> tables)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<title>Decisions by policy</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine("<h1>Decisions by policy</h1>");
        foreach (var table in tables)
        {
            Write(w, table);
        }

        w.WriteLine("</body></html>");
    }

    private static void Write(TextWriter w, PolicyTable table)
    {
        w.WriteLine($"<h2>{E(table.Heading)}</h2>");
        w.WriteLine($"<p>{E(table.Scope)}</p>");
        w.WriteLine("<div class=\"scroll\"><table class=\"policies\"><thead><tr><th></th>");
        foreach (var c in table.Columns)
        {
            var under = c.Verdict is { } v ? $"{v.Policy.Id}: {v.Policy.Title.Trim()}" : PolicyTableRow.NotInForce;
            w.WriteLine($"<th scope=\"col\">{E(c.Name)}<small>{E(under)}</small></th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            w.Write($"<tr><th scope=\"row\">{E(row.Title)}</th>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                w.Write($"<td class=\"{Shade(table.Columns[i], row)}\">{E(row.Cells[i])}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table></div>");
        var absent = table.Columns.Where(c => c.NotInForce is not null).ToList();
        if (absent.Count > 0)
        {
            w.WriteLine("<ul>");
            foreach (var c in absent)
            {
                w.WriteLine($"<li>{E(c.Name)}: {E(c.NotInForce!)}</li>");
            }

            w.WriteLine("</ul>");
        }
    }

    /// <summary>A decision cell's class is its value word, from the vocabulary (never from a file); other rows are not shaded.</summary>
    private static string Shade(PolicyColumn column, PolicyTableRow row)
    {
        if (column.Verdict is not { } verdict)
        {
            return "absent";
        }

        return row.Decision is { } kind ? Model.Vocabulary.Word(verdict[kind].Value) : "line";
    }

    /// <summary>Untrusted text as HTML (<see cref="HtmlText.Encode"/>).</summary>
    private static string E(string text) => HtmlText.Encode(text);
}
