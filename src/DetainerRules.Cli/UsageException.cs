namespace DetainerRules.Cli;

/// <summary>The command line asks for something that cannot be done: a wrong combination of options, or an output the tool refuses to write.</summary>
/// <remarks>The message is the whole explanation, naming the option as the user wrote it.</remarks>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
