using System.Numerics;
using DetainerRules.Analysis.Grid;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>Every scenario a set of policies can tell apart, as a product of dimensions, enumerated lazily.</summary>
/// <remarks>
/// <para>
/// Each dimension is a field of the scenario model with its values grouped into classes: values
/// that pass and fail exactly the same tests of the compared policies are one class, since no
/// condition can tell them apart. The charges and convictions are grouped by what their quantified
/// tests can see (see <see cref="OffenseDimension"/>). A point picks a class on every dimension,
/// and stands for every scenario whose values fall in those classes.
/// </para>
/// <para>
/// Every decision a policy makes is a function of its conditions, and every condition is a
/// function of the classes; so each scenario the model can express gets, from each compared
/// policy, the answers its point gets (hold times aside, which follow from its own release time and
/// the hold limit). Two policies that agree at every point therefore agree on every scenario. The
/// test suite checks the premise on random scenarios: a scenario and the representative of its
/// point get the same answers.
/// </para>
/// </remarks>
public sealed class ScenarioSpace
{
    private readonly Dictionary<Subject, int[]> _relevant;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Mapping, Lazy<int[]>> _classesIn = new();

    private ScenarioSpace(IReadOnlyList<Dimension> dimensions, Dictionary<Subject, int[]> relevant, SpaceFilter filter, BookingDay booking)
    {
        Dimensions = dimensions;
        _relevant = relevant;
        Filter = filter;
        Booking = booking;
    }

    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>The <c>--where</c> clauses the space was narrowed by.</summary>
    public SpaceFilter Filter { get; }

    /// <summary>The day the space's scenarios are booked on, inside the compared policies' effective dates where they share one.</summary>
    public BookingDay Booking { get; }

    /// <summary>How many points the whole space has.</summary>
    public BigInteger Size => Dimensions.Aggregate(BigInteger.One, (p, d) => p * d.Count);

    /// <summary>The subjects the space was built for.</summary>
    public IReadOnlyList<Subject> Subjects => [.. _relevant.Keys];

    /// <summary>The space the compared policies' conditions span, for the given subjects (all by default).</summary>
    /// <exception cref="SpaceFilterException">A <c>--where</c> clause leaves a field no value.</exception>
    /// <exception cref="SpaceTooLargeException">The charges or convictions have too many distinguishable combinations.</exception>
    /// <param name="at">The day the comparison is about (<c>--at</c>); by default one on which every policy was in force (<see cref="BookingDay"/>).</param>
    public static ScenarioSpace For(IReadOnlyList<IPolicyEvaluator> policies, IReadOnlyList<Subject>? subjects = null, SpaceFilter? filter = null, DateOnly? at = null)
    {
        subjects ??= Subject.All;
        var booking = BookingDay.For([.. policies.Select(p => p.Policy)], at);
        var conditions = subjects.ToDictionary(s => s, s => policies.SelectMany(p => Dependence.ConditionsFor(p, s)).ToList());
        List<Dimension> dimensions = SpaceBuilder.Dimensions(TestInventory.Of(conditions.Values.SelectMany(c => c)), filter ?? SpaceFilter.None, booking.BookedAt);
        var relevant = subjects.ToDictionary(s => s, s => Relevant(dimensions, TestInventory.Of(conditions[s])));
        return new ScenarioSpace(dimensions, relevant, filter ?? SpaceFilter.None, booking);
    }

    /// <summary>The dimensions that can change the subject's answer, by index; the others are held at their first value.</summary>
    public IReadOnlyList<int> RelevantTo(Subject subject) => _relevant[subject];

    /// <summary>The dimensions that can change one policy's answer to the subject: those its own rules, and its authorities', read.</summary>
    /// <remarks>A subset of <see cref="RelevantTo(Subject)"/> when the policy is one the space was built for; the answer at any point is the answer with every other dimension at its first value.</remarks>
    public IReadOnlyList<int> RelevantTo(Subject subject, IPolicyEvaluator policy) => Relevant(Dimensions, TestInventory.Of(Dependence.ConditionsFor(policy, subject)));

    public BigInteger SizeFor(Subject subject) => _relevant[subject].Aggregate(BigInteger.One, (p, d) => p * Dimensions[d].Count);

    /// <summary>Every point of the subject's part of the space, the other dimensions at their first value.</summary>
    public IEnumerable<int[]> Points(Subject subject) => Points(_relevant[subject]);

    /// <summary>Every point of the space.</summary>
    public IEnumerable<int[]> Points() => Points(Enumerable.Range(0, Dimensions.Count).ToArray());

    /// <summary>The point's representative scenario.</summary>
    public Scenario Build(IReadOnlyList<int> point, string id, string? description = null) => Build(point, NewDraft(), id, description);

    /// <summary>A draft to build many points' scenarios with, one after another on one thread (<see cref="Build(IReadOnlyList{int}, ScenarioDraft, string, string?)"/>).</summary>
    internal ScenarioDraft NewDraft() => new(Booking.BookedAt);

