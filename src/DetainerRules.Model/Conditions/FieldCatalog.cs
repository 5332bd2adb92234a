using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Conditions;

/// <summary>The fields of the scenario model by their names in the condition language.</summary>
public static class FieldCatalog
{
    public static IReadOnlyList<FieldInfo> All { get; } =
    [
        new(Field.ForeignBorn, "person.foreign_born", FieldScope.Scenario, FieldKind.OptionalFlag, null, "born outside the United States"),
        new(Field.Citizenship, "person.citizenship", FieldScope.Scenario, FieldKind.Choice, typeof(Citizenship), "citizenship"),
        new(Field.RegisteredSexOffender, "person.registered_sex_offender", FieldScope.Scenario, FieldKind.Flag, null, "on a sex-offender registry"),
        new(Field.OnTerroristWatchlist, "person.on_terrorist_watchlist", FieldScope.Scenario, FieldKind.Flag, null, "a possible terrorist-watchlist match"),
        new(Field.LawfulStatusProof, "person.lawful_status_proof", FieldScope.Scenario, FieldKind.Flag, null, "has shown proof of citizenship or lawful status"),
        new(Field.DetainerPresent, "detainer", FieldScope.Scenario, FieldKind.Flag, null, "ICE has lodged a detainer"),
        new(Field.DetainerForm, "detainer.form", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(DetainerForm), "the detainer's form"),
        new(Field.DetainerWarrant, "detainer.warrant", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(WarrantKind), "the warrant with the detainer"),
        new(Field.IcePresentAtRelease, "ice.present_at_release", FieldScope.Scenario, FieldKind.Flag, null, "ICE is there at release time"),
        new(Field.Requests, "requests", FieldScope.Scenario, FieldKind.Set, typeof(FederalRequest), "other federal requests"),
        new(Field.OffenseLevel, "level", FieldScope.Offense, FieldKind.OrderedChoice, typeof(OffenseLevel), "the offense level"),
        new(Field.OffenseCategory, "category", FieldScope.Offense, FieldKind.Choice, typeof(OffenseCategory), "the offense category"),
        new(Field.OffenseStatute, "statute", FieldScope.Offense, FieldKind.OptionalText, null, "the statute cited"),
        new(Field.OffenseText, "offense", FieldScope.Offense, FieldKind.Text, null, "the offense as written"),
    ];

    private static readonly Dictionary<string, FieldInfo> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);
    private static readonly Dictionary<Field, FieldInfo> ByField = All.ToDictionary(f => f.Field);

    public static FieldInfo? Find(string name) => ByName.GetValueOrDefault(name);

    public static FieldInfo Get(Field field) => ByField[field];
}
