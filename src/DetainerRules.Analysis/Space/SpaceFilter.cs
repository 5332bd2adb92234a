using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>Narrows the scenario space: <c>charge.level=felony</c>, <c>detainer.warrant!=judicial</c>.</summary>
/// <remarks>
/// A clause keeps only the listed values of one field (or, with <c>!=</c>, all but them); clauses on
/// different fields must all hold. A clause on <c>charge.*</c> applies to every charge of a scenario,
/// <c>conviction.*</c> to every prior conviction; <c>charges.count</c> and <c>convictions.count</c>
/// take <c>0</c>, <c>1</c> or <c>2+</c>. A clause on any part of the detainer (<c>detainer.form</c>,
/// <c>.warrant</c>, <c>.warrant_court</c>, <c>.warrant_offense</c>) keeps only scenarios with one;
/// the court and offense of a warrant not signed by a judge, or not stated, are <c>unstated</c>.
/// </remarks>
public sealed class SpaceFilter
{
    private static readonly string[] YesNo = ["yes", "no"];

    /// <summary>The word for a court or offense of a judge's warrant the scenario does not state, and of every other warrant.</summary>
    public const string Unstated = "unstated";

    /// <summary>The keys of the detainer's parts: a clause on any of them keeps only scenarios with a detainer.</summary>
    internal static readonly string[] DetainerParts = ["detainer.form", "detainer.warrant", "detainer.warrant_court", "detainer.warrant_offense"];

    private readonly Dictionary<string, HashSet<string>> _allowed;

    private SpaceFilter(Dictionary<string, HashSet<string>> allowed) => _allowed = allowed;

    public static SpaceFilter None { get; } = new([]);

    /// <summary>Every key a clause may name, with the words it takes.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = BuildKeys();

    /// <summary>The clauses as given, normalised: <c>key=a,b</c>, sorted by key.</summary>
    public IReadOnlyList<string> Clauses => [.. _allowed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={string.Join(",", Keys[p.Key].Where(p.Value.Contains))}")];

    /// <exception cref="SpaceFilterException">A clause is malformed, names an unknown field or value, or leaves a field no value.</exception>
    public static SpaceFilter Parse(IEnumerable<string> clauses)
    {
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            var negated = clause.Contains("!=", StringComparison.Ordinal);
            var parts = clause.Split(negated ? "!=" : "=", 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new SpaceFilterException($"`{clause}`: expected FIELD=VALUE[,VALUE...] or FIELD!=VALUE[,VALUE...], e.g. charge.level=felony");
            }

            var key = parts[0].Trim();
            if (!Keys.TryGetValue(key, out var words))
            {
                throw new SpaceFilterException($"`{clause}`: unknown field `{key}`{Suggestion.Hint(key, Keys.Keys)}; known: {string.Join(", ", Keys.Keys)}");
            }

            var given = parts[1].Split(',').Select(w => w.Trim()).ToList();
            foreach (var word in given.Where(w => !words.Contains(w, StringComparer.Ordinal)))
            {
                throw new SpaceFilterException($"`{clause}`: `{word}` is not a value of `{key}`{Suggestion.Hint(word, words)}; expected one of {string.Join(", ", words)}");
            }

            var kept = negated ? words.Except(given, StringComparer.Ordinal).ToHashSet() : given.ToHashSet();
            if (allowed.TryGetValue(key, out var earlier))
            {
                kept.IntersectWith(earlier);
            }

            if (kept.Count == 0)
            {
                throw new SpaceFilterException($"`{clause}`: no value of `{key}` is left");
            }

            allowed[key] = kept;
        }

        return new SpaceFilter(allowed);
    }

    /// <summary>True when <paramref name="word"/> passes the clause on <paramref name="key"/> (or there is none).</summary>
    public bool Allows(string key, string word) => !_allowed.TryGetValue(key, out var words) || words.Contains(word);

    /// <summary>The words allowed for a key; null when no clause names it.</summary>
    internal IReadOnlySet<string>? Allowed(string key) => _allowed.GetValueOrDefault(key);

    /// <summary>True when a clause names a part of the detainer, so only scenarios with one are kept.</summary>
    internal bool NamesADetainerPart => DetainerParts.Any(_allowed.ContainsKey);

    /// <summary>The raw values a clause keeps.</summary>
    internal List<RawValue> Narrow(string key, IEnumerable<RawValue> raws) => [.. raws.Where(r => Allows(key, r.Word))];

    private static Dictionary<string, IReadOnlyList<string>> BuildKeys()
    {
        var keys = SpaceFields.Leading.ToDictionary(f => f.Name, SpaceFields.Words, StringComparer.Ordinal);
        keys["charges.count"] = ["1", "2+"];
        keys["charge.level"] = Vocabulary.Words(typeof(OffenseLevel));
        keys["charge.category"] = Vocabulary.Words(typeof(OffenseCategory));
        keys["convictions.count"] = ["0", "1", "2+"];
        keys["conviction.level"] = Vocabulary.Words(typeof(OffenseLevel));
        keys["conviction.category"] = Vocabulary.Words(typeof(OffenseCategory));
        keys["detainer"] = ["none", "present"];
        keys["detainer.form"] = Vocabulary.Words(typeof(DetainerForm));
        keys["detainer.warrant"] = Vocabulary.Words(typeof(WarrantKind));
        keys["detainer.warrant_court"] = [.. Vocabulary.Words(typeof(WarrantCourt)), Unstated];
        keys["detainer.warrant_offense"] = [.. Vocabulary.Words(typeof(WarrantOffense)), Unstated];
        foreach (var field in SpaceFields.Trailing)
        {
            keys[field.Name] = SpaceFields.Words(field);
        }

        foreach (var request in Vocabulary.Words(typeof(FederalRequest)))
        {
            keys["requests." + request] = YesNo;
        }

        return keys;
    }
}