    /// <summary>The point's representative scenario, built on a draft of this space that may have built others before: the same scenario as on a new one.</summary>
    internal Scenario Build(IReadOnlyList<int> point, ScenarioDraft draft, string id, string? description = null)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            Dimensions[d].Apply(point[d], draft);
        }

        return draft.Build(id, description);
    }

    /// <summary>For each class of one of this space's dimensions, the class of <paramref name="coarser"/>'s dimension of the same name that holds it.</summary>
    /// <remarks>
    /// A space built for fewer policies (same subjects, filter and booking day) cuts each dimension by fewer
    /// tests, so each of this space's classes should lie inside one of its classes. That is checked, not
    /// assumed, for every value a field's class holds. Charges and convictions are checked by their class's
    /// representative only: a list of several offenses projects onto the first single offense with the same
    /// answers to the tests, so a list of this class may project onto another coarser class than its
    /// representative does, but one that every test of the coarser space answers alike, and a policy reads
    /// a list only through those tests. The booking moment is not mapped one dimension at a time: which day a
    /// policy sees depends on the moment and the conviction dates together, so the convictions' classes are
    /// read at each moment (<paramref name="at"/>).
    /// </remarks>
    /// <param name="at">The point whose other dimensions' values the classes are read at (the booking moment's matters to the convictions); every other dimension at its first value by default.</param>
    /// <exception cref="InvalidOperationException">A class falls outside every coarser class, or straddles two.</exception>
    /// <remarks>
    /// Read once per coarser space (by reference, never by its contents), dimension and point, however many
    /// subjects ask: each subject of a policy reads its own classes again, and the convictions' at each moment
    /// run to thousands of scenarios built and projected.
    /// </remarks>
    internal int[] ClassesIn(ScenarioSpace coarser, int dimension, IReadOnlyList<int>? at = null)
    {
        var key = new Mapping(coarser, dimension, at?.ToArray() ?? new int[Dimensions.Count]);
        var classes = _classesIn.GetOrAdd(key, k => new Lazy<int[]>(() => ReadClassesIn(k.Coarser, k.Dimension, (int[])k.At.Clone()))).Value;
        return (int[])classes.Clone();
    }

    private int[] ReadClassesIn(ScenarioSpace coarser, int dimension, int[] point)
    {
        var mine = Dimensions[dimension];
        var theirs = coarser.Dimensions.SingleOrDefault(d => d.Name == mine.Name)
            ?? throw new InvalidOperationException($"`{mine.Name}` is not a dimension of the coarser space");
        var classes = new int[mine.Count];
        var draft = NewDraft();
        for (var c = 0; c < mine.Count; c++)
        {
            point[dimension] = c;
            var held = mine.Probes(c, Build(point, draft, "class")).Select(theirs.Project).Distinct().ToList();
            classes[c] = held is [var one and >= 0]
                ? one
                : throw new InvalidOperationException($"`{mine.Name}` class {c} ({mine.Label(c)}) falls in coarser classes {string.Join(", ", held)}, not in exactly one");
        }

        return classes;
    }

    /// <summary>The point a concrete scenario falls on; null when a <c>--where</c> clause leaves it out.</summary>
    public int[]? Project(Scenario scenario)
    {
        var point = new int[Dimensions.Count];
        for (var d = 0; d < Dimensions.Count; d++)
        {
            point[d] = Dimensions[d].Project(scenario);
            if (point[d] < 0)
            {
                return null;
            }
        }

        return point;
    }

    /// <summary>The point in words, over the given dimensions: "born abroad; a felony charge of robbery; no detainer".</summary>
    public string Describe(IReadOnlyList<int> point, IEnumerable<int> dimensions) =>
        string.Join("; ", dimensions.Select(d => Dimensions[d].Label(point[d])));

    /// <summary>A coarser space, one of this space's dimensions and the point its classes are read at: equal only for the same coarser space object and the same point's values.</summary>
    /// <param name="At">The key's own copy of the point, never changed: the classes are read on a copy of it.</param>
    private readonly record struct Mapping(ScenarioSpace Coarser, int Dimension, int[] At)
    {
        public bool Equals(Mapping other) =>
            ReferenceEquals(Coarser, other.Coarser) && Dimension == other.Dimension && At.AsSpan().SequenceEqual(other.At);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Coarser));
            hash.Add(Dimension);
            foreach (var value in At)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }

    private static int[] Relevant(IReadOnlyList<Dimension> dimensions, TestInventory inventory)
    {
        var names = inventory.ScenarioTests.Select(SpaceBuilder.DimensionOf).ToHashSet(StringComparer.Ordinal);
        if (inventory.Lists[Model.Conditions.OffenseList.Charges].Quantifiers.Count > 0)
        {
            names.Add("charges");
        }

        if (inventory.Lists[Model.Conditions.OffenseList.Convictions].Quantifiers.Count > 0)
        {
            names.Add("convictions");
        }

        if (inventory.Lists[Model.Conditions.OffenseList.Convictions].LookBacks.Count > 0)
        {
            names.Add(BookingMoments.DimensionName);
        }

        return [.. Enumerable.Range(0, dimensions.Count).Where(d => names.Contains(dimensions[d].Name) && dimensions[d].Count > 1)];
    }

    private IEnumerable<int[]> Points(int[] axes)
    {
        var point = new int[Dimensions.Count];
        foreach (var values in Regions.Points([.. axes.Select(a => Enumerable.Repeat(true, Dimensions[a].Count).ToArray())]))
        {
            for (var i = 0; i < axes.Length; i++)
            {
                point[axes[i]] = values[i];
            }

            yield return (int[])point.Clone();
        }
    }
}
