using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A test of one scenario field against literal operands of the field's own type.</summary>
/// <param name="Operands">Enum members, strings or booleans, already checked against the field's type.</param>
public sealed record FieldTest(Field Field, TestOperator Operator, IReadOnlyList<object> Operands, SourceSpan Span)
    : Condition(Span)
{
    public override IEnumerable<Condition> Children => [];
}
