using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml.Batch;

/// <summary>A data set's own layout mapped onto the batch CSV columns (<c>batch --map</c>), as <see cref="RecordMapLoader"/> read it.</summary>
/// <param name="File">How messages name the map file.</param>
public sealed record RecordMap(string File, string Description, IReadOnlyList<RecordMap.Target> Targets)
{
    /// <summary>One batch column (or charge or conviction part) and where its text comes from.</summary>
    /// <param name="From">The data set's column names, first present wins; empty for a constant.</param>
    /// <param name="Value">The constant text, when <paramref name="From"/> is empty.</param>
    /// <param name="Time">For a time column: the time of day a date alone is read at.</param>
    /// <param name="Values">Exact values (keys compared without regard to case) and the text each stands for.</param>
    /// <param name="Prefixes">Codes by their leading characters, longest first.</param>
    /// <param name="Span">Where the map names this target, for errors about it.</param>
    public sealed record Target(
        string Name,
        IReadOnlyList<string> From,
        string? Value,
        TimeOnly? Time,
        IReadOnlyDictionary<string, string> Values,
        IReadOnlyList<KeyValuePair<string, string>> Prefixes,
        string? Otherwise,
        SourceSpan Span)
    {
        /// <summary>The batch text for a cell of the data set; null with <paramref name="problem"/> when the map has no text for it.</summary>
        public string? Translate(string cell, out string? problem)
        {
            problem = null;
            var value = cell.Trim();
            if (value.Length == 0 || (Values.Count == 0 && Prefixes.Count == 0))
            {
                return value;
            }

            if (Values.TryGetValue(value, out var exact))
            {
                return exact;
            }

            foreach (var (prefix, text) in Prefixes)
            {
                if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return text;
                }
            }

            if (Otherwise is { } otherwise)
            {
                return otherwise;
            }

            problem = $"`{CsvScenarios.Shown(value)}` is not in the map's table for `{Name}` ({Span.File}:{Span.Line}:{Span.Column}); add it there, or an `otherwise`";
            return null;
        }
    }

    /// <summary>The map applied to a header: each target with the cell it reads (-1 for a constant).</summary>
    /// <exception cref="InvalidInputException">A target names no column the header has.</exception>
    internal IReadOnlyList<(Target Target, int Cell, string Column)> Bind(CsvRows.Row header, string dataFile)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            columns.TryAdd(MapFormat.ColumnKey(header.Cells[i].Text), i);
        }

        var bound = new List<(Target, int, string)>();
        var problems = new List<Diagnostic>();
        foreach (var target in Targets)
        {
            if (target.From.Count == 0)
            {
                bound.Add((target, -1, "map"));
                continue;
            }

            var found = target.From.Select(f => columns.TryGetValue(MapFormat.ColumnKey(f), out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (found < 0)
            {
                problems.Add(Diagnostic.Error(target.Span, DiagnosticCodes.Field, $"columns.{target.Name}.from",
                    $"the header of {dataFile} has no column {string.Join(" or ", target.From.Select(f => $"`{f}`"))}"));
                continue;
            }

            bound.Add((target, found, header.Cells[found].Text.Trim()));
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : bound;
    }
}
