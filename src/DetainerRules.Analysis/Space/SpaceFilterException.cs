namespace DetainerRules.Analysis.Space;

/// <summary>A clause narrowing the space that cannot be used; the message names the clause and what is wrong (a command line adds the option that gave it).</summary>
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
