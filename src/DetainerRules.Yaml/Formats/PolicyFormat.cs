using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Formats;

/// <summary>The policy file format: a policy, or a variant of one (<c>extends</c>).</summary>
public static class PolicyFormat
{
    /// <summary>Policy, rule and source ids: lowercase letters, digits and dashes, at most 80.</summary>
    public const string IdPattern = "^[a-z0-9][a-z0-9-]{0,79}$";

    /// <summary>A date known to the year, the month or the day.</summary>
    public const string LegalDatePattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";

    private static readonly TextShape Id = new("lowercase letters, digits and dashes", IdPattern);
    private static readonly TextShape Condition = new("a condition in the policy's condition language (see rules/README.md)");
    private static readonly WordShape Modality = new("required, permitted, forbidden or unknown", Vocabulary.Words(typeof(Modality)));

    /// <summary>A date given to the year (<c>2023</c>, read as a number), the month or the day.</summary>
    private static readonly AnyOfShape LegalDate = new("a date: YYYY, YYYY-MM or YYYY-MM-DD",
    [
        new IntegerShape("a year", 1000, 9999),
        new TextShape("YYYY, YYYY-MM or YYYY-MM-DD", LegalDatePattern),
    ]);

    public static ObjectShape Source { get; } = new("a document the policy rests on",
    [
        new("id", Id, Required: true),
        new("title", new TextShape("what the document is"), Required: true),
        new("url", new TextShape("where to read it")),
        new("citation", new TextShape("a legal citation")),
    ]);

    public static ObjectShape Effective { get; } = new("when the policy is in force",
    [
        new("from", LegalDate),
        new("until", LegalDate),
    ]);

    public static ObjectShape Limit { get; } = new("what bounds a hold",
    [
        new("hours", new IntegerShape("the longest hold, in hours", 0, 24 * 365)),
        new("exclude", new ListShape("days the clock stops on", new WordShape("weekends or federal_holidays", ["weekends", "federal_holidays"]))),
        new("description", new TextShape("the limit in words, when no fixed number of hours applies")),
    ]);

    /// <summary>The longest quotation a citation may carry: the operative words, not the provision.</summary>
    public const int QuoteMaxLength = 600;

    public static ObjectShape Pinpoint { get; } = new("a source, the part of it relied on, its operative words and how it was checked",
    [
        new("source", new TextShape("the id of an entry under `sources`"), Required: true),
        new("at", new TextShape("the part relied on: a section, subsection, paragraph or page")),
        new("quote", new TextShape("the operative words of the provision, verbatim", MaxLength: QuoteMaxLength)),
        new("verified", new WordShape("primary (the provision's own text was read), secondary (a report of it was read) or judgement (our reading where the text is open)", Vocabulary.Words(typeof(Verification)).Where(w => w != "unstated").ToList())),
        new("note", new TextShape("for a judgement: why the text is open and how it is read here")),
        new("url", new TextShape("a link to the part relied on, when it differs from the source's")),
        new("role", new WordShape("basis (the rule rests on it, the default) or context (read beside the basis to corroborate or explain it; it does not set the rule's level)", Vocabulary.Words(typeof(CitationRole)))),
    ]);

    /// <summary>One source id, or a list of ids and pinpointed sources.</summary>
    public static AnyOfShape Cite { get; } = new("the sources relied on",
    [
        new TextShape("the id of an entry under `sources`"),
        new ListShape("the sources relied on", new AnyOfShape("a source id, or a source with a pinpoint", [new TextShape("a source id"), Pinpoint]), MinItems: 1),
    ]);

    /// <summary>The details a decision's value can carry.</summary>
    public static ObjectShape Effect { get; } = new("a decision's value with its details",
    [
        new("value", Modality, Required: true),
        new("at", new ListShape("for notify_ice: when ICE is told", new WordShape("booking or release", Vocabulary.Words(typeof(NotificationPoint))))),
        new("limit", new TextShape("for delay_release: the name of an entry under `limits`")),
    ]);

