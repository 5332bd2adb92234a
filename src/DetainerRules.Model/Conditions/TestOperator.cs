namespace DetainerRules.Model.Conditions;

/// <summary>How a field is tested.</summary>
public enum TestOperator
{
    /// <summary>A yes/no field written on its own: true only when the field is known and true.</summary>
    IsTrue,

    /// <summary>The value is one of the operands (<c>=</c> is <c>in</c> with one operand).</summary>
    In,

    /// <summary>The value is none of the operands, or there is no value.</summary>
    NotIn,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>A set-valued field contains the operand.</summary>
    Has,
    IsKnown,
    IsNotKnown,
}
