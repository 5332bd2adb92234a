using DetainerRules.Analysis.Words;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>A dimension for one field of the scenario (a flag, a choice, the detainer, one kind of request).</summary>
internal sealed class FieldDimension : Dimension
{
    private readonly IReadOnlyList<RawValue> _raws;
    private readonly List<List<int>> _classes;
    private readonly int[] _classOfRaw;
    private readonly Func<Scenario, object?> _read;
    private readonly Action<ScenarioDraft, object?> _write;
    private readonly Func<IReadOnlyList<RawValue>, IReadOnlyList<RawValue>, string> _describe;

    /// <param name="raws">The values allowed (after any <c>--where</c>), the preferred representative of each class first.</param>
    /// <param name="tests">Every compared test of this field; values that answer them all alike share a class.</param>
    /// <param name="describe">Words for a set of values, given all the allowed values too; by default their phrases joined with "or".</param>
    public FieldDimension(
        string name,
        string title,
        IReadOnlyList<RawValue> raws,
        Func<Scenario, object?> read,
        Action<ScenarioDraft, object?> write,
        IReadOnlyList<Func<Scenario, Modality[], bool>> tests,
        Func<IReadOnlyList<RawValue>, IReadOnlyList<RawValue>, string>? describe = null)
        : base(name, title)
    {
        _raws = raws;
        _read = read;
        _write = write;
        _describe = describe ?? ((values, _) => Wording.Or([.. values.Select(v => v.Phrase)]));
        var none = new Modality[Enum.GetValues<DecisionKind>().Length];
        _classes = Partition.By(raws.Count, i =>
        {
            var probe = Probe(raws[i].Key);
            return [.. tests.Select(t => t(probe, none))];
        });
        _classOfRaw = new int[raws.Count];
        for (var c = 0; c < _classes.Count; c++)
        {
            foreach (var r in _classes[c])
            {
                _classOfRaw[r] = c;
            }
        }
    }

    public override int Count => _classes.Count;

    public override IReadOnlyList<string> Members(int value) => [.. _classes[value].Select(r => _raws[r].Word)];

    public override string Describe(IReadOnlyCollection<int> values) =>
        _describe([.. _classes.Where((_, c) => values.Contains(c)).SelectMany(c => c).Order().Select(r => _raws[r])], _raws);

    internal override void Apply(int value, ScenarioDraft draft) => _write(draft, _raws[_classes[value][0]].Key);

    internal override string? Now(Scenario scenario)
    {
        var key = _read(scenario);
        return _raws.FirstOrDefault(r => Equals(r.Key, key))?.Phrase;
    }

    internal override int Project(Scenario scenario)
    {
        var key = _read(scenario);
        for (var r = 0; r < _raws.Count; r++)
        {
            if (Equals(_raws[r].Key, key))
            {
                return _classOfRaw[r];
            }
        }

        return -1;
    }

    /// <remarks>The field alone is set on each probe: a field dimension's <see cref="Project"/> reads only its own field.</remarks>
    internal override IEnumerable<Scenario> Probes(int value, Scenario representative) => _classes[value].Select(r => Probe(_raws[r].Key));

    private Scenario Probe(object? key)
    {
        var draft = new ScenarioDraft(BookingDay.Default.BookedAt);
        _write(draft, key);
        return draft.Build("probe");
    }
}
