using System.Diagnostics;

namespace DetainerRules.Language.Syntax;

/// <summary>How a test compares a field with its values, as written; the binder decides what it means for the field.</summary>
public enum SyntaxOperator
{
    /// <summary><c>=</c> (or <c>==</c>).</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary><c>in [...]</c> or <c>in list_name</c>.</summary>
    In,

    /// <summary><c>not in [...]</c> or <c>not in list_name</c>.</summary>
    NotIn,

    /// <summary><c>has</c>, for a set.</summary>
    Has,

    /// <summary><c>is known</c>.</summary>
    IsKnown,

    /// <summary><c>is not known</c>.</summary>
    IsNotKnown,
}

/// <summary>The words of <see cref="SyntaxOperator"/>, for messages.</summary>
public static class SyntaxOperators
{
    /// <summary>The operator as a policy writes it, e.g. <c>not in</c>.</summary>
    public static string Text(this SyntaxOperator op) => op switch
    {
        SyntaxOperator.Equal => "=",
        SyntaxOperator.NotEqual => "!=",
        SyntaxOperator.Less => "<",
        SyntaxOperator.LessOrEqual => "<=",
        SyntaxOperator.Greater => ">",
        SyntaxOperator.GreaterOrEqual => ">=",
        SyntaxOperator.In => "in",
        SyntaxOperator.NotIn => "not in",
        SyntaxOperator.Has => "has",
        SyntaxOperator.IsKnown => "is known",
        SyntaxOperator.IsNotKnown => "is not known",
        _ => throw new UnreachableException($"no words for the operator {op}"),
    };
}
