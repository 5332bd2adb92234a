using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Words;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>The charges, or the prior convictions, of a scenario: which kinds of offense it lists.</summary>
/// <remarks>
/// <para>
/// An atom is one kind of offense: a class of each facet (level, category, and so on). Conditions
/// read a list only through <c>any</c>, <c>no</c> and <c>every</c>, so what they can see of a list
/// is, for each quantified test, whether some offense in it passes (for <c>every</c>: fails). That
/// is the list's vector; two lists with the same vector get the same answer from every compared
/// condition, whatever their length or order.
/// </para>
/// <para>
/// The dimension's values are every single atom (one charge, or one conviction), then, for each
/// vector that no single offense has but several together do, the smallest list that has it (found
/// breadth first), and for convictions the empty list. So every list a scenario can hold has a
/// value here with its vector, and the space misses nothing that two offenses together can do.
/// Under a <c>--where</c> count, only lists of the lengths it allows: under <c>2+</c>, a vector one
/// offense has stands as the first list of two found with it (that offense beside another, or twice).
/// </para>
/// </remarks>
internal sealed class OffenseDimension : Dimension
{
    /// <summary>Beyond this many distinct vectors, the space is too fine to enumerate; narrow it with <c>--where</c>.</summary>
    public const int MaxVectors = 20_000;

    private readonly OffenseList _list;
    private readonly IReadOnlyList<OffenseFacet> _facets;
    private readonly int[] _sizes;
    private readonly bool[][] _atomVectors;
    private readonly List<int[]> _values = [];
    private readonly Dictionary<string, int> _valueByVector = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string>? _counts;
    private readonly DateOnly _convictedOn;
    private readonly Charge[]?[] _charges;
    private readonly Conviction[]?[] _convictions;

    /// <param name="predicates">The quantified tests over the list, each with whether it counts failures (<c>every</c>) rather than passes.</param>
    /// <param name="contexts">The scenarios and decisions the tests are asked under, when they also read those; one neutral context otherwise.</param>
    /// <param name="counts">The list lengths <c>--where</c> allows (<c>0</c>, <c>1</c>, <c>2+</c>); null for any.</param>
    /// <param name="bookedOn">The space's booking day: a conviction whose date no test reads is dated a few years before it.</param>
    public OffenseDimension(
        OffenseList list,
        IReadOnlyList<OffenseFacet> facets,
        IReadOnlyList<(Func<Scenario, Modality[], OffenseDraft, bool> Inner, bool CountsFailures)> predicates,
        IReadOnlyList<(Scenario Scenario, Modality[] Decisions)> contexts,
        IReadOnlySet<string>? counts,
        DateOnly bookedOn)
        : base(list == OffenseList.Charges ? "charges" : "convictions", list == OffenseList.Charges ? "charges" : "prior convictions")
    {
        _list = list;
        _facets = facets;
        _counts = counts;
        _convictedOn = bookedOn.AddYears(-3);
        _sizes = [.. facets.Select(f => f.Count)];
        var atomCount = _sizes.Aggregate(1, (p, s) => p * s);
        _atomVectors = new bool[atomCount][];
        for (var a = 0; a < atomCount; a++)
        {
            var offense = Representative(a);
            _atomVectors[a] = [.. contexts.SelectMany(c => predicates.Select(p => p.Inner(c.Scenario, c.Decisions, offense) != p.CountsFailures))];
        }

        var width = contexts.Count * predicates.Count;
        if (list == OffenseList.Convictions && Allows(0))
        {
            Add([], new bool[width]);
        }

        // With no test over the list, every list looks the same: one value stands for all, of a
        // length --where allows (two offenses when it allows only `2+`).
        if (Allows(1) && (width > 0 || _values.Count == 0))
        {
            for (var a = 0; a < (width > 0 ? atomCount : 1); a++)
            {
                Add([a], _atomVectors[a]);
            }
        }
        else if (width == 0 && _values.Count == 0)
        {
            Add([0, 0], []);
        }

        if (width > 0)
        {
            AddCombinations(atomCount, width);
        }

        _charges = new Charge[]?[_values.Count];
        _convictions = new Conviction[]?[_values.Count];
    }

