using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>True when the inner condition is false (<c>not a</c>).</summary>
public sealed record Negation(Condition Inner, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => [Inner];
}
