using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary><c>true</c> or <c>false</c> written literally, e.g. for a rule that always applies.</summary>
public sealed record Constant(bool Value, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => [];
}
