using System.Buffers;
using System.Text.Json;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads scenarios from CSV, one row each, with the column layout README documents.</summary>
/// <remarks>
/// Each row is turned into the scenario format and read by <see cref="ScenarioLoader"/>, so a CSV
/// row is checked exactly as a scenario file is; problems point at the row's line and the column
/// of the field they concern. Lists inside a cell: items separated by <c>;</c>, an item's parts by
/// <c>|</c>, with <c>\;</c>, <c>\|</c> and <c>\\</c> for those characters inside a part
/// (<see cref="ItemText"/>). With a map (<see cref="RecordMap"/>) the row is first put into this
/// layout, and problems name the data set's own column.
/// </remarks>
public static class CsvScenarios
{
    /// <summary>The columns, in the order <see cref="Header"/> writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "booked_at", "foreign_born", "citizenship", "registered_sex_offender", "on_terrorist_watchlist", "lawful_status_proof",
        "charges", "convictions", "detainer_form", "detainer_warrant", "detainer_warrant_court", "detainer_warrant_offense", "detainer_received_at", "release_eligible_at", "ice_present_at_release", "requests",
    ];

    public static string Header => string.Join(",", Columns);

    private static readonly string[] Required = ["booked_at", "charges"];

    /// <summary>The cells that make a detainer when any of them says something (its received time alone does not).</summary>
    private static readonly string[] DetainerCells = ["detainer_form", "detainer_warrant", "detainer_warrant_court", "detainer_warrant_offense"];

    private static readonly string[] ChargeItem = ["level", "category", "offense", "statute"];
    private static readonly string[] ConvictionItem = ["level", "category", "convicted_on", "released_on", "offense", "statute"];

    /// <summary>The parts of a <c>charges</c> item, in order; each offense field's part is the column the field table gives it.</summary>
    public static IReadOnlyList<string> ChargeParts => ChargeItem;

    /// <summary>The parts of a <c>convictions</c> item, in order.</summary>
    public static IReadOnlyList<string> ConvictionParts => ConvictionItem;

    /// <summary>Header names and vocabulary words are read without regard to case (<c>Booked_At</c>, <c>TRUE</c>, <c>Felony</c>).</summary>
    /// <exception cref="InvalidInputException">The header names an unknown column, repeats one, lacks a required one, or is not a well-formed row; or a map names a column the header lacks.</exception>
    /// <param name="cancel">Checked as the input is read, also within a long line.</param>
    public static IEnumerable<PendingRecord> Read(TextReader reader, string file, CancellationToken cancel = default) => Read(reader, file, CsvReading.Plain, cancel);

    /// <inheritdoc cref="Read(TextReader, string, CancellationToken)"/>
    /// <param name="reading">The zone for times without an offset, and a map from the data set's own layout.</param>
    public static IEnumerable<PendingRecord> Read(TextReader reader, string file, CsvReading reading, CancellationToken cancel = default)
    {
        var rows = new CsvRows(new BoundedLines(reader, InputLimits.MaxFileLength, cancel));
        if (!rows.Next(out var header))
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, 1, 1), DiagnosticCodes.Field, "header",
                reading.Map is null ? $"empty CSV: expected a header row with {string.Join(", ", Columns)}" : "empty CSV: expected a header row naming the data set's columns")]);
        }

        var layout = reading.Map is { } map ? CsvLayout.Mapped(map, HeaderRow(file, header), file) : CsvLayout.Plain(HeaderNames(file, header));
        rows.ExpectedCells = layout.Names.Count;
        var number = 0L;
        while (rows.Next(out var row))
        {
            var n = ++number;
            yield return new PendingRecord(row.Length, () => Row(file, layout, reading.Zone, row, n));
        }
    }

    private static CsvRows.Row HeaderRow(string file, CsvRows.Row header) =>
        header.Problem is { } broken
            ? throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, header.Line, broken.Column), broken.Code, "header", broken.Message)])
            : header;

    /// <summary>The header's column names, trimmed and in lower case.</summary>
    private static List<string> HeaderNames(string file, CsvRows.Row header)
    {
        HeaderRow(file, header);
        var names = header.Cells.Select(c => c.Text.Trim().ToLowerInvariant()).ToList();
        var problems = new List<Diagnostic>();
        foreach (var ((name, line, column), key) in header.Cells.Zip(names))
        {
            if (!Columns.Contains(key))
            {
                problems.Add(Diagnostic.Error(new SourceSpan(file, line, column), DiagnosticCodes.Field, Shown(name), $"unknown column `{Shown(name)}`{Suggestion.Hint(key, Columns)}; expected {string.Join(", ", Columns)} (or give `--map` for a data set's own layout)"));
            }
        }

        foreach (var dup in header.Cells.Zip(names).GroupBy(c => c.Second).Where(g => g.Count() > 1))
        {
            var second = dup.Skip(1).First().First;
            problems.Add(Diagnostic.Error(new SourceSpan(file, second.Line, second.Column), DiagnosticCodes.Field, Shown(second.Text), $"column `{Shown(dup.Key)}` appears twice (case does not count)"));
        }

        foreach (var missing in Required.Where(r => !names.Contains(r)))
        {
            problems.Add(Diagnostic.Error(new SourceSpan(file, header.Line, 1), DiagnosticCodes.Field, missing, $"required column `{missing}` is missing"));
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : names;
    }

    private static ScenarioRecord Row(string file, CsvLayout layout, Model.Time.JurisdictionTime? zone, CsvRows.Row row, long number)
    {
        var source = $"{file}:{row.Line}";
        var names = layout.Names;
        if (row.Problem is { } broken)
        {
            // The id survives when its cell was read before the problem.
            var field = broken.Cell >= 0 && broken.Cell < names.Count ? names[broken.Cell] : string.Empty;
            return new ScenarioRecord(number, source, null, [Diagnostic.Error(new SourceSpan(file, row.Line, broken.Column), broken.Code, field, broken.Message + "; the row is skipped and reading resumes at the next line")])
            {
                ReadableId = layout.IdCell >= 0 && layout.IdCell < row.Cells.Count ? IdOf(row.Cells[layout.IdCell].Text, number) : null,
            };
        }

        if (row.Cells.Count != names.Count)
        {
            // Cells are out of place from the first missing or extra comma on, so only a first-column id is sure.
            return new ScenarioRecord(number, source, null,
                [Diagnostic.Error(new SourceSpan(file, row.Line, 1), DiagnosticCodes.Field, string.Empty, $"expected {names.Count} cells as in the header, found {row.Cells.Count}")])
            {
                ReadableId = layout.IdCell == 0 ? IdOf(row.Cells[0].Text, number) : null,
            };
        }

        var problems = new List<Diagnostic>();
        var cells = layout.Cells(file, row, problems);
        var values = CsvValues.Read(file, cells, zone, problems);
        var json = ToJson(values);
        return ScenarioRecords.Read(number, file, row.Line, json.WrittenSpan, DefaultId(number), _ => 1, d =>
        {
            var column = cells.ColumnOf(d.Field);
            return d with
            {
                Field = cells.Label(column) + (d.Field.Length > 0 ? $" ({d.Field})" : string.Empty),
                Span = cells.Cells.TryGetValue(column, out var c) ? d.Span with { Line = c.Line, Column = c.Column } : d.Span with { Column = 1 },
            };
        }, problems);
    }

    private static string DefaultId(long number) => $"row-{number}";

    private static string? IdOf(string cell, long number) => cell.Trim() is { Length: > 0 } id ? id : DefaultId(number);

    /// <summary>Text from the input as a message quotes it: at most 60 characters, so a message never echoes a whole file.</summary>
    internal static string Shown(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <remarks>Left as UTF-8: the direct reader takes bytes, and only a row it declines is decoded to text.</remarks>
    private static ArrayBufferWriter<byte> ToJson(CsvValues values)
    {
        string Cell(string name) => values.Text(name);
        var json = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            Text(w, "id", Cell("id"));
            Text(w, "booked_at", Cell("booked_at"));
            w.WriteStartObject("person");
            foreach (var field in FieldCatalog.Person)
            {
                var cell = Cell(field.CsvColumn!);
                if (field.Kind is FieldKind.Flag or FieldKind.OptionalFlag)
                {
                    Flag(w, field.Key, cell);
                }
                else
                {
                    Text(w, field.Key, cell);
                }
            }

            w.WriteEndObject();
            w.WriteStartArray("charges");
            foreach (var item in values.Items("charges"))
            {
                Offense(w, item, ChargeItem);
            }

            w.WriteEndArray();
            w.WriteStartArray("convictions");
            foreach (var item in values.Items("convictions"))
            {
                Offense(w, item, ConvictionItem);
            }

            w.WriteEndArray();
            if (DetainerCells.Any(c => Cell(c).Length > 0))
            {
                w.WriteStartObject("detainer");
                Text(w, "form", Cell("detainer_form"));
                Text(w, "warrant", Cell("detainer_warrant"));
                Text(w, "warrant_court", Cell("detainer_warrant_court"));
                Text(w, "warrant_offense", Cell("detainer_warrant_offense"));
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
            foreach (var request in values.Words("requests"))
            {
                w.WriteStringValue(request);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return json;
    }

    /// <summary>An offense from <c>level|category|...</c>; without its wording, the category stands for it.</summary>
    private static void Offense(Utf8JsonWriter w, IReadOnlyList<string> values, string[] parts)
    {
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
