using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A use of a named condition; kept as a node so explanations can say which name held.</summary>
public sealed record NamedConditionUse(string Name, Condition Body, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => [Body];
}
