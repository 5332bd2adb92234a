using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.TestSupport;

/// <summary>Writes random conditions over the whole condition language, as text a policy file holds.</summary>
/// <remarks>
/// Every field and every operator it accepts (with the spellings the parser allows: <c>==</c>,
/// <c>year</c>, <c>charges</c>, both quotes), <c>any</c>/<c>no</c>/<c>every</c> over charges and
/// convictions (bare or with a condition), look-backs from the conviction and from release, named
/// offense lists and inline ones, named conditions, and reads of decisions, joined by
/// <c>and</c>/<c>or</c>/<c>not</c> with and without parentheses. What it may read is bounded by the
/// caller, so the policy it goes into stays free of cycles.
/// </remarks>
internal sealed class ConditionGenerator(Random random)
{
    public const int MaxDepth = 3;

    private static readonly string[] Modalities = [.. Vocabulary.Words(typeof(Modality))];
    private static readonly string[] Levels = [.. Vocabulary.Words(typeof(OffenseLevel))];
    private static readonly string[] Categories = [.. Vocabulary.Words(typeof(OffenseCategory))];
    private static readonly string[] Citizenships = [.. Vocabulary.Words(typeof(Citizenship))];
    private static readonly string[] Forms = [.. Vocabulary.Words(typeof(DetainerForm))];
    private static readonly string[] Warrants = [.. Vocabulary.Words(typeof(WarrantKind))];
    private static readonly string[] Courts = [.. Vocabulary.Words(typeof(WarrantCourt))];
    private static readonly string[] WarrantOffenses = [.. Vocabulary.Words(typeof(WarrantOffense))];
    private static readonly string[] Requests = [.. Vocabulary.Words(typeof(FederalRequest))];
    private static readonly string[] Flags = [.. FieldCatalog.All.Where(f => f.Scope == FieldScope.Scenario && f.Kind == FieldKind.Flag).Select(f => f.Name)];

    /// <summary>Statutes the generated conditions name; random scenarios draw from the same ones.</summary>
    public static readonly IReadOnlyList<string> Statutes = ["PC 187", "PC 459", "NRS 200.380", "VC 12500"];

    /// <summary>Offense wordings the generated conditions name.</summary>
    public static readonly IReadOnlyList<string> Wordings = ["robbery", "theft", "driving under the influence", "it's complicated"];

    /// <summary>Look-back periods, in years.</summary>
    public static readonly IReadOnlyList<int> Years = [0, 1, 3, 5, 10, 15];

    /// <summary>Named offense lists in force.</summary>
    public IReadOnlyList<string> Lists { get; set; } = [];

    /// <summary>Named conditions in force.</summary>
    public IReadOnlyList<NamedCondition> Named { get; set; } = [];

    /// <summary>The decisions in tier order: a condition may read <c>Tiers[t]</c> only for <c>t</c> below its read limit.</summary>
    public IReadOnlyList<DecisionKind> Tiers { get; set; } = [];

    /// <summary>
    /// How many more reads of the scenario or of a decision may go inside a quantifier, shared by
    /// every policy of a set: each one multiplies the contexts the scenario space asks a list's tests
    /// under, and so its cost.
    /// </summary>
    public required ReadBudget InnerReads { get; init; }

    /// <summary>A condition for <paramref name="place"/>.</summary>
    /// <param name="quantify">Whether it may quantify (at the top of a <c>when</c>, not in a name usable inside a quantifier).</param>
    /// <param name="readLimit">Decisions of a lower tier may be read, directly or through a name.</param>
    /// <param name="nameLimit">Only names defined before this place in the order may be used.</param>
    public string Condition(ConditionPlace place, bool quantify, int readLimit, int nameLimit) =>
        Compound(new Bounds(place, quantify, readLimit, nameLimit), 0);

    private readonly record struct Bounds(ConditionPlace Place, bool Quantify, int ReadLimit, int NameLimit);

