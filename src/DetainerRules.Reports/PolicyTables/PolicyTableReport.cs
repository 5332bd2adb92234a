namespace DetainerRules.Reports.PolicyTables;

/// <summary>Writes the tables of one scenario under several policies in the format asked for.</summary>
public static class PolicyTableReport
{
    public static void Write(TextWriter w, IReadOnlyList<PolicyTable> tables, ReportFormat format)
    {
        switch (format)
        {
            case ReportFormat.Text:
                for (var i = 0; i < tables.Count; i++)
                {
                    if (i > 0)
                    {
                        w.WriteLine(new string('-', 72));
                    }

                    PolicyTableText.Write(w, tables[i]);
                }

                break;
            case ReportFormat.Json:
                foreach (var table in tables)
                {
                    w.WriteLine(PolicyTableJson.ToJson(table));
                }

                break;
            case ReportFormat.Markdown:
                w.WriteLine("# Decisions by policy");
                foreach (var table in tables)
                {
                    w.WriteLine();
                    PolicyTableMarkdown.Write(w, table);
                }

                break;
            case ReportFormat.Html:
                PolicyTableHtml.Write(w, tables);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format");
        }
    }
}
