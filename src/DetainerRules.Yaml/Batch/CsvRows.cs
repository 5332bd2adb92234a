using System.Text;

namespace DetainerRules.Yaml.Batch;

/// <summary>Splits CSV text into rows of cells (RFC 4180: commas, double quotes, quotes doubled inside quotes, line breaks inside quotes).</summary>
internal static class CsvRows
{
    /// <summary>A row: the line it starts on, and each cell's text with the column it starts at.</summary>
    public sealed record Row(long Line, IReadOnlyList<(string Text, long Column)> Cells);

    public static IEnumerable<Row> Read(TextReader reader)
    {
        var line = 0L;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = new List<(string, long)>();
            var cell = new StringBuilder();
            var cellStart = 1L;
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (quoted && reader.ReadLine() is { } next)
                    {
                        // A line break inside quotes belongs to the cell.
                        line++;
                        cell.Append('\n');
                        text = next;
                        i = 0;
                        continue;
                    }

                    cells.Add((cell.ToString(), cellStart));
                    break;
                }

                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        cell.Append(c);
                    }
                }
                else if (c == '"' && cell.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    cells.Add((cell.ToString(), cellStart));
                    cell.Clear();
                    cellStart = i + 2;
                }
                else
                {
                    cell.Append(c);
                }

                i++;
            }

            yield return new Row(start, cells);
        }
    }
}
