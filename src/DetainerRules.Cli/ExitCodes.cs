namespace DetainerRules.Cli;

/// <summary>The process exit codes, part of the tool's contract.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input (a policy or scenario file) or a failed evaluation.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Compared policies disagree (<c>compare</c>).</summary>
    public const int PoliciesDiffer = 3;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) before the work was done; nothing half-done was left looking whole.</summary>
    public const int Interrupted = 130;
}
