namespace DetainerRules.Analysis.Space;

/// <summary>A <c>--where</c> clause that cannot be used; the message names the clause and what is wrong.</summary>
public sealed class SpaceFilterException : Exception
{
    public SpaceFilterException(string message)
        : base(message)
    {
    }

    public SpaceFilterException()
    {
    }

    public SpaceFilterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