    public static ObjectShape Default { get; } = new("the answer when no rule speaks to a decision",
    [
        .. Effect.Properties,
        new("because", new TextShape("why, in plain words"), Required: true),
        new("cite", Cite),
    ]);

    public static ObjectShape Then { get; } = new("the decisions a rule sets",
        [.. Vocabulary.Words(typeof(DecisionKind)).Select(word => new Property(word, new AnyOfShape("a value, or a value with details", [Modality, Effect])))]);

    public static ObjectShape Defaults { get; } = new("every decision's answer when no rule speaks to it",
        [.. Vocabulary.Words(typeof(DecisionKind)).Select(word => new Property(word, Default))]);

    public static ObjectShape Rule { get; } = new("when a condition holds, set decisions, for a stated reason and source",
    [
        new("id", Id, Required: true),
        new("when", Condition, Required: true),
        new("then", Then, Required: true),
        new("priority", new IntegerShape("higher wins when rules disagree", -1_000_000, 1_000_000)),
        new("because", new TextShape("why, in plain words"), Required: true),
        new("cite", Cite, Required: true),
    ]);

    /// <summary>The keys a policy that extends nothing may have.</summary>
    public static IReadOnlyList<string> BaseKeys => [.. Top.Keys.Where(k => !VariantOnly.Contains(k))];

    /// <summary>The keys only a variant may have.</summary>
    public static IReadOnlyList<string> VariantOnly { get; } = ["extends", "amendment", "replace_rules", "remove_rules", "replace_conditions", "replace_limits", "replace_offense_lists"];

    public static ObjectShape Top { get; } = new(
        "a policy: a department's, a county's or a state's rules for what happens when ICE wants someone held",
        [
            new("id", Id, Required: true),
            new("family", Id),
            new("bound_by", new ListShape("the higher authorities the policy sits under", Id)),
            new("title", new TextShape("the policy's name")),
            new("jurisdiction", new TextShape("who the policy binds")),
            new("effective", Effective),
            new("state", new WordShape("the postal code of the state, district or territory whose law or agency this is, or US for federal policy", [.. UsJurisdictions.Names.Keys])),
            new("time_zone", new TextShape("the jurisdiction's IANA time zone (e.g. America/Los_Angeles), or `local` for a policy with no one place: booking days, look-backs, hold clocks and versions are judged in it", @"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$")),
            new("summary", new TextShape("the policy in plain words")),
            new("sources", new ListShape("the documents the policy rests on", Source)),
            new("offense_lists", new MapShape("named sets of offense categories", new ListShape("offense categories", new WordShape("an offense category", Vocabulary.Words(typeof(OffenseCategory)))))),
            new("conditions", new MapShape("named conditions, usable by name in any `when`", Condition)),
            new("limits", new MapShape("how long a hold may last", Limit)),
            new("defaults", Defaults),
            new("open_questions", new ListShape("what the sources leave open", new TextShape("a question"))),
            new("rules", new ListShape("the rules", Rule)),
            new("extends", new TextShape("the policy this one changes: an id beside it, or a path")),
            new("amendment", new TextShape("what this variant changes, in plain words")),
            new("replace_rules", new ListShape("rules that replace the base's rules of the same id", Rule)),
            new("remove_rules", new ListShape("ids of the base's rules to drop", Id)),
            new("replace_conditions", new MapShape("named conditions that replace the base's", Condition)),
            new("replace_limits", new MapShape("limits that replace the base's", Limit)),
            new("replace_offense_lists", new MapShape("offense lists that replace the base's", new ListShape("offense categories", new WordShape("an offense category", Vocabulary.Words(typeof(OffenseCategory)))))),
        ],
        new Conditional(
            "extends",
            RequiredIfPresent: ["amendment"],
            RequiredIfAbsent: ["title", "jurisdiction", "sources", "defaults", "rules"],
            NestedRequiredIfAbsent: new Dictionary<string, IReadOnlyList<string>> { ["defaults"] = Vocabulary.Words(typeof(DecisionKind)) }));
}
