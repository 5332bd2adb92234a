using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A test over the charges or convictions: <c>any charge(level = felony)</c>.</summary>
/// <param name="Inner">Evaluated for each element; its fields are the element's.</param>
public sealed record Quantified(Quantifier Quantifier, OffenseList List, Condition Inner, SourceSpan Span)
    : Condition(Span)
{
    public override IEnumerable<Condition> Children => [Inner];
}
