using DetainerRules.Analysis.Grid;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>One axis of the scenario space: a field of the scenario, with its values grouped into classes no compared condition tells apart.</summary>
public abstract class Dimension
{
    protected Dimension(string name, string title)
    {
        Name = name;
        Title = title;
    }

    /// <summary>The name <c>--where</c> and the JSON use, e.g. <c>person.citizenship</c> or <c>charges</c>.</summary>
    public string Name { get; }

    /// <summary>A heading for tables, e.g. "citizenship".</summary>
    public string Title { get; }

    /// <summary>How many classes of values the dimension has.</summary>
    public abstract int Count { get; }

    /// <summary>One class in words.</summary>
    public string Label(int value) => Describe([value]);

    /// <summary>The words of the concrete values a class stands for, e.g. <c>us_citizen</c>, <c>unknown</c>.</summary>
    public abstract IReadOnlyList<string> Members(int value);

    /// <summary>A set of classes in words, as short as the set allows.</summary>
    public abstract string Describe(IReadOnlyCollection<int> values);

    /// <summary>How regions lay the dimension out: one axis of <see cref="Count"/> values, unless a dimension spreads its values over several.</summary>
    internal virtual int[] AxisSizes => [Count];

    /// <summary>A value's coordinates on the dimension's axes, written at <paramref name="offset"/>.</summary>
    internal virtual void ToAxes(int value, int[] into, int offset) => into[offset] = value;

    /// <summary>A box over the dimension's axes in words.</summary>
    internal virtual string DescribeAxes(bool[][] axes) => Describe(ValuesIn(axes));

    /// <summary>The values whose coordinates lie in a box over the dimension's axes.</summary>
    internal IReadOnlyList<int> ValuesIn(bool[][] axes)
    {
        var coordinates = new int[axes.Length];
        return [.. Enumerable.Range(0, Count).Where(v =>
        {
            ToAxes(v, coordinates, 0);
            return Regions.Contains(axes, coordinates);
        })];
    }

    /// <summary>The values one small change away from <paramref name="value"/>, the class of <paramref name="scenario"/>: what changes, from what, to what.</summary>
    /// <remarks>
    /// By default every other value; charges and convictions change one facet of one offense at a
    /// time. "From" is what the scenario itself has where the dimension can say it, not the whole
    /// class it falls in: an assault on an officer is "now assault on an officer", not "now
    /// homicide, sexual assault, ..." because the policy treats those alike.
    /// </remarks>
    internal virtual IEnumerable<(int Value, string What, string From, IReadOnlyList<string> To)> Neighbors(int value, Scenario scenario) =>
        Enumerable.Range(0, Count).Where(v => v != value).Select(v => (v, Title, Now(scenario) ?? Label(value), (IReadOnlyList<string>)[Label(v)]));

    /// <summary>The scenario's own value in words, when the dimension can say it; null to fall back on its class.</summary>
    internal virtual string? Now(Scenario scenario) => null;

    /// <summary>Writes the class's representative value into a scenario being built.</summary>
    internal abstract void Apply(int value, ScenarioDraft draft);

    /// <summary>The class a concrete scenario's value falls in.</summary>
    internal abstract int Project(Scenario scenario);

    /// <summary>Scenarios holding values of the class, to project onto a coarser space's dimension: every member value where the dimension can list them, else the class's representative alone.</summary>
    internal virtual IEnumerable<Scenario> Probes(int value, Scenario representative) => [representative];
}
