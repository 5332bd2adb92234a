namespace DetainerRules.Analysis.Space;

/// <summary>The space the compared policies span is too large to enumerate as asked; the message says which part (a command line adds how to narrow it).</summary>
public sealed class SpaceTooLargeException : Exception
{
    public SpaceTooLargeException(string message)
        : base(message)
    {
    }

    public SpaceTooLargeException()
    {
    }

    public SpaceTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
