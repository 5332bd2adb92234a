using System.Globalization;
using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.TestSupport;

/// <summary>Synthetic policy files of any size, for measuring loading and compiling; reproducible from a seed.</summary>
/// <remarks>
/// <para>
/// The compile benchmarks' input, kept byte for byte as it was when their numbers were recorded, so
/// the numbers keep their meaning. The differential tests draw their policies from
/// <see cref="PolicyGenerator"/>, which also writes variants and layers, reads of every decision and
/// every operator on every field.
/// </para>
/// <para>
/// The text is a complete base policy (no <c>extends</c>) that <c>PolicyLoader.Load</c> accepts:
/// five sources, offense lists, named conditions at two scopes (offense conditions used inside
/// <c>charge(...)</c> and <c>conviction(...)</c>, scenario conditions, some built on earlier ones),
/// two hold limits, all eight defaults, and <c>ruleCount</c> rules with distinct ids, each with
/// <c>because</c> and <c>cite</c>.
/// </para>
/// <para>
/// A rule's <c>when</c> joins one to three parts with <c>and</c> / <c>or</c>, sometimes under
/// <c>not</c>, drawn from every construct of the condition language: quantifiers over charges and
/// convictions, level comparisons, <c>in</c> over inline and named lists, look-backs (from the
/// conviction and from release), person, detainer and ICE fields, <c>is known</c>, <c>has</c>, text
/// comparisons, named conditions. A rule sets one or two decisions, with <c>at</c> for a
/// notification and a <c>limit</c> for a hold, at a few priorities. About one rule in twenty reads
/// <c>decision.notify_ice</c> or <c>decision.delay_release</c>; those set only <c>transfer_to_ice</c>
/// or <c>ice_jail_access</c>, which no rule reads, so the chains never form a cycle. Rules of equal
/// priority may disagree: that is a conflict the engine reports at evaluation, not an error.
/// </para>
/// </remarks>
public static class GeneratedPolicies
{
    private static readonly IReadOnlyList<string> Categories = Vocabulary.Words(typeof(OffenseCategory));
    private static readonly IReadOnlyList<string> Levels = Vocabulary.Words(typeof(OffenseLevel));
    private static readonly string[] Values = ["required", "permitted", "forbidden"];
    private static readonly int[] Priorities = [0, 0, 0, 5, 10, -10];
    private static readonly int[] Years = [1, 3, 5, 10, 15];

    private static readonly DecisionKind[] Writable = Enum.GetValues<DecisionKind>();
    private static readonly DecisionKind[] Readable = [DecisionKind.NotifyIce, DecisionKind.DelayRelease];
    private static readonly DecisionKind[] SetByReaders = [DecisionKind.TransferToIce, DecisionKind.IceJailAccess];

    public const int SourceCount = 5;

    /// <summary>The text of a policy with <paramref name="ruleCount"/> rules, id <c>generated-&lt;ruleCount&gt;</c>.</summary>
    public static string Yaml(int ruleCount, int seed = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ruleCount);
        var random = new Random(seed);
        var lists = Math.Max(2, ruleCount / 25);
        var offenseConditions = Math.Max(2, ruleCount / 20);
        var scenarioConditions = Math.Max(2, ruleCount / 20);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        Line(I($"id: generated-{ruleCount}"));
        Line(I($"title: A generated policy of {ruleCount} rules"));
        Line("jurisdiction: nowhere; an input for the compile benchmarks");
        Line("effective:");
        Line("  from: 2020-01-01");
        Line("summary: >");
        Line("  Rules drawn at random over the whole condition language. They encode no real policy.");
        Line("sources:");
        for (var s = 0; s < SourceCount; s++)
        {
            Line(I($"  - id: source-{s}"));
            Line(I($"    title: Generated source {s}"));
            Line(I($"    citation: Benchmark Code \u00a7 {s + 1}"));
        }

        Line("offense_lists:");
        for (var l = 0; l < lists; l++)
        {
            Line(I($"  list_{l}: [{string.Join(", ", Sample(random, Categories, random.Next(2, 7)))}]"));
        }

        Line("conditions:");
        for (var c = 0; c < offenseConditions; c++)
        {
            var condition = (c % 3) switch
            {
                0 => I($"level = felony and category in list_{random.Next(lists)}"),
                1 => I($"category in [{string.Join(", ", Sample(random, Categories, random.Next(1, 4)))}] and level >= {Pick(random, Levels)}"),
                _ => I($"category in list_{random.Next(lists)} or category = {Pick(random, Categories)}"),
            };
            Line(I($"  offense_{c}: '{condition}'"));
        }

        for (var c = 0; c < scenarioConditions; c++)
        {
            var condition = (c % 4) switch
            {
                0 => "person.foreign_born and detainer.warrant = administrative",
                1 => I($"any charge(offense_{random.Next(offenseConditions)}) or person.citizenship = noncitizen"),
                2 when c > 0 => I($"scenario_{random.Next(c)} and not ice.present_at_release"),
                _ => I($"any conviction(category in list_{random.Next(lists)} and within {Pick(random, Years)} years)"),
            };
            Line(I($"  scenario_{c}: '{condition}'"));
        }

