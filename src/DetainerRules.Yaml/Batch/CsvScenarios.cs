using System.Text;
using System.Text.Json;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads scenarios from CSV, one row each, with the column layout README documents.</summary>
/// <remarks>
/// Each row is turned into the scenario format and read by <see cref="ScenarioLoader"/>, so a CSV
/// row is checked exactly as a scenario file is; problems point at the row's line and the column
/// of the field they concern. Lists inside a cell: items separated by <c>;</c>, an item's parts by
/// <c>|</c>.
/// </remarks>
public static class CsvScenarios
{
    /// <summary>The columns, in the order <see cref="Header"/> writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "booked_at", "foreign_born", "citizenship", "registered_sex_offender", "on_terrorist_watchlist", "lawful_status_proof",
        "charges", "convictions", "detainer_form", "detainer_warrant", "detainer_received_at", "release_eligible_at", "ice_present_at_release", "requests",
    ];

    public static string Header => string.Join(",", Columns);

    private static readonly string[] Required = ["booked_at", "charges"];

    /// <exception cref="InvalidInputException">The header names an unknown column, repeats one, or lacks a required one.</exception>
    public static IEnumerable<Func<ScenarioRecord>> Read(TextReader reader, string file)
    {
        using var rows = CsvRows.Read(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, 1, 1), "DR102", "header", $"empty CSV: expected a header row with {string.Join(", ", Columns)}")]);
        }

        var header = rows.Current;
        var problems = new List<Diagnostic>();
        foreach (var (name, column) in header.Cells)
        {
            if (!Columns.Contains(name))
            {
                problems.Add(Diagnostic.Error(new SourceSpan(file, header.Line, column), "DR102", name, $"unknown column `{name}`{Suggestion.Hint(name, Columns)}; expected {string.Join(", ", Columns)}"));
            }
        }

        foreach (var dup in header.Cells.GroupBy(c => c.Text).Where(g => g.Count() > 1))
        {
            problems.Add(Diagnostic.Error(new SourceSpan(file, header.Line, dup.Skip(1).First().Column), "DR102", dup.Key, $"column `{dup.Key}` appears twice"));
        }

        foreach (var missing in Required.Where(r => header.Cells.All(c => c.Text != r)))
        {
            problems.Add(Diagnostic.Error(new SourceSpan(file, header.Line, 1), "DR102", missing, $"required column `{missing}` is missing"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var names = header.Cells.Select(c => c.Text).ToList();
        var number = 0L;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var n = ++number;
            yield return () => Row(file, names, row, n);
        }
    }

    private static ScenarioRecord Row(string file, List<string> names, CsvRows.Row row, long number)
    {
        if (row.Cells.Count != names.Count)
        {
            return new ScenarioRecord(number, $"{file}:{row.Line}", null,
                [Diagnostic.Error(new SourceSpan(file, row.Line, 1), "DR102", string.Empty, $"expected {names.Count} cells as in the header, found {row.Cells.Count}")]);
        }

        var cells = names.Zip(row.Cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var json = ToJson(cells.ToDictionary(c => c.Key, c => c.Value.Text, StringComparer.Ordinal));
        return ScenarioRecords.Read(number, file, row.Line, json, $"row-{number}", _ => 1, d =>
        {
            var column = ColumnOf(d.Field);
            return d with { Field = column + (d.Field.Length > 0 ? $" ({d.Field})" : string.Empty), Span = d.Span with { Column = cells.TryGetValue(column, out var c) ? c.Column : 1 } };
        });
    }

    /// <summary>The column a scenario field comes from.</summary>
    private static string ColumnOf(string path)
    {
        var head = path.Split('.', '[')[0];
        return head switch
        {
            "person" => path.Split('.').ElementAtOrDefault(1) ?? "foreign_born",
            "detainer" => path.Contains('.') ? "detainer_" + path.Split('.')[1] : "detainer_form",
            "custody" => "release_eligible_at",
            "ice" => "ice_present_at_release",
            _ => head,
        };
    }

    private static string ToJson(IReadOnlyDictionary<string, string> cells)
    {
        string Cell(string name) => cells.GetValueOrDefault(name, string.Empty).Trim();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            Text(w, "id", Cell("id"));
            Text(w, "booked_at", Cell("booked_at"));
            w.WriteStartObject("person");
            if (Cell("foreign_born").Length > 0)
            {
                Flag(w, "foreign_born", Cell("foreign_born"));
            }

            Text(w, "citizenship", Cell("citizenship"));
            foreach (var flag in new[] { "registered_sex_offender", "on_terrorist_watchlist", "lawful_status_proof" })
            {
                Flag(w, flag, Cell(flag));
            }

            w.WriteEndObject();
            w.WriteStartArray("charges");
            foreach (var item in Items(Cell("charges")))
            {
                Offense(w, item, ["level", "category", "offense", "statute"]);
            }

            w.WriteEndArray();
            w.WriteStartArray("convictions");
            foreach (var item in Items(Cell("convictions")))
            {
                Offense(w, item, ["level", "category", "convicted_on", "released_on", "offense", "statute"]);
            }

            w.WriteEndArray();
            if (Cell("detainer_form").Length > 0 || Cell("detainer_warrant").Length > 0)
            {
                w.WriteStartObject("detainer");
                Text(w, "form", Cell("detainer_form"));
                Text(w, "warrant", Cell("detainer_warrant"));
                Text(w, "received_at", Cell("detainer_received_at"));
                w.WriteEndObject();
            }

            w.WriteStartObject("custody");
            Text(w, "release_eligible_at", Cell("release_eligible_at"));
            w.WriteEndObject();
            w.WriteStartObject("ice");
            Flag(w, "present_at_release", Cell("ice_present_at_release"));
            w.WriteEndObject();
            w.WriteStartArray("requests");
            foreach (var request in Items(Cell("requests")))
            {
                w.WriteStringValue(request);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An offense from <c>level|category|...</c>; without its wording, the category stands for it.</summary>
    private static void Offense(Utf8JsonWriter w, string item, string[] parts)
    {
        var values = item.Split('|').Select(v => v.Trim()).ToList();
        w.WriteStartObject();
        for (var i = 0; i < parts.Length && i < values.Count; i++)
        {
            Text(w, parts[i], values[i]);
        }

        if (parts.Contains("offense") && (values.Count <= Array.IndexOf(parts, "offense") || values[Array.IndexOf(parts, "offense")].Length == 0))
        {
            w.WriteString("offense", values.ElementAtOrDefault(1)?.Replace('_', ' ') ?? string.Empty);
        }

        w.WriteEndObject();
    }

    private static string[] Items(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Text(Utf8JsonWriter w, string name, string value)
    {
        if (value.Length > 0)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary><c>true</c> and <c>false</c> become flags; anything else stays text, for the loader to refuse with its message.</summary>
    private static void Flag(Utf8JsonWriter w, string name, string value)
    {
        switch (value)
        {
            case "":
                return;
            case "true":
                w.WriteBoolean(name, true);
                return;
            case "false":
                w.WriteBoolean(name, false);
                return;
            default:
                w.WriteString(name, value);
                return;
        }
    }
}
