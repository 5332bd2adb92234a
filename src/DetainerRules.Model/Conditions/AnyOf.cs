using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>True when at least one part is true (<c>a or b</c>).</summary>
public sealed record AnyOf(IReadOnlyList<Condition> Parts, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => Parts;
}
