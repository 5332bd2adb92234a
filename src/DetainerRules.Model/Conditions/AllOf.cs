using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>True when every part is true (<c>a and b</c>).</summary>
public sealed record AllOf(IReadOnlyList<Condition> Parts, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => Parts;
}