        Line("limits:");
        Line("  hold_48h: { hours: 48, exclude: [weekends, federal_holidays] }");
        Line("  as_warrant_allows: { description: as long as the judge's warrant allows }");

        Line("defaults:");
        foreach (var kind in Writable)
        {
            var word = Vocabulary.Word(kind);
            if (kind == DecisionKind.AssistCivilEnforcement)
            {
                Line(I($"  {word}: {{ value: forbidden, because: the generated policy forbids it unless a rule says otherwise, cite: source-0 }}"));
            }
            else
            {
                Line(I($"  {word}: {{ value: unknown, because: no generated rule speaks to this case }}"));
            }
        }

        Line("rules:");
        for (var r = 0; r < ruleCount; r++)
        {
            var reads = random.Next(20) == 0 ? Pick(random, Readable) : (DecisionKind?)null;
            var when = When(random, lists, offenseConditions, scenarioConditions);
            if (reads is { } read)
            {
                when = I($"decision.{Vocabulary.Word(read)} = {Pick(random, Values)} and ({when})");
            }

            Line(I($"  - id: generated-rule-{r:D4}"));
            Line(I($"    when: '{when}'"));
            Line("    then:");
            var writes = reads is null ? Writable : SetByReaders;
            foreach (var kind in Sample(random, writes, random.Next(3) == 0 ? 2 : 1))
            {
                Line(I($"      {Vocabulary.Word(kind)}: {Effect(random, kind)}"));
            }

            var priority = Pick(random, Priorities);
            if (priority != 0)
            {
                Line(I($"    priority: {priority}"));
            }

            Line(I($"    because: generated rule {r}, which stands for no real provision"));
            if (random.Next(2) == 0)
            {
                Line(I($"    cite: source-{random.Next(SourceCount)}"));
            }
            else
            {
                Line("    cite:");
                Line(I($"      - {{ source: source-{random.Next(SourceCount)}, at: \"section {r}\" }}"));
                Line(I($"      - {{ source: source-{random.Next(SourceCount)} }}"));
            }
        }

        return text.ToString();
    }

    private static string Effect(Random random, DecisionKind kind)
    {
        var value = Pick(random, Values);
        return (kind, value) switch
        {
            (DecisionKind.NotifyIce, "required" or "permitted") => random.Next(2) == 0
                ? $"{{ value: {value}, at: [booking] }}"
                : $"{{ value: {value}, at: [booking, release] }}",
            (DecisionKind.DelayRelease, "required" or "permitted") => $"{{ value: {value}, limit: {(random.Next(2) == 0 ? "hold_48h" : "as_warrant_allows")} }}",
            _ => value,
        };
    }

    private static string When(Random random, int lists, int offenseConditions, int scenarioConditions)
    {
        var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Part(random, lists, offenseConditions, scenarioConditions)).ToList();
        var when = parts[0];
        for (var p = 1; p < parts.Count; p++)
        {
            when = random.Next(3) == 0 ? $"{when} or {parts[p]}" : $"{when} and {parts[p]}";
        }

        return random.Next(8) == 0 ? $"not ({when})" : when;
    }

    private static string Part(Random random, int lists, int offenseConditions, int scenarioConditions)
    {
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        return random.Next(20) switch
        {
            0 => I($"any charge(level = felony and category in [{string.Join(", ", Sample(random, Categories, random.Next(1, 5)))}])"),
            1 => "person.foreign_born",
            2 => "detainer.warrant = administrative",
            3 => I($"any conviction(category = {Pick(random, Categories)} and within {Pick(random, Years)} years)"),
            4 => I($"scenario_{random.Next(scenarioConditions)}"),
            5 => I($"any charge(offense_{random.Next(offenseConditions)})"),
            6 => I($"any charge(category in list_{random.Next(lists)})"),
            7 => "person.citizenship in [noncitizen, unknown]",
            8 => "(detainer.form = I-247A and detainer.warrant != judicial)",
            9 => I($"requests has {Pick(random, Vocabulary.Words(typeof(FederalRequest)))}"),
            10 => "ice.present_at_release",
            11 => I($"no charge(category = {Pick(random, Categories)})"),
            12 => I($"every charge(level <= {Pick(random, Levels)})"),
            13 => I($"any conviction(within {Pick(random, Years)} years of release)"),
            14 => "person.foreign_born is known",
            15 => Pick(random, ["person.registered_sex_offender", "person.on_terrorist_watchlist", "not person.lawful_status_proof"]),
            16 => I($"any conviction(offense_{random.Next(offenseConditions)} and within {Pick(random, Years)} years)"),
            17 => "detainer",
            18 => I($"any charge(statute = \"PC {random.Next(100, 700)}\" or level > {Pick(random, Levels)})"),
            _ => I($"person.citizenship != {Pick(random, Vocabulary.Words(typeof(Citizenship)))}"),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static List<T> Sample<T>(Random random, IReadOnlyList<T> values, int count) =>
        values.OrderBy(_ => random.Next()).Take(Math.Min(count, values.Count)).ToList();
}
