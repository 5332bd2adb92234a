namespace DetainerRules.Language.Syntax;

/// <summary>A syntax error at a character offset of a condition.</summary>
public sealed class ConditionSyntaxException : Exception
{
    public ConditionSyntaxException(string message, int offset)
        : base(message) => Offset = offset;

    public ConditionSyntaxException()
    {
    }

    public ConditionSyntaxException(string message)
        : base(message)
    {
    }

    public ConditionSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Offset { get; }
}
