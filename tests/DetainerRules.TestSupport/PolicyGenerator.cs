using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.TestSupport;

/// <summary>Random policies over the whole policy language, with the files they extend and the authorities they are bound by; reproducible from a seed.</summary>
/// <remarks>
/// <para>
/// A generated set is a policy family (a base policy, and up to two variants each amending the one
/// before it with <c>replace_rules</c>, <c>remove_rules</c>, <c>replace_conditions</c>,
/// <c>replace_limits</c>, <c>replace_offense_lists</c>, overridden defaults and new entries of every
/// section) and up to two higher authorities (<c>bound_by</c>), themselves families, one possibly
/// bound by a higher one still, or by the other authority.
/// </para>
/// <para>
/// Rules are drawn by <see cref="ConditionGenerator"/>, set one to three decisions (with notification
/// points and hold limits, sometimes <c>unknown</c>), at a few priorities so equal-priority
/// conflicts and overridden rules are common. Defaults take every value. Limits have hours (with
/// and without excluded days) or only a description.
/// </para>
/// <para>
/// Every set loads without a diagnostic. Each family orders the decisions into tiers; a rule reads
/// (directly or through a named condition) only decisions of a lower tier than every decision it
/// sets, and a named condition names only conditions defined before it, which its replacements
/// keep: so no variant can make a cycle.
/// </para>
/// <para>
/// Each family names a time zone or not: none (days judged as each time is written), <c>local</c>
/// (no one place: judged where the bookings are, when that is said), or one of <see cref="Zones"/>;
/// a variant sometimes names another than its base. The loader accepts any mix along a chain of
/// variants and across <c>bound_by</c>: each policy judges its own days. The set also names the
/// zone its bookings are in (<see cref="GeneratedPolicySet.BookingZone"/>), for placing the policies
/// that name none, as <c>--timezone</c> does. Zones are drawn from a stream of their own, so adding
/// them left every other draw of a seed as it was.
/// </para>
/// </remarks>
public static class PolicyGenerator
{
    private static readonly DecisionKind[] Decisions = Enum.GetValues<DecisionKind>();
    private static readonly string[] Values = ["required", "permitted", "forbidden", "required", "permitted", "forbidden", "unknown"];
    private static readonly int?[] Priorities = [null, null, 0, 1, 1, 5, -2, 10];
    private static readonly string[] Categories = [.. Vocabulary.Words(typeof(OffenseCategory))];

    /// <summary>The IANA zones a generated family may name: offsets from -10 to +10:30, daylight saving in the north, in the south, and none.</summary>
    /// <remarks>Hawaii and Arizona keep standard time all year; Adelaide's half-hour offset moves the other way from the northern zones'.</remarks>
    public static IReadOnlyList<string> Zones { get; } = ["America/Los_Angeles", "America/New_York", "Pacific/Honolulu", "America/Phoenix", "Europe/London", "Australia/Adelaide"];

