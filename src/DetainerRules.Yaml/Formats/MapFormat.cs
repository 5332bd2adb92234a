using System.Text.RegularExpressions;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Yaml.Formats;

/// <summary>The column-map format (<c>batch --map FILE.yaml</c>): how a data set's own columns and values become the batch CSV columns.</summary>
public static class MapFormat
{
    /// <summary>A column name as the map and the data set's header are compared: case, surrounding space, and spaces, hyphens or underscores between words do not count.</summary>
    public static string ColumnKey(string name) =>
        string.Join('_', name.Trim().ToLowerInvariant().Split([' ', '\t', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What a map can fill: every batch column, or one part of the row's charge or conviction.</summary>
    public static IReadOnlyList<string> Targets { get; } =
    [
        .. CsvScenarios.Columns,
        .. CsvScenarios.ChargeParts.Select(p => "charges." + p),
        .. CsvScenarios.ConvictionParts.Select(p => "convictions." + p),
    ];

    private static readonly Shape SourceColumns = new AnyOfShape("the data set's column (or columns, the first one the header has)",
    [
        new TextShape("a column name"),
        new ListShape("column names, for layouts that name the same column differently", new TextShape("a column name"), MinItems: 1),
    ]);

    public static ObjectShape Target { get; } = new("where one batch column (or one part of the charge or conviction) comes from",
    [
        new("from", SourceColumns),
        new("value", new TextShape("the same text for every record, for what the data set does not vary")),
        new("time", new TextShape("for a time column: the time of day a date without one is read at (the day is then what the data says, the hour is not)", @"^\d{1,2}:\d{2}$")),
        new("values", new MapShape("the data set's values (compared without regard to case) and the batch text each stands for; an empty text means unknown", new TextShape("the batch text"))),
        new("prefixes", new MapShape("codes by their leading characters and the batch text they stand for; the longest matching prefix wins", new TextShape("the batch text"))),
        new("otherwise", new TextShape("the batch text for a value neither table lists; without it such a value is an error in that record")),
        new("note", new TextShape("why the column is mapped this way")),
    ]);

    public static ObjectShape Top { get; } = new("a map from a data set's own layout onto the batch CSV columns",
    [
        new("description", new TextShape("what data set this map reads"), Required: true),
        new("source", new TextShape("where the data set's layout and values are documented")),
        new("columns", new MapShape("each batch column the data set gives, by its batch name (`booked_at`, `citizenship`, ...) or, for the single charge and conviction a row can hold, `charges.PART` and `convictions.PART`", Target,
            "^(" + string.Join("|", Targets.Select(Regex.Escape)) + ")$"), Required: true),
    ]);
}
