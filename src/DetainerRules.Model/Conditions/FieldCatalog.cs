using System.Linq.Expressions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Conditions;

/// <summary>The fields of the scenario model by their names in the condition language: the one table of them (see <see cref="FieldInfo"/>).</summary>
/// <remarks>Adding a field starts here; docs/architecture.md lists the few places that still need a word.</remarks>
public static class FieldCatalog
{
    /// <summary>The detainer a detainer field is written into when the scenario had none.</summary>
    private static readonly Detainer NewDetainer = new(DetainerForm.I247A, WarrantKind.Administrative, null);

    public static IReadOnlyList<FieldInfo> All { get; } =
    [
        new(Field.ForeignBorn, "person.foreign_born", FieldScope.Scenario, FieldKind.OptionalFlag, null, "born outside the United States")
        {
            Value = OnScenario(s => s.Person.ForeignBorn),
            CsvColumn = "foreign_born",
            Title = "born abroad",
            Phrases = [(true, "born abroad"), (false, "born in the United States"), (null, "birthplace unknown")],
            WriteScenario = (s, v) => new(s) { Person = s.Person with { ForeignBorn = (bool?)v } },
        },
        new(Field.Citizenship, "person.citizenship", FieldScope.Scenario, FieldKind.Choice, typeof(Citizenship), "citizenship")
        {
            Value = OnScenario(s => s.Person.Citizenship),
            CsvColumn = "citizenship",
            Title = "citizenship",
            Phrases = [(Citizenship.Noncitizen, "a noncitizen"), (Citizenship.UsCitizen, "a U.S. citizen"), (Citizenship.Unknown, "citizenship unknown")],
            WriteScenario = (s, v) => new(s) { Person = s.Person with { Citizenship = (Citizenship)v! } },
        },
        new(Field.RegisteredSexOffender, "person.registered_sex_offender", FieldScope.Scenario, FieldKind.Flag, null, "on a sex-offender registry")
        {
            Value = OnScenario(s => s.Person.RegisteredSexOffender),
            CsvColumn = "registered_sex_offender",
            Title = "sex-offender registry",
            Phrases = Flag("a registered sex offender", "not a registered sex offender"),
            WriteScenario = (s, v) => new(s) { Person = s.Person with { RegisteredSexOffender = (bool)v! } },
        },
        new(Field.OnTerroristWatchlist, "person.on_terrorist_watchlist", FieldScope.Scenario, FieldKind.Flag, null, "a possible terrorist-watchlist match")
        {
            Value = OnScenario(s => s.Person.OnTerroristWatchlist),
            CsvColumn = "on_terrorist_watchlist",
            Title = "watchlist",
            Phrases = Flag("a possible terrorist-watchlist match", "not on a terrorist watchlist"),
            WriteScenario = (s, v) => new(s) { Person = s.Person with { OnTerroristWatchlist = (bool)v! } },
        },
        new(Field.LawfulStatusProof, "person.lawful_status_proof", FieldScope.Scenario, FieldKind.Flag, null, "has shown proof of citizenship or lawful status")
        {
            Value = OnScenario(s => s.Person.LawfulStatusProof),
            CsvColumn = "lawful_status_proof",
            Title = "proof of status",
            Phrases = Flag("proof of citizenship or lawful status shown", "no proof of lawful status shown"),
            WriteScenario = (s, v) => new(s) { Person = s.Person with { LawfulStatusProof = (bool)v! } },
        },
        new(Field.DetainerPresent, "detainer", FieldScope.Scenario, FieldKind.Flag, null, "ICE has lodged a detainer")
        {
            Value = OnScenario(s => s.Detainer != null),
            Title = "detainer",
            WriteScenario = (s, v) => new(s) { Detainer = (bool)v! ? s.Detainer ?? NewDetainer : null },
        },
        new(Field.DetainerForm, "detainer.form", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(DetainerForm), "the detainer's form")
        {
            Value = OnScenario(s => s.Detainer!.Form),
            Present = OnScenario(s => s.Detainer != null),
            Absent = "not known (no detainer)",
            CsvColumn = "detainer_form",
            WriteScenario = (s, v) => new(s) { Detainer = v is null ? null : (s.Detainer ?? NewDetainer) with { Form = (DetainerForm)v } },
        },
        new(Field.DetainerWarrant, "detainer.warrant", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(WarrantKind), "the warrant with the detainer")
        {
            Value = OnScenario(s => s.Detainer!.Warrant),
            Present = OnScenario(s => s.Detainer != null),
            Absent = "not known (no detainer)",
            CsvColumn = "detainer_warrant",
            WriteScenario = (s, v) => new(s) { Detainer = v is null ? null : WithWarrant(s.Detainer ?? NewDetainer, (WarrantKind)v) },
        },
        new(Field.DetainerWarrantCourt, "detainer.warrant_court", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(WarrantCourt), "the court whose judge signed the warrant")
        {
            Value = OnScenario(s => s.Detainer!.WarrantCourt!.Value),
            Present = OnScenario(s => s.Detainer != null && s.Detainer.WarrantCourt.HasValue),
            Absent = "not stated",
            CsvColumn = "detainer_warrant_court",
            WriteScenario = (s, v) => new(s) { Detainer = v is null ? s.Detainer is { } d ? d with { WarrantCourt = null } : null : Judicial(s.Detainer) with { WarrantCourt = (WarrantCourt)v } },
        },
        new(Field.DetainerWarrantOffense, "detainer.warrant_offense", FieldScope.Scenario, FieldKind.OptionalChoice, typeof(WarrantOffense), "what the judge's warrant is for")
        {
            Value = OnScenario(s => s.Detainer!.WarrantOffense!.Value),
            Present = OnScenario(s => s.Detainer != null && s.Detainer.WarrantOffense.HasValue),
            Absent = "not stated",
            CsvColumn = "detainer_warrant_offense",
            WriteScenario = (s, v) => new(s) { Detainer = v is null ? s.Detainer is { } d ? d with { WarrantOffense = null } : null : Judicial(s.Detainer) with { WarrantOffense = (WarrantOffense)v } },
        },
        new(Field.IcePresentAtRelease, "ice.present_at_release", FieldScope.Scenario, FieldKind.Flag, null, "ICE is there at release time")
        {
            Value = OnScenario(s => s.IcePresentAtRelease),
            CsvColumn = "ice_present_at_release",
            Title = "ICE at release",
            Phrases = Flag("ICE present at release", "ICE absent at release"),
            WriteScenario = (s, v) => new(s) { IcePresentAtRelease = (bool)v! },
        },
        new(Field.Requests, "requests", FieldScope.Scenario, FieldKind.Set, typeof(FederalRequest), "other federal requests")
        {
            Value = OnScenario(s => s.Requests),
            CsvColumn = "requests",
            WriteScenario = (s, v) => new(s) { Requests = new HashSet<FederalRequest>((IEnumerable<FederalRequest>)v!) },
        },
        new(Field.OffenseLevel, "level", FieldScope.Offense, FieldKind.OrderedChoice, typeof(OffenseLevel), "the offense level")
        {
            Value = OnOffense(o => o.Level),
            CsvColumn = "level",
            WriteOffense = (o, v) => o.With(o.Offense, o.Statute, (OffenseLevel)v!, o.Category),
        },
        new(Field.OffenseCategory, "category", FieldScope.Offense, FieldKind.Choice, typeof(OffenseCategory), "the offense category")
        {
            Value = OnOffense(o => o.Category),
            CsvColumn = "category",
            WriteOffense = (o, v) => o.With(o.Offense, o.Statute, o.Level, (OffenseCategory)v!),
        },
        new(Field.OffenseStatute, "statute", FieldScope.Offense, FieldKind.OptionalText, null, "the statute cited")
        {
            Value = OnOffense(o => o.Statute),
            CsvColumn = "statute",
            WriteOffense = (o, v) => o.With(o.Offense, (string?)v, o.Level, o.Category),
        },
        new(Field.OffenseText, "offense", FieldScope.Offense, FieldKind.Text, null, "the offense as written")
        {
            Value = OnOffense(o => o.Offense),
            CsvColumn = "offense",
            WriteOffense = (o, v) => o.With((string)v!, o.Statute, o.Level, o.Category),
        },
    ];

