using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>One property of a charge or conviction (its level, category, statute, wording or date), with its values grouped into classes.</summary>
/// <remarks>
/// A concrete offense falls in the class whose members answer the compared tests as it does; for
/// the date, that is how it stands against each look-back, counted from its own scenario's booking.
/// </remarks>
internal sealed class OffenseFacet
{
    private readonly IReadOnlyList<RawValue> _raws;
    private readonly Action<OffenseDraft, object?> _write;
    private readonly Func<OffenseDraft, bool> _allowed;
    private readonly IReadOnlyList<Func<Scenario, Modality[], OffenseDraft, bool>> _tests;
    private readonly List<List<int>> _classes;
    private readonly Dictionary<string, int> _classBySignature = new(StringComparer.Ordinal);
    private readonly Modality[] _none = new Modality[Enum.GetValues<DecisionKind>().Length];

    /// <param name="raws">The values allowed, the preferred representative of each class first.</param>
    /// <param name="allowed">Whether a concrete offense's value is among <paramref name="raws"/> (a <c>--where</c> may narrow them).</param>
    /// <param name="bookedAt">The booking the values are classed against: only tests that read the booking (look-backs) depend on it.</param>
    public OffenseFacet(
        string name,
        IReadOnlyList<RawValue> raws,
        Action<OffenseDraft, object?> write,
        Func<OffenseDraft, bool> allowed,
        IReadOnlyList<Func<Scenario, Modality[], OffenseDraft, bool>> tests,
        DateTimeOffset? bookedAt = null)
    {
        Name = name;
        _raws = raws;
        _write = write;
        _allowed = allowed;
        _tests = tests;
        var probeScenario = new ScenarioDraft(bookedAt ?? BookingDay.Default.BookedAt).Build("probe");
        _classes = Partition.By(raws.Count, i =>
        {
            var probe = new OffenseDraft();
            write(probe, raws[i].Key);
            return Signature(probeScenario, probe);
        });
        for (var c = 0; c < _classes.Count; c++)
        {
            var probe = new OffenseDraft();
            write(probe, raws[_classes[c][0]].Key);
            _classBySignature[Partition.Key(Signature(probeScenario, probe))] = c;
        }
    }

    /// <summary><c>level</c>, <c>category</c>, <c>statute</c>, <c>offense</c> or <c>date</c>.</summary>
    public string Name { get; }

    public int Count => _classes.Count;

    /// <summary>The phrases of every value in the chosen classes, and of every allowed value.</summary>
    public (IReadOnlyList<string> Chosen, IReadOnlyList<string> All) Phrases(IEnumerable<int> classes)
    {
        var chosen = classes.SelectMany(c => _classes[c]).Order().Select(r => _raws[r].Phrase).Distinct().ToList();
        return (chosen, [.. _raws.Select(r => r.Phrase).Distinct()]);
    }

    /// <summary>The phrase of the offense's own value of this facet, when it is one of the facet's values; else null.</summary>
    public string? Now(OffenseDraft offense)
    {
        foreach (var raw in _raws)
        {
            var probe = offense.Copy();
            _write(probe, raw.Key);
            if (probe.SameAs(offense))
            {
                return raw.Phrase;
            }
        }

        return null;
    }

    public void Apply(int value, OffenseDraft draft) => _write(draft, _raws[_classes[value][0]].Key);

    /// <summary>The class of a concrete offense in its scenario; -1 when a <c>--where</c> leaves its value out.</summary>
    public int Project(Scenario scenario, OffenseDraft offense) =>
        _allowed(offense) && _classBySignature.TryGetValue(Partition.Key(Signature(scenario, offense)), out var c) ? c : -1;

    private bool[] Signature(Scenario scenario, OffenseDraft offense) => [.. _tests.Select(t => t(scenario, _none, offense))];
}