    /// <summary>The policy set for <paramref name="seed"/>; its root policy's id is <c>gen-&lt;seed&gt;</c>.</summary>
    public static GeneratedPolicySet Generate(int seed)
    {
        var random = new Random(seed);
        var zones = new Random(~seed);
        var budget = new ReadBudget(2);
        var root = seed < 0 ? $"gen-m{-(long)seed}" : $"gen-{seed}";
        var files = new List<GeneratedFile>();
        var authorities = new List<string>();
        var count = random.Next(100) switch
        {
            < 45 => 0,
            < 80 => 1,
            _ => 2,
        };
        for (var a = 1; a <= count; a++)
        {
            var id = $"{root}-law-{a}";
            var above = new List<string>();
            if (random.Next(10) < 3)
            {
                var higher = id + "-up";
                Family(random, zones, budget, higher, [], random.Next(4) == 0 ? 1 : 0, files);
                above.Add(higher);
            }

            if (a == 1 && count == 2 && random.Next(5) == 0)
            {
                // Both authorities bind the policy, and the first is bound by the second too.
                above.Add($"{root}-law-2");
            }

            authorities.Add(id);
            Family(random, zones, budget, id, above, random.Next(4) == 0 ? 1 : 0, files);
        }

        var variants = random.Next(100) switch
        {
            < 50 => 0,
            < 85 => 1,
            _ => 2,
        };
        Family(random, zones, budget, root, authorities, variants, files);
        return new GeneratedPolicySet(seed, root, [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)]) { BookingZone = Draw(zones, Zones) };
    }

    /// <summary>A base policy and <paramref name="variants"/> variants, the last one named <paramref name="id"/>.</summary>
    private static void Family(Random random, Random zones, ReadBudget budget, string id, IReadOnlyList<string> boundBy, int variants, List<GeneratedFile> files)
    {
        var tiers = Decisions.OrderBy(_ => random.Next()).ToArray();
        var state = new FamilyState(random, tiers, budget);
        var zoneOfBase = Zone(zones);
        var ids = Enumerable.Range(0, variants + 1).Select(v => v == variants ? id : $"{id}-v{v}").ToList();

        // bound_by is written on the base or on the last variant; a variant inherits its base's.
        var boundOnBase = variants > 0 && random.Next(2) == 0;
        files.Add(new GeneratedFile(ids[0] + ".yaml", WithZone(state.Base(ids[0], boundOnBase || variants == 0 ? boundBy : []), zoneOfBase)));
        for (var v = 1; v <= variants; v++)
        {
            // A variant mostly inherits its base's zone; one in three draws one of its own (`local` among them).
            var own = zones.Next(3) == 0 ? Zone(zones) : null;
            files.Add(new GeneratedFile(ids[v] + ".yaml", WithZone(state.Variant(ids[v], ids[v - 1], v == variants && !boundOnBase ? boundBy : []), own)));
        }
    }

    /// <summary>A zone for a family: none three times in ten, <c>local</c> twice, else a named zone.</summary>
    private static string? Zone(Random zones) => zones.Next(10) switch
    {
        < 3 => null,
        < 5 => "local",
        _ => Draw(zones, Zones),
    };

    /// <summary>The file with <c>time_zone</c> written after its first line (the id), or the file itself for none.</summary>
    private static string WithZone(string text, string? zone) =>
        zone is null ? text : text.Insert(text.IndexOf('\n', StringComparison.Ordinal) + 1, $"time_zone: {zone}\n");

    private static T Draw<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>What a family has defined so far, merged along its chain of variants, and the writing of each file.</summary>
    private sealed class FamilyState(Random random, DecisionKind[] tiers, ReadBudget budget)
    {
        private readonly ConditionGenerator _conditions = new(random) { Tiers = tiers, InnerReads = budget };
        private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NamedCondition> _named = new(StringComparer.Ordinal);
        private readonly List<string> _limits = [];
        private readonly List<string> _sources = [];
        private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
        private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
        private readonly DecisionKind[] _hot = [.. tiers.OrderBy(_ => random.Next()).Take(3)];
        private int _nextName;

        private int TierOf(DecisionKind kind) => Array.IndexOf(tiers, kind);

        public string Base(string id, IReadOnlyList<string> boundBy)
        {
            var w = new YamlText();
            w.Line($"id: {id}");
            if (boundBy.Count > 0)
            {
                w.Line($"bound_by: [{string.Join(", ", boundBy)}]");
            }

            w.Line($"title: Generated policy {id}");
            w.Line("jurisdiction: nowhere; a generated input for the differential tests");
            if (random.Next(3) == 0)
            {
                w.Line($"effective: {{ from: {2015 + random.Next(8)} }}");
            }

            Sources(w, "sources", 2 + random.Next(2));
            OffenseLists(w, "offense_lists", random.Next(1, 4));
            Limits(w, "limits", random.Next(1, 4));
            NamedConditions(w, "conditions", random.Next(3, 8));
            w.Line("defaults:");
            foreach (var kind in Decisions)
            {
                w.Line($"  {Vocabulary.Word(kind)}: {Default(kind)}");
            }

            w.Line("rules:");
            for (var r = random.Next(3, 9); r > 0; r--)
            {
                Rule(w, NewId());
            }

            return w.ToString();
        }

        public string Variant(string id, string baseId, IReadOnlyList<string> boundBy)
        {
            var w = new YamlText();
            w.Line($"id: {id}");
            w.Line($"extends: {baseId}");
            w.Line($"amendment: '{id} changes {baseId} at random'");
            if (boundBy.Count > 0)
            {
                w.Line($"bound_by: [{string.Join(", ", boundBy)}]");
            }

            if (random.Next(3) == 0)
            {
                Sources(w, "sources", 1);
            }

            if (random.Next(3) == 0)
            {
                OffenseLists(w, "offense_lists", 1);
            }

            if (random.Next(2) == 0)
            {
                w.Line("replace_offense_lists:");
                var name = Pick(_lists.Keys.Order(StringComparer.Ordinal).ToList());
                _lists[name] = Sample(Categories, random.Next(1, 7));
                w.Line($"  {name}: [{string.Join(", ", _lists[name])}]");
            }

            if (random.Next(3) == 0)
            {
                Limits(w, "limits", 1);
            }

            if (random.Next(2) == 0)
            {
                w.Line("replace_limits:");
                w.Line($"  {Pick(_limits)}: {Limit()}");
            }

            if (random.Next(2) == 0)
            {
                NamedConditions(w, "conditions", random.Next(1, 3));
            }

            if (random.Next(3) > 0)
            {
                w.Line("replace_conditions:");
                foreach (var named in Sample(_named.Values.OrderBy(n => n.Order).ToList(), random.Next(1, 3)))
                {
                    w.Line($"  {named.Name}: {YamlText.Quote(Body(named))}");
                }
            }

            if (random.Next(2) == 0)
            {
                w.Line("defaults:");
                foreach (var kind in Sample(Decisions, random.Next(1, 4)))
                {
                    w.Line($"  {Vocabulary.Word(kind)}: {Default(kind)}");
                }
            }

            var inherited = _rules.Order(StringComparer.Ordinal).ToList();
            var removed = Sample(inherited, random.Next(0, Math.Min(3, inherited.Count)));
            if (removed.Count > 0)
            {
                w.Line($"remove_rules: [{string.Join(", ", removed)}]");
                removed.ForEach(r => _rules.Remove(r));
            }

            var replaced = Sample(inherited.Except(removed).ToList(), random.Next(0, 3));
            if (replaced.Count > 0)
            {
                w.Line("replace_rules:");
                replaced.ForEach(r => Rule(w, r));
            }

            w.Line("rules:");
            for (var r = random.Next(1, 4); r > 0; r--)
            {
                Rule(w, NewId());
            }

            return w.ToString();
        }

        private string NewId()
        {
            string id;
            do
            {
                // Ids out of step with the file order, so nothing may depend on either.
                id = $"{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}-{random.Next(100)}";
            }
            while (!_usedIds.Add(id));
            return id;
        }

        private void Sources(YamlText w, string key, int count)
        {
            w.Line($"{key}:");
            for (var s = 0; s < count; s++)
            {
                var id = $"src-{_sources.Count}";
                _sources.Add(id);
                w.Line($"  - id: {id}");
                w.Line($"    title: Generated source {id}");
                w.Line(random.Next(2) == 0 ? $"    citation: Generated Code {_sources.Count}" : $"    url: https://example.org/{id}");
            }
        }

        private void OffenseLists(YamlText w, string key, int count)
        {
            w.Line($"{key}:");
            for (var l = 0; l < count; l++)
            {
                var name = $"list_{_lists.Count}";
                _lists[name] = Sample(Categories, random.Next(1, 7));
                w.Line($"  {name}: [{string.Join(", ", _lists[name])}]");
            }

            _conditions.Lists = [.. _lists.Keys.Order(StringComparer.Ordinal)];
        }

        private void Limits(YamlText w, string key, int count)
        {
            w.Line($"{key}:");
            for (var l = 0; l < count; l++)
            {
                var name = $"limit-{_limits.Count}";
                _limits.Add(name);
                w.Line($"  {name}: {Limit()}");
            }
        }

        private string Limit() => random.Next(7) switch
        {
            0 => "{ description: as long as the warrant allows }",
            1 => $"{{ hours: {Pick([0, 24, 48, 72])}, description: a stated limit }}",
            2 => $"{{ hours: {Pick([24, 48, 96])} }}",
            3 => $"{{ hours: {Pick([24, 48, 96])}, exclude: [weekends] }}",
            4 => $"{{ hours: {Pick([24, 48, 96])}, exclude: [federal_holidays] }}",
            _ => $"{{ hours: {Pick([48, 72])}, exclude: [weekends, federal_holidays] }}",
        };

        private void NamedConditions(YamlText w, string key, int count)
        {
            w.Line($"{key}:");
            for (var c = 0; c < count; c++)
            {
                var kind = Pick([NamedKind.Anywhere, NamedKind.Scenario, NamedKind.Scenario, NamedKind.Offense, NamedKind.Offense, NamedKind.Conviction]);
                var named = new NamedCondition($"c_{_nextName}", kind, _nextName, random.Next(3) == 0 ? random.Next(tiers.Length - 1) : -1);
                _nextName++;
                w.Line($"  {named.Name}: {YamlText.Quote(Body(named))}");
                _named[named.Name] = named;
                _conditions.Named = [.. _named.Values.OrderBy(n => n.Order)];
            }
        }

        private string Body(NamedCondition named) =>
            _conditions.Condition(named.Place, named.Kind == NamedKind.Scenario, named.ReadBound + 1, named.Order);

        private string Default(DecisionKind kind)
        {
            var value = Pick(Values);
            var cite = value != "unknown" || random.Next(3) == 0 ? $", cite: {Pick(_sources)}" : string.Empty;
            return $"{{ {Effect(kind, value)}, because: the generated default{cite} }}";
        }

        private void Rule(YamlText w, string id)
        {
            // Mostly the family's few hot decisions, so rules meet and conflict.
            var writes = Enumerable.Range(0, random.Next(3) == 0 ? 2 : random.Next(8) == 0 ? 3 : 1)
                .Select(_ => random.Next(10) < 7 ? Pick(_hot) : Pick(Decisions)).Distinct().ToList();
            var readLimit = writes.Min(TierOf);
            w.Line($"  - id: {id}");
            w.Line($"    when: {YamlText.Quote(_conditions.Condition(ConditionPlace.Scenario, true, readLimit, int.MaxValue))}");
            w.Line("    then:");
            foreach (var kind in writes)
            {
                var value = Pick(Values);
                var effect = Effect(kind, value);
                w.Line(effect == $"value: {value}" && random.Next(3) > 0
                    ? $"      {Vocabulary.Word(kind)}: {value}"
                    : $"      {Vocabulary.Word(kind)}: {{ {effect} }}");
            }

            if (Pick(Priorities) is { } priority)
            {
                w.Line($"    priority: {priority}");
            }

            w.Line($"    because: generated rule {id}");
            w.Line(random.Next(2) == 0
                ? $"    cite: {Pick(_sources)}"
                : $"    cite: [{Pick(_sources)}, {{ source: {Pick(_sources)}, at: 'part {random.Next(9)}' }}]");
            _rules.Add(id);
        }

        /// <summary>The inside of a decision's mapping: the value and, where it needs them, the notification points or the hold's limit.</summary>
        private string Effect(DecisionKind kind, string value) => (kind, value) switch
        {
            (DecisionKind.NotifyIce, "required" or "permitted") => $"value: {value}, at: [{Pick(["booking", "release", "booking, release", "release, booking"])}]",
            (DecisionKind.DelayRelease, "required" or "permitted") => $"value: {value}, limit: {Pick(_limits)}",
            _ => $"value: {value}",
        };

        private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

        private List<T> Sample<T>(IReadOnlyList<T> values, int count) =>
            [.. values.OrderBy(_ => random.Next()).Take(Math.Min(count, values.Count))];
    }
}
