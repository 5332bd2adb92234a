using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Time;

namespace DetainerRules.Yaml.Batch;

/// <summary>A row's cells as the scenario format writes them: vocabulary words and flags in their own case, times with their offset, lists split into items and parts.</summary>
/// <remarks>
/// People export CSV from spreadsheets and databases that write <c>TRUE</c>, <c>Felony</c> or
/// <c>i-247a</c>; a word that matches the vocabulary but for case is read as that word. Anything
/// that matches nothing is left as written, for the scenario loader to refuse with its message.
/// </remarks>
internal sealed class CsvValues
{
    private static readonly HashSet<string> TimeColumns = ["booked_at", "detainer_received_at", "release_eligible_at"];

    private static readonly Dictionary<string, FieldInfo> Fields = FieldCatalog.All
        .Where(f => f.CsvColumn is not null)
        .GroupBy(f => f.Scope == FieldScope.Offense ? "part:" + f.CsvColumn : f.CsvColumn!)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    // Each field's words, looked up without regard to case, built once: this runs for every cell of every row.
    private static readonly Dictionary<Field, Dictionary<string, string>> WordsOf = Fields.Values
        .Where(f => f.ValueType is { IsEnum: true })
        .ToDictionary(f => f.Field, f => Vocabulary.Words(f.ValueType!).ToDictionary(w => w, w => w, StringComparer.OrdinalIgnoreCase));

    // The plain columns, and each offense part's field and mapped column, named once rather than for every cell of every row.
    private static readonly string[] PlainColumns = [.. CsvScenarios.Columns.Where(c => c is not "charges" and not "convictions")];
    private static readonly Dictionary<string, FieldInfo> PartFields = Fields.Where(f => f.Key.StartsWith("part:", StringComparison.Ordinal)).ToDictionary(f => f.Key["part:".Length..], f => f.Value, StringComparer.Ordinal);
    private static readonly Dictionary<string, string[]> PartColumns = new(StringComparer.Ordinal)
    {
        ["charges"] = [.. CsvScenarios.ChargeParts.Select(p => $"charges.{p}")],
        ["convictions"] = [.. CsvScenarios.ConvictionParts.Select(p => $"convictions.{p}")],
    };

    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<List<string>>> _items = new(StringComparer.Ordinal);

    private CsvValues()
    {
    }

    public string Text(string column) => _text.GetValueOrDefault(column, string.Empty);

    /// <summary>The items of <c>charges</c> or <c>convictions</c>, each as its parts.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Items(string list) => _items.TryGetValue(list, out var items) ? items : [];

    /// <summary>The words of a list cell (<c>requests</c>).</summary>
    public IReadOnlyList<string> Words(string column) => [.. ItemText.Items(Text(column)).Select(ItemText.Unescape)];

    public static CsvValues Read(string file, RowCells cells, JurisdictionTime? zone, List<Diagnostic> problems)
    {
        var values = new CsvValues();
        foreach (var column in PlainColumns)
        {
            var text = cells.Text(column);
            if (TimeColumns.Contains(column))
            {
                text = SpreadsheetTimes.Timestamp(text, zone, null, out var problem) ?? Report(problem);
                void Add(string p) => problems.Add(Diagnostic.Error(cells.Where(file, column, 0), DiagnosticCodes.Field, $"{cells.Label(column)} ({Path(column)})", $"`{CsvScenarios.Shown(cells.Text(column))}` {p}"));
                string Report(string? p)
                {
                    Add(p!);
                    return cells.Text(column);
                }
            }
            else if (column == "requests")
            {
                text = string.Join(";", ItemText.Items(text).Select(w => Word(Fields[column], w)));
            }
            else if (Fields.TryGetValue(column, out var field))
            {
                text = Word(field, text);
            }

            values._text[column] = text;
        }

        values._items["charges"] = Offenses(file, cells, "charges", CsvScenarios.ChargeParts, zone, problems);
        values._items["convictions"] = Offenses(file, cells, "convictions", CsvScenarios.ConvictionParts, zone, problems);
        return values;
    }

    /// <summary>The scenario path a column's value goes to, as the loader names it.</summary>
    private static string Path(string column) => column switch
    {
        "detainer_received_at" => "detainer.received_at",
        "release_eligible_at" => "custody.release_eligible_at",
        _ => column,
    };

    private static List<List<string>> Offenses(string file, RowCells cells, string list, IReadOnlyList<string> parts, JurisdictionTime? zone, List<Diagnostic> problems)
    {
        List<(List<string> Parts, string Column)> raw;
        if (cells.Cells.ContainsKey(list))
        {
            var items = ItemText.Items(cells.Text(list));
            raw = [.. items.Select(i => (ItemText.Parts(i), list))];
            for (var i = 0; i < items.Count; i++)
            {
                if (raw[i].Parts.Count > parts.Count)
                {
                    problems.Add(Diagnostic.Error(cells.Where(file, list, 0), DiagnosticCodes.Field, $"{list} ({list}[{i}])",
                        $"`{CsvScenarios.Shown(items[i])}` has {raw[i].Parts.Count} parts; an item has at most {parts.Count}: {string.Join("|", parts)} (write `\\|` for a `|` inside a part, `\\;` for a `;`)"));
                }
            }
        }
        else
        {
            // From a map: one item, its parts in their own cells; no item when the data gives none of them.
            var item = PartColumns[list].Select(cells.Text).ToList();
            // A part the map fills with a constant says nothing about this row, so it alone makes no
            // item, unless the map gives the whole item that way (what every record has).
            var mapped = PartColumns[list].Where(cells.Cells.ContainsKey).ToList();
            var fromData = mapped.Where(p => !cells.Constants.Contains(p)).ToList();
            raw = mapped.Count > 0 && (fromData.Count == 0 || fromData.Any(p => cells.Text(p).Length > 0)) ? [(item, list)] : [];
        }

        var result = new List<List<string>>();
        for (var i = 0; i < raw.Count; i++)
        {
            var item = raw[i].Parts;
            for (var p = 0; p < item.Count && p < parts.Count; p++)
            {
                var column = cells.Cells.ContainsKey(PartColumns[list][p]) ? PartColumns[list][p] : list;
                if (PartFields.TryGetValue(parts[p], out var field))
                {
                    item[p] = Word(field, item[p]);
                }
                else if (parts[p] is "convicted_on" or "released_on")
                {
                    var original = item[p];
                    item[p] = SpreadsheetTimes.Date(original, zone, out var problem) ?? original;
                    if (problem is not null)
                    {
                        problems.Add(Diagnostic.Error(cells.Where(file, column, 0), DiagnosticCodes.Field, $"{cells.Label(column)} ({list}[{i}].{parts[p]})", $"`{CsvScenarios.Shown(original)}` {problem}"));
                    }
                }
            }

            result.Add(item);
        }

        return result;
    }

    /// <summary>A flag or vocabulary word in the vocabulary's own case; other text unchanged.</summary>
    private static string Word(FieldInfo field, string text)
    {
        if (field.Kind is FieldKind.Flag or FieldKind.OptionalFlag)
        {
            return text.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false" : text;
        }

        return WordsOf.TryGetValue(field.Field, out var words) && words.TryGetValue(text, out var word) ? word : text;
    }
}