    public override int Count => _values.Count;

    /// <summary>One axis for the shape of the list (one offense, none, or each combination), then one per facet, each with an extra "not one offense" value.</summary>
    internal override int[] AxisSizes => [1 + _values.Count(v => v.Length != 1), .. _sizes.Select(s => s + 1)];

    internal override void ToAxes(int value, int[] into, int offset)
    {
        if (_values[value].Length == 1)
        {
            into[offset] = 0;
            Facets(_values[value][0]).CopyTo(into, offset + 1);
            return;
        }

        into[offset] = 1 + _values.Take(value).Count(v => v.Length != 1);
        for (var f = 0; f < _sizes.Length; f++)
        {
            into[offset + 1 + f] = _sizes[f];
        }
    }

    internal override IEnumerable<(int Value, string What, string From, IReadOnlyList<string> To)> Neighbors(int value, Scenario scenario)
    {
        var noun = _list == OffenseList.Charges ? "charge" : "conviction";
        var atoms = _values[value];
        if (atoms.Length == 1)
        {
            // Change one facet of the offense: "the conviction's date". The scenario's own offense says what it is now.
            var facets = Facets(atoms[0]);
            var own = Offenses(scenario) is [var only] ? only : null;
            for (var f = 0; f < _facets.Count; f++)
            {
                for (var c = 0; c < _sizes[f]; c++)
                {
                    var changed = (int[])facets.Clone();
                    changed[f] = c;
                    if (c != facets[f] && SingleValue(changed) is >= 0 and var other)
                    {
                        var now = own is not null ? _facets[f].Now(own) : null;
                        yield return (other, $"the {noun}'s {_facets[f].Name}", now ?? Wording.Or(_facets[f].Phrases([facets[f]]).Chosen), _facets[f].Phrases([c]).Chosen);
                    }
                }
            }
        }

        // Add one offense, or take the list away (convictions), where the space has that list. The
        // first conviction of someone with none is "a prior conviction", not "another" one.
        for (var v = 0; v < _values.Count; v++)
        {
            var list = _values[v];
            if (atoms.Length == 0 && list.Length == 1)
            {
                yield return (v, "a prior conviction", "none", [Phrase(Single(list[0]))]);
            }
            else if (OneMore(list, atoms) is { } added)
            {
                yield return (v, $"another {noun}", "none", [Phrase(Single(added))]);
            }
            else if (list.Length == 0 && atoms.Length > 0)
            {
                yield return (v, Name, Describe([value]), ["no prior conviction"]);
            }
        }
    }

    /// <summary>The offense <paramref name="list"/> has beside those of <paramref name="atoms"/>, counted with repeats (a list under <c>2+</c> can name one kind twice); null when it is not one more.</summary>
    private static int? OneMore(int[] list, int[] atoms)
    {
        if (list.Length != atoms.Length + 1)
        {
            return null;
        }

        var rest = list.ToList();
        foreach (var a in atoms)
        {
            if (!rest.Remove(a))
            {
                return null;
            }
        }

        return rest[0];
    }

    private int SingleValue(int[] facets)
    {
        var atom = facets.Select((c, f) => (c, f)).Aggregate(0, (a, x) => (a * _sizes[x.f]) + x.c);
        return _values.FindIndex(v => v.Length == 1 && v[0] == atom);
    }

    internal override string DescribeAxes(bool[][] axes)
    {
        var parts = new List<string>();
        var facets = axes.Skip(1).Select((axis, f) => axis.Take(_sizes[f]).ToArray()).ToArray();
        if (axes[0][0] && facets.All(f => f.Any(b => b)))
        {
            parts.Add(Phrase(facets));
        }

        var others = _values.Where(v => v.Length != 1).ToList();
        var shown = others.Where((_, i) => axes[0][1 + i] && axes.Skip(1).All(a => a[^1])).ToList();
        if (shown.Any(v => v.Length == 0))
        {
            parts.Add("no prior conviction");
        }

        var combinations = shown.Where(v => v.Length > 1).ToList();
        if (combinations.Count <= 2)
        {
            parts.AddRange(combinations.Select(Combination));
        }
        else
        {
            parts.Add($"one of {combinations.Count} combinations of several {Name} (listed in the JSON output)");
        }

        return string.Join("; or ", parts);
    }

