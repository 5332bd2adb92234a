using System.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Conditions;

/// <summary>What a field holds in a scenario (or in one of its offenses), in the condition language's words, for explanations.</summary>
public static class FieldValue
{
    /// <param name="offense">The charge or conviction a test inside <c>charge(...)</c> or <c>conviction(...)</c> reads; null at scenario level.</param>
    public static string Describe(Field field, Scenario scenario, object? offense)
    {
        var (level, category, statute, text) = offense switch
        {
            Charge c => (c.Level, c.Category, c.Statute, c.Offense),
            Conviction c => (c.Level, c.Category, c.Statute, c.Offense),
            null => (default(OffenseLevel), default(OffenseCategory), null, string.Empty),
            _ => throw new UnreachableException($"an offense of type {offense.GetType().Name}"),
        };
        var value = field switch
        {
            Field.ForeignBorn => scenario.Person.ForeignBorn is { } b ? Flag(b) : "not known",
            Field.Citizenship => Vocabulary.Word(scenario.Person.Citizenship),
            Field.RegisteredSexOffender => Flag(scenario.Person.RegisteredSexOffender),
            Field.OnTerroristWatchlist => Flag(scenario.Person.OnTerroristWatchlist),
            Field.LawfulStatusProof => Flag(scenario.Person.LawfulStatusProof),
            Field.DetainerPresent => Flag(scenario.Detainer is not null),
            Field.DetainerForm => scenario.Detainer is { } d ? Vocabulary.Word(d.Form) : "not known (no detainer)",
            Field.DetainerWarrant => scenario.Detainer is { } w ? Vocabulary.Word(w.Warrant) : "not known (no detainer)",
            Field.IcePresentAtRelease => Flag(scenario.IcePresentAtRelease),
            Field.Requests => scenario.Requests.Count == 0 ? "[]" : $"[{string.Join(", ", scenario.Requests.Order().Select(r => Vocabulary.Word(r)))}]",
            Field.OffenseLevel => Vocabulary.Word(level),
            Field.OffenseCategory => Vocabulary.Word(category),
            Field.OffenseStatute => statute is null ? "not known" : $"\"{statute}\"",
            Field.OffenseText => $"\"{text}\"",
            _ => throw new UnreachableException($"no value for the field {field}"),
        };
        return $"{FieldCatalog.Get(field).Name} is {value}";
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