    private static readonly Dictionary<string, FieldInfo> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Indexed by the field: a dictionary keyed by the enum is framework code compiled at every start.</summary>
    private static readonly FieldInfo[] ByField = IndexByField();

    /// <summary>The arrested person's fields (<c>person.*</c>), in the order files list them.</summary>
    public static IReadOnlyList<FieldInfo> Person { get; } = [.. All.Where(f => f.Name.StartsWith("person.", StringComparison.Ordinal))];

    public static FieldInfo? Find(string name) => ByName.GetValueOrDefault(name);

    public static FieldInfo Get(Field field) => ByField[(int)field];

    private static FieldInfo[] IndexByField()
    {
        var byField = new FieldInfo[All.Count];
        foreach (var field in All)
        {
            byField[(int)field.Field] = field;
        }

        return byField;
    }

    // The lambdas are only ever translated, never run as written: FieldInfo.Access places them.
    private static Expression<Func<Scenario, T>> OnScenario<T>(Expression<Func<Scenario, T>> value) => value;

    private static Expression<Func<IOffense, T>> OnOffense<T>(Expression<Func<IOffense, T>> value) => value;

    /// <summary>The detainer with another warrant; a warrant not signed by a judge has no court or offense, so they go.</summary>
    private static Detainer WithWarrant(Detainer detainer, WarrantKind warrant) =>
        warrant == WarrantKind.Judicial ? detainer with { Warrant = warrant } : detainer with { Warrant = warrant, WarrantCourt = null, WarrantOffense = null };

    /// <summary>The detainer (a new one when there was none) with a judge's warrant, which a court or an offense is stated for.</summary>
    private static Detainer Judicial(Detainer? detainer) => (detainer ?? NewDetainer) with { Warrant = WarrantKind.Judicial };

    /// <summary>A flag's values for the scenario space: no first, as the usual case.</summary>
    private static (object? Value, string Phrase)[] Flag(string yes, string no) => [(false, no), (true, yes)];
}