    /// <summary>The number of offenses a value lists.</summary>
    public int Length(int value) => _values[value].Length;

    public override IReadOnlyList<string> Members(int value) => [Describe([value])];

    public override string Describe(IReadOnlyCollection<int> values)
    {
        var parts = new List<string>();
        if (values.Any(v => _values[v].Length == 0))
        {
            parts.Add("no prior conviction");
        }

        var singles = values.Where(v => _values[v].Length == 1).Select(v => Facets(_values[v][0])).ToList();
        if (singles.Count > 0)
        {
            var all = Enumerable.Range(0, _atomVectors.Length).Select(Facets);
            var outsiders = all.Where(a => !singles.Any(s => s.SequenceEqual(a))).ToList();
            parts.AddRange(Regions.Cover(_sizes, singles, outsiders).Select(r => Phrase(r.Box)));
        }

        parts.AddRange(values.Where(v => _values[v].Length > 1).Order().Select(v => Combination(_values[v])));
        return string.Join("; or ", parts);
    }

    private string Combination(int[] atoms) => Wording.And([.. atoms.Select(a => Phrase(Single(a)))]) + " together";

    internal override void Apply(int value, ScenarioDraft draft)
    {
        if (_list == OffenseList.Charges)
        {
            draft.Charges = Offenses(value, _charges, o => o.ToCharge());
        }
        else
        {
            draft.Convictions = Offenses(value, _convictions, o => o.ToConviction());
        }
    }

    /// <summary>A value's offenses, made once: a comparison builds a scenario at every point it asks a policy about, millions of times over a few hundred values, and the scenarios share the list, never changed once made.</summary>
    /// <remarks>Two threads may both make a value's offenses; either array is the same list of equal records.</remarks>
    private T[] Offenses<T>(int value, T[]?[] made, Func<OffenseDraft, T> make)
    {
        if (value < made.Length && made[value] is { } offenses)
        {
            return offenses;
        }

        offenses = [.. _values[value].Select(Representative).Select(make)];
        if (value < made.Length)
        {
            made[value] = offenses;
        }

        return offenses;
    }

    private List<OffenseDraft> Offenses(Scenario scenario) => _list == OffenseList.Charges
        ? [.. scenario.Charges.Select(OffenseDraft.From)]
        : [.. scenario.Convictions.Select(OffenseDraft.From)];

    internal override int Project(Scenario scenario)
    {
        var offenses = Offenses(scenario);
        if (!Allows(offenses.Count))
        {
            return -1;
        }

        var atoms = offenses.Select(o => Atom(scenario, o)).ToList();
        if (atoms.Contains(-1))
        {
            return -1;
        }

        // One offense has its own value, unless no test reads the list and one value stands for all.
        if (atoms.Count == 1 && _values.FindIndex(v => v.Length == 1 && v[0] == atoms[0]) is >= 0 and var single)
        {
            return single;
        }

        var vector = new bool[_atomVectors.Length == 0 ? 0 : _atomVectors[0].Length];
        foreach (var a in atoms)
        {
            Or(vector, _atomVectors[a]);
        }

        return _valueByVector.TryGetValue(Partition.Key(vector), out var value) ? value : -1;
    }

