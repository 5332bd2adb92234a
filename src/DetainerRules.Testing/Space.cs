using DetainerRules.Analysis.Space;

namespace DetainerRules.Testing;

/// <summary>Which cases a property is checked over: the whole scenario space of the policies involved, or part of it.</summary>
public sealed class Space
{
    private Space(SpaceFilter filter, IReadOnlyList<string> clauses)
    {
        Filter = filter;
        Clauses = clauses;
    }

    /// <summary>Every case the policies can tell apart; agreeing on it means agreeing on every scenario.</summary>
    public static Space All { get; } = new(SpaceFilter.None, []);

    internal SpaceFilter Filter { get; }

    internal IReadOnlyList<string> Clauses { get; }

    /// <summary>The cases that satisfy every clause, written as for <c>--where</c>: <c>Space.Where("charge.level=felony", "detainer.warrant!=judicial")</c>.</summary>
    /// <exception cref="SpaceFilterException">A clause is malformed or names an unknown field or value.</exception>
    public static Space Where(params string[] clauses) => new(SpaceFilter.Parse(clauses), clauses);

    public override string ToString() => Clauses.Count == 0 ? "the whole space" : "the cases where " + string.Join(" and ", Clauses);
}
