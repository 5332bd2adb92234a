using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Formats;

/// <summary>The scenario file format (YAML or JSON): one arrest.</summary>
public static class ScenarioFormat
{
    /// <summary>A date and time with a UTC offset, as ISO 8601 or YAML writes it (the loader reads by the same grammar).</summary>
    public const string TimestampPattern = Documents.Timestamps.Pattern;

    public const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    private static readonly TextShape Timestamp = new("a date and time with its UTC offset, e.g. 2025-01-17T09:30:00-08:00", TimestampPattern);
    private static readonly TextShape Date = new("a date, YYYY-MM-DD", DatePattern);

    public static ObjectShape Person { get; } = new("the arrested person, as far as the policies care",
    [
        new("foreign_born", new NullableShape(new FlagShape("born outside the United States (naturalized citizens included); null when unknown"))),
        new("citizenship", new WordShape("what is known of the person's citizenship", Vocabulary.Words(typeof(Citizenship)))),
        new("registered_sex_offender", new FlagShape("on a sex-offender registry")),
        new("on_terrorist_watchlist", new FlagShape("a possible terrorist-watchlist match")),
        new("lawful_status_proof", new FlagShape("has shown proof of citizenship or lawful status")),
    ]);

    public static ObjectShape Charge { get; } = new("an offense the person is charged with", OffenseProperties());

    public static ObjectShape Conviction { get; } = new("a prior conviction",
    [
        .. OffenseProperties(),
        new("convicted_on", Date, Required: true),
        new("released_on", new TextShape("when the person was released from the sentence, YYYY-MM-DD", DatePattern)),
    ]);

    public static ObjectShape Detainer { get; } = new("the ICE request lodged with the agency",
    [
        new("form", new WordShape("the ICE form", Vocabulary.Words(typeof(DetainerForm))), Required: true),
        new("warrant", new WordShape("the warrant with the detainer", Vocabulary.Words(typeof(WarrantKind))), Required: true),
        new("warrant_court", new WordShape("with a judicial warrant only: the court whose judge signed it, federal (an Article III or magistrate judge) or state; leave out when not known", Vocabulary.Words(typeof(WarrantCourt)))),
        new("warrant_offense", new WordShape("with a judicial warrant only: what it is for, a federal immigration crime (e.g. 8 U.S.C. 1326), another crime, or civil; leave out when not known", Vocabulary.Words(typeof(WarrantOffense)))),
        new("received_at", Timestamp),
    ]);

    public static ObjectShape Custody { get; } = new("the custody timeline",
    [
        new("release_eligible_at", new TextShape("when the person would be released but for ICE", TimestampPattern)),
    ]);

    public static ObjectShape Ice { get; } = new("what ICE does", [new("present_at_release", new FlagShape("ICE is there to take custody at release"))]);

    public static ObjectShape Top { get; } = new("an arrest scenario: who, for what, what ICE asked, and when the person would walk out",
    [
        new("id", new TextShape("the scenario's id; defaults to the file name")),
        new("description", new TextShape("the scenario in words")),
        new("booked_at", Timestamp, Required: true),
        new("person", new NullableShape(Person)),
        new("charges", new ListShape("the charges of this arrest; at least one", Charge, MinItems: 1), Required: true),
        new("convictions", new NullableShape(new ListShape("prior convictions", Conviction))),
        new("detainer", new NullableShape(Detainer)),
        new("custody", new NullableShape(Custody)),
        new("ice", new NullableShape(Ice)),
        new("requests", new NullableShape(new ListShape("other federal requests", new WordShape("a request", Vocabulary.Words(typeof(FederalRequest)))))),
    ]);

    private static Property[] OffenseProperties() =>
    [
        new("offense", new TextShape("the offense as written"), Required: true),
        new("statute", new TextShape("the statute cited")),
        new("level", new WordShape("how serious the offense is", Vocabulary.Words(typeof(OffenseLevel))), Required: true),
        new("category", new WordShape("the offense category (see seeds/README.md)", Vocabulary.Words(typeof(OffenseCategory))), Required: true),
    ];
}