    private bool Allows(int length) => _counts is null || _counts.Contains(length >= 2 ? "2+" : length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Add(int[] atoms, bool[] vector)
    {
        _valueByVector.TryAdd(Partition.Key(vector), _values.Count);
        _values.Add(atoms);
    }

    /// <summary>Breadth first, so each new vector gets one of the shortest lists that has it.</summary>
    private void AddCombinations(int atomCount, int width)
    {
        var known = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var frontier = new List<(int[] Atoms, bool[] Vector)>();
        for (var a = 0; a < atomCount; a++)
        {
            if (known.TryAdd(Partition.Key(_atomVectors[a]), [a]))
            {
                frontier.Add(([a], _atomVectors[a]));
            }
        }

        known.TryAdd(Partition.Key(new bool[width]), []);
        while (frontier.Count > 0)
        {
            var next = new List<(int[] Atoms, bool[] Vector)>();
            foreach (var (atoms, vector) in frontier)
            {
                for (var a = 0; a < atomCount; a++)
                {
                    var combined = (bool[])vector.Clone();
                    Or(combined, _atomVectors[a]);
                    var key = Partition.Key(combined);
                    if (known.ContainsKey(key))
                    {
                        // A vector one offense (or none) already has, when --where allows only longer
                        // lists (`2+`): the shortest list of an allowed length stands for it, or every
                        // list with that vector would fall outside the space.
                        if (Allows(atoms.Length + 1) && !_valueByVector.ContainsKey(key))
                        {
                            Add([.. atoms, a], combined);
                        }

                        continue;
                    }

                    int[] list = [.. atoms, a];
                    known[key] = list;
                    next.Add((list, combined));
                    if (known.Count > MaxVectors)
                    {
                        throw new SpaceTooLargeException($"{Name}: more than {MaxVectors} distinguishable combinations of offenses");
                    }

                    if (Allows(list.Length))
                    {
                        Add(list, combined);
                    }
                }
            }

            frontier = next;
        }
    }

    private static void Or(bool[] into, bool[] other)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }

    private int[] Facets(int atom)
    {
        var classes = new int[_sizes.Length];
        for (var f = _sizes.Length - 1; f >= 0; f--)
        {
            classes[f] = atom % _sizes[f];
            atom /= _sizes[f];
        }

        return classes;
    }

    private int Atom(Scenario scenario, OffenseDraft offense)
    {
        var atom = 0;
        for (var f = 0; f < _facets.Count; f++)
        {
            var c = _facets[f].Project(scenario, offense);
            if (c < 0)
            {
                return -1;
            }

            atom = (atom * _sizes[f]) + c;
        }

        return atom;
    }

    private OffenseDraft Representative(int atom)
    {
        var draft = new OffenseDraft { ConvictedOn = _convictedOn };
        var classes = Facets(atom);
        for (var f = 0; f < _facets.Count; f++)
        {
            _facets[f].Apply(classes[f], draft);
        }

        return draft;
    }

    private bool[][] Single(int atom) => [.. Facets(atom).Select((c, f) => Enumerable.Range(0, _sizes[f]).Select(v => v == c).ToArray())];

    /// <summary>A box of atoms in words: "a felony charge of robbery or homicide", "a conviction within 5 years".</summary>
    private string Phrase(bool[][] box)
    {
        string? Part(string facet, Func<IReadOnlyList<string>, IReadOnlyList<string>, string> say)
        {
            var f = _facets.ToList().FindIndex(x => x.Name == facet);
            if (f < 0 || box[f].All(b => b))
            {
                return null;
            }

            var (chosen, all) = _facets[f].Phrases(Enumerable.Range(0, _sizes[f]).Where(v => box[f][v]));
            return say(chosen, all);
        }

        var noun = _list == OffenseList.Charges ? "charge" : "conviction";
        var level = Part("level", (chosen, all) => Wording.Choice(chosen, all, "any level"));
        var head = level is null ? noun : $"{level} {noun}";
        var text = $"{Phrases.Article(head)} {head}";
        text += Part("category", (chosen, all) => " of " + Wording.Choice(chosen, all, "any category")) ?? string.Empty;
        text += Part("statute", (chosen, _) => " citing " + Wording.Or(chosen)) ?? string.Empty;
        text += Part("offense", (chosen, _) => " written " + Wording.Or(chosen)) ?? string.Empty;
        text += Part("date", (chosen, _) => ", " + Wording.Or(chosen)) ?? string.Empty;
        return text;
    }
}
