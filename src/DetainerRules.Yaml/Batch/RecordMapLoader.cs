using System.Globalization;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads a column map (<see cref="MapFormat"/>); every problem names the map's file, line, column and field.</summary>
public static class RecordMapLoader
{
    private static readonly HashSet<string> TimeColumns = ["booked_at", "detainer_received_at", "release_eligible_at"];

    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static RecordMap LoadFile(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        return Load(InputFile.Read(path, shown), shown);
    }

    /// <exception cref="InvalidInputException">The text has problems; all of them are listed.</exception>
    public static RecordMap Load(string text, string file)
    {
        var (root, _) = DocumentReader.Read(file, text);
        var problems = new List<Diagnostic>();
        var r = new FieldReader(problems);
        var top = r.Mapping(root, MapFormat.Top.Keys);
        if (top is null)
        {
            r.Report(root.Span, root.Path, "expected a map (a mapping with `description` and `columns`)");
            throw new InvalidInputException(problems);
        }

        var description = r.Text(r.Required(top, "description"));
        if (top["source"] is { } source)
        {
            r.Text(source);
        }

        var targets = new List<RecordMap.Target>();
        var columnsNode = r.Required(top, "columns");
        if (r.Mapping(columnsNode, MapFormat.Targets) is { } columns)
        {
            foreach (var (key, node) in columns.Node.Entries)
            {
                if (MapFormat.Targets.Contains(key.Value) && ReadTarget(r, key, node) is { } target)
                {
                    targets.Add(target);
                }
            }

            Whole(r, columns, targets, "charges");
            Whole(r, columns, targets, "convictions");
            foreach (var required in new[] { "booked_at", "charges" })
            {
                if (!targets.Any(t => t.Name == required || t.Name.StartsWith(required + ".", StringComparison.Ordinal)) && problems.Count == 0)
                {
                    r.Report(columns.Node.Span, columns.Node.Path, $"the map gives no `{required}`: every record needs one");
                }
            }
        }

        return problems.Count > 0
            ? throw new InvalidInputException([.. problems.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)])
            : new RecordMap(file, description!, targets);
    }

    /// <summary>An offense list filled whole and by parts would give two answers for one cell.</summary>
    private static void Whole(FieldReader r, MappingView columns, List<RecordMap.Target> targets, string list)
    {
        if (targets.Any(t => t.Name == list) && targets.FirstOrDefault(t => t.Name.StartsWith(list + ".", StringComparison.Ordinal)) is { } part)
        {
            r.Report(part.Span, columns.PathOf(part.Name), $"`{list}` is mapped whole and by parts: map one or the other");
        }
    }

    private static RecordMap.Target? ReadTarget(FieldReader r, YamlScalar key, YamlNode node)
    {
        var before = r.Diagnostics.Count;
        var m = r.Mapping(node, MapFormat.Target.Keys);
        if (m is null)
        {
            r.Report(node.Span, node.Path, "expected where the column comes from: `from: COLUMN` or `value: TEXT`");
            return null;
        }

        var from = m["from"] switch
        {
            null => [],
            YamlSequence list => [.. r.List(list).Select(r.Text).OfType<string>()],
            var one => r.Text(one) is { } name ? [name] : new List<string>(),
        };
        var value = m["value"] is { } v ? r.Scalar(v, "text")?.Value.Trim() : null;
        if ((m["from"] is null) == (m["value"] is null))
        {
            r.Report(key.Span, node.Path, "give either `from` (the data set's column) or `value` (one text for every record)");
        }

        TimeOnly? time = null;
        if (m["time"] is { } t && r.Text(t) is { } timeText)
        {
            if (!TimeColumns.Contains(key.Value))
            {
                r.Report(t.Span, m.PathOf("time"), $"`time` is for a time column ({string.Join(", ", TimeColumns)})");
            }
            else if (TimeOnly.TryParseExact(timeText, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                time = parsed;
            }
            else
            {
                r.Report(t.Span, m.PathOf("time"), $"`{timeText}` is not a time of day: write `HH:MM`, e.g. `12:00`");
            }
        }

        var values = Table(r, m["values"]);
        var prefixes = Table(r, m["prefixes"]);
        var otherwise = m["otherwise"] is { } o ? r.Scalar(o, "text")?.Value.Trim() : null;
        if (m["note"] is { } note)
        {
            r.Text(note);
        }

        if (r.Diagnostics.Count > before)
        {
            return null;
        }

        return new RecordMap.Target(
            key.Value,
            from,
            value,
            time,
            values.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase),
            [.. prefixes.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)],
            otherwise,
            key.Span);
    }

    /// <summary>A table of data-set values and batch texts; a key written twice (without regard to case) is an error, not a silent choice.</summary>
    private static List<KeyValuePair<string, string>> Table(FieldReader r, YamlNode? node)
    {
        var table = new List<KeyValuePair<string, string>>();
        if (node is null)
        {
            return table;
        }

        if (node is not YamlMapping mapping)
        {
            r.Report(node.Span, node.Path, $"expected a table of `data value: batch text`, found {node.Kind}");
            return table;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Entries)
        {
            var text = value is YamlScalar { IsNull: true } ? string.Empty : r.Scalar(value, "text")?.Value.Trim();
            if (!seen.Add(key.Value.Trim()))
            {
                r.Report(key.Span, $"{mapping.Path}.{key.Value}", $"`{key.Value}` is listed twice (case does not count)");
            }
            else if (text is not null)
            {
                table.Add(new(key.Value.Trim(), text));
            }
        }

        return table;
    }
}