    private string Compound(Bounds bounds, int depth)
    {
        if (depth >= MaxDepth || random.Next(10) < 4 + (depth * 2))
        {
            return Atom(bounds, depth);
        }

        switch (random.Next(6))
        {
            case 0:
                return "not " + Grouped(bounds, depth);
            case 1:
                return "not (" + Compound(bounds, depth + 1) + ")";
            default:
                var word = random.Next(2) == 0 ? " and " : " or ";
                var parts = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Grouped(bounds, depth)).ToList();
                return string.Join(word, parts);
        }
    }

    /// <summary>A part of an <c>and</c> or <c>or</c>: sometimes in parentheses, sometimes relying on <c>and</c> binding tighter.</summary>
    private string Grouped(Bounds bounds, int depth) => random.Next(3) == 0
        ? Compound(bounds, depth + 1)
        : "(" + Compound(bounds, depth + 1) + ")";

    private string Atom(Bounds bounds, int depth)
    {
        var names = Named.Where(n => n.Order < bounds.NameLimit && n.ReadBound < bounds.ReadLimit && n.FitsIn(bounds.Place) && (bounds.Quantify || n.Kind != NamedKind.Scenario)).ToList();
        var roll = random.Next(100);
        if (bounds.Place == ConditionPlace.Scenario)
        {
            return roll switch
            {
                < 8 when bounds.ReadLimit > 0 => DecisionRead(bounds.ReadLimit),
                < 18 when names.Count > 0 => Pick(names).Name,
                < 20 => random.Next(2) == 0 ? "true" : "false",
                < 60 when bounds.Quantify => Quantified(bounds, depth),
                _ => ScenarioTest(),
            };
        }

        // Inside a quantifier, reads of the scenario and of decisions come out of the set's budget;
        // so do names that may read them.
        var offenseNames = names.Where(n => n.Kind is NamedKind.Offense or NamedKind.Conviction).ToList();
        return roll switch
        {
            < 3 when bounds.ReadLimit > 0 && InnerReads.Take() => DecisionRead(bounds.ReadLimit),
            < 6 when InnerReads.Take() => ScenarioTest(),
            < 8 when names.Count > offenseNames.Count && InnerReads.Take() => Pick(names.Except(offenseNames).ToList()).Name,
            < 16 when offenseNames.Count > 0 => Pick(offenseNames).Name,
            < 18 => random.Next(2) == 0 ? "true" : "false",
            < 45 when bounds.Place == ConditionPlace.Conviction => LookBack(),
            _ => OffenseTest(),
        };
    }

    private string Quantified(Bounds bounds, int depth)
    {
        var quantifier = Pick(["any", "any", "no", "every"]);
        var charges = random.Next(2) == 0;
        var list = charges ? Pick(["charge", "charge", "charges"]) : Pick(["conviction", "conviction", "convictions"]);
        if (random.Next(8) == 0)
        {
            return $"{quantifier} {list}";
        }

        var inner = bounds with { Place = charges ? ConditionPlace.Charge : ConditionPlace.Conviction, Quantify = false };
        return $"{quantifier} {list}({Compound(inner, depth + 1)})";
    }

    private string DecisionRead(int readLimit)
    {
        var decision = "decision." + Vocabulary.Word(Tiers[random.Next(readLimit)]);
        return random.Next(4) switch
        {
            0 => $"{decision} = {Pick(Modalities)}",
            1 => $"{decision} != {Pick(Modalities)}",
            2 => $"{decision} in [{string.Join(", ", Sample(Modalities, random.Next(1, 4)))}]",
            _ => $"{decision} not in [{string.Join(", ", Sample(Modalities, random.Next(1, 3)))}]",
        };
    }

    private string ScenarioTest() => random.Next(9) switch
    {
        0 => Pick([
            "person.foreign_born", "person.foreign_born = true", "person.foreign_born == false", "person.foreign_born != true", "person.foreign_born != false",
            "person.foreign_born in [true, false]", "person.foreign_born not in [false]", "person.foreign_born not in [true, false]",
            "person.foreign_born is known", "person.foreign_born is not known",
        ]),
        1 => Choice("person.citizenship", Citizenships, optional: false),
        2 or 3 => Flag(Pick(Flags)),
        4 => Choice("detainer.form", Forms, optional: true),
        5 => random.Next(3) switch
        {
            0 => Choice("detainer.warrant", Warrants, optional: true),
            1 => Choice("detainer.warrant_court", Courts, optional: true),
            _ => Choice("detainer.warrant_offense", WarrantOffenses, optional: true),
        },
        6 => Flag("detainer"),
        _ => $"requests has {Pick(Requests)}",
    };

    private string Flag(string field) => random.Next(9) switch
    {
        0 or 1 => field,
        2 => $"{field} = {Pick(["true", "false"])}",
        3 => $"{field} != {Pick(["true", "false"])}",
        4 or 5 => $"{field} in [{Pick(["true", "false", "true, false", "false, true"])}]",
        6 or 7 => $"{field} not in [{Pick(["true", "false", "true, false", "false, true"])}]",
        _ => $"not {field}",
    };

    private string Choice(string field, string[] values, bool optional) => random.Next(optional ? 7 : 5) switch
    {
        0 => $"{field} = {Pick(values)}",
        1 => $"{field} != {Pick(values)}",
        2 => $"{field} in [{string.Join(", ", Sample(values, random.Next(1, values.Length + 1)))}]",
        // Short of the whole vocabulary, unless that leaves no list of two (a court is federal or state).
        3 => $"{field} not in [{string.Join(", ", Sample(values, random.Next(1, values.Length < 3 ? values.Length + 1 : values.Length)))}]",
        4 => $"{field} == {Pick(values)}",
        5 => $"{field} is known",
        _ => $"{field} is not known",
    };

    private string OffenseTest() => random.Next(10) switch
    {
        0 or 1 or 2 => Level(),
        3 or 4 or 5 => Category(),
        6 or 7 => Text("statute", Statutes, optional: true),
        _ => Text("offense", Wordings, optional: false),
    };

    private string Level() => random.Next(8) switch
    {
        0 => $"level = {Pick(Levels)}",
        1 => $"level != {Pick(Levels)}",
        2 => $"level < {Pick(Levels)}",
        3 => $"level <= {Pick(Levels)}",
        4 => $"level > {Pick(Levels)}",
        5 => $"level >= {Pick(Levels)}",
        6 => $"level in [{string.Join(", ", Sample(Levels, random.Next(1, 4)))}]",
        _ => $"level not in [{string.Join(", ", Sample(Levels, random.Next(1, 3)))}]",
    };

    private string Category()
    {
        var roll = random.Next(7);
        if (roll >= 5 && Lists.Count > 0)
        {
            return $"category {(roll == 5 ? "in" : "not in")} {Pick(Lists)}";
        }

        return roll switch
        {
            0 => $"category = {Pick(Categories)}",
            1 => $"category != {Pick(Categories)}",
            2 or 5 => $"category in [{string.Join(", ", Sample(Categories, random.Next(1, 7)))}]",
            _ => $"category not in [{string.Join(", ", Sample(Categories, random.Next(1, 7)))}]",
        };
    }

    private string Text(string field, IReadOnlyList<string> values, bool optional)
    {
        var roll = random.Next(optional ? 6 : 4);
        return roll switch
        {
            0 => $"{field} = {Quote(Pick(values))}",
            1 => $"{field} != {Quote(Pick(values))}",
            2 => $"{field} in [{string.Join(", ", Sample(values, random.Next(1, 3)).Select(Quote))}]",
            3 => $"{field} not in [{string.Join(", ", Sample(values, random.Next(1, 3)).Select(Quote))}]",
            4 => $"{field} is known",
            _ => $"{field} is not known",
        };
    }

    /// <summary>A text literal in double quotes, or in single quotes when it has none of its own.</summary>
    private string Quote(string text) => text.Contains('\'', StringComparison.Ordinal) || random.Next(2) == 0 ? $"\"{text}\"" : $"'{text}'";

    private string LookBack()
    {
        var years = Pick(Years);
        var unit = years == 1 && random.Next(2) == 0 ? "year" : "years";
        return random.Next(2) == 0 ? $"within {years} {unit}" : $"within {years} {unit} of release";
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private List<T> Sample<T>(IReadOnlyList<T> values, int count) =>
        [.. values.OrderBy(_ => random.Next()).Take(Math.Max(1, Math.Min(count, values.Count)))];
}
