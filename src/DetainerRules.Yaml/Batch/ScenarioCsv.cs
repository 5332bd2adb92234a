using System.Collections;
using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Batch;

/// <summary>Writes scenarios as rows of the batch CSV layout that <see cref="CsvScenarios"/> reads, for generated trial data.</summary>
/// <remarks>A field's cell (or its part of an offense item) is the one the field table names; the rest of the layout is the scenario's timeline and lists.</remarks>
public static class ScenarioCsv
{
    private static readonly Dictionary<string, FieldInfo> ScenarioColumns = FieldCatalog.All
        .Where(f => f.Scope == FieldScope.Scenario && f.CsvColumn is not null)
        .ToDictionary(f => f.CsvColumn!, StringComparer.Ordinal);

    private static readonly Dictionary<string, FieldInfo> OffenseParts = FieldCatalog.All
        .Where(f => f.Scope == FieldScope.Offense)
        .ToDictionary(f => f.CsvColumn!, StringComparer.Ordinal);

    public static string Header => CsvScenarios.Header;

    public static string Row(Scenario s) => string.Join(",", CsvScenarios.Columns.Select(c => Cell(Text(s, c))));

    private static string Text(Scenario s, string column) => column switch
    {
        "id" => s.Id,
        "booked_at" => Format.Timestamp(s.BookedAt),
        "charges" => string.Join(";", s.Charges.Select(c => Item(CsvScenarios.ChargeParts, s, c, _ => string.Empty))),
        "convictions" => string.Join(";", s.Convictions.Select(c => Item(CsvScenarios.ConvictionParts, s, c, part => part switch
        {
            "convicted_on" => Date(c.ConvictedOn),
            "released_on" => c.ReleasedOn is { } r ? Date(r) : string.Empty,
            _ => throw new InvalidOperationException($"no conviction part `{part}`"),
        }))),
        "detainer_received_at" => s.Detainer?.ReceivedAt is { } received ? Format.Timestamp(received) : string.Empty,
        "release_eligible_at" => s.Custody.ReleaseEligibleAt is { } release ? Format.Timestamp(release) : string.Empty,
        _ => Value(ScenarioColumns[column].Read(s, null)),
    };

    /// <summary>An offense as <c>level|category|...</c>, trailing empty parts left off.</summary>
    private static string Item(IReadOnlyList<string> parts, Scenario s, IOffense offense, Func<string, string> other) =>
        string.Join("|", parts.Select(p => ItemText.Quote(OffenseParts.TryGetValue(p, out var field) ? Value(field.Read(s, offense)) : other(p)))).TrimEnd('|');

    /// <summary>A value as a cell holds it: a missing one empty, a set's members separated by <c>;</c>.</summary>
    private static string Value(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        Enum e => Vocabulary.Word(e),
        string text => text,
        IEnumerable members => string.Join(";", members.Cast<Enum>().Order().Select(Vocabulary.Word)),
        _ => throw new InvalidOperationException($"no cell for a value of type {value.GetType().Name}"),
    };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
