using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Batch;

/// <summary>Where a CSV row's batch columns are: the header's own columns, or a map's targets read from the data set's columns.</summary>
internal sealed class CsvLayout
{
    private readonly Func<string, CsvRows.Row, List<Diagnostic>, RowCells> _cells;

    private CsvLayout(IReadOnlyList<string> names, int idCell, Func<string, CsvRows.Row, List<Diagnostic>, RowCells> cells)
    {
        Names = names;
        IdCell = idCell;
        _cells = cells;
    }

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> NoConstants = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The header's columns as messages name them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The cell the record's id is read from; -1 when there is none.</summary>
    public int IdCell { get; }

    public RowCells Cells(string file, CsvRows.Row row, List<Diagnostic> problems) => _cells(file, row, problems);

    /// <summary>The batch layout itself: each header name (already in lower case) is a batch column.</summary>
    /// <remarks>Runs for every row: the dictionary is made at its size, and the empty labels and constants are shared.</remarks>
    public static CsvLayout Plain(List<string> names) => new(names, names.IndexOf("id"), (_, row, _) =>
    {
        var cells = new Dictionary<string, CsvRows.Cell>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count && i < row.Cells.Count; i++)
        {
            cells.Add(names[i], row.Cells[i] with { Text = row.Cells[i].Text.Trim() });
        }

        return new RowCells(cells, NoLabels, NoConstants);
    });

    /// <summary>A data set's layout: each target of the map reads its column (or its constant) and translates the value.</summary>
    public static CsvLayout Mapped(RecordMap map, CsvRows.Row header, string file)
    {
        var bound = map.Bind(header, file);
        var id = bound.FirstOrDefault(b => b.Target.Name == "id");
        return new CsvLayout([.. header.Cells.Select(c => c.Text.Trim())], id.Target is null ? -1 : id.Cell, (dataFile, row, problems) =>
        {
            var cells = new Dictionary<string, CsvRows.Cell>(StringComparer.Ordinal);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var constants = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (target, index, column) in bound)
            {
                var at = index >= 0 ? row.Cells[index] : new CsvRows.Cell(string.Empty, row.Line, 1);
                labels[target.Name] = index >= 0 ? column : $"{target.Name} (from {map.File})";
                string? problem = null;
                var text = index >= 0 ? target.Translate(at.Text, out problem) : target.Value!;
                if (index < 0)
                {
                    constants.Add(target.Name);
                }

                if (text is null)
                {
                    problems.Add(Diagnostic.Error(new SourceSpan(dataFile, at.Line, at.Column), DiagnosticCodes.Field, $"{labels[target.Name]} ({target.Name})", problem!));
                    text = string.Empty;
                }

                cells[target.Name] = at with { Text = AtTime(text, target.Time) };
            }

            return new RowCells(cells, labels, constants);
        });
    }

    /// <summary>A date alone, given the map's time of day: the day is the data's, the hour the map's.</summary>
    private static string AtTime(string text, TimeOnly? time) =>
        time is { } t && text.Length is >= 8 and <= 10 && !text.Contains(':', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal)
            ? $"{text} {t:HH\\:mm}"
            : text;
}

/// <summary>A row's batch columns (or, from a map, offense parts such as <c>convictions.category</c>), each with where it was read, and how messages name them.</summary>
/// <param name="Constants">The mapped parts the map fills with one text for every record, rather than from the data.</param>
internal sealed record RowCells(IReadOnlyDictionary<string, CsvRows.Cell> Cells, IReadOnlyDictionary<string, string> Labels, IReadOnlySet<string> Constants)
{
    public string Text(string column) => Cells.TryGetValue(column, out var cell) ? cell.Text : string.Empty;

    public string Label(string column) => Labels.GetValueOrDefault(column, column);

    /// <summary>The column (or mapped part) a scenario field comes from.</summary>
    public string ColumnOf(string path)
    {
        var head = path.Split('.', '[')[0];
        if (head is "charges" or "convictions" && path.Split('.').ElementAtOrDefault(1) is { } part && Cells.ContainsKey($"{head}.{part}"))
        {
            return $"{head}.{part}";
        }

        return head switch
        {
            "person" => path.Split('.').ElementAtOrDefault(1) ?? "foreign_born",
            "detainer" => path.Contains('.') ? "detainer_" + path.Split('.')[1] : "detainer_form",
            "custody" => "release_eligible_at",
            "ice" => "ice_present_at_release",
            _ => head,
        };
    }

    public SourceSpan Where(string file, string column, long line) =>
        Cells.TryGetValue(column, out var c) ? new SourceSpan(file, c.Line, c.Column) : new SourceSpan(file, line, 1);
}
