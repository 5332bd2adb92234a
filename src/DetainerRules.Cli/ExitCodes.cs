namespace DetainerRules.Cli;

/// <summary>The process exit codes, part of the tool's contract (README lists them); every code the tool returns is here, and <see cref="Failures"/> is the one place a failure is given its code.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input (a policy or scenario file) or a failed evaluation; also an internal error.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong (an unknown format, a bad date or clause, a space too large to compare as asked), including an output that would replace an input or is not a regular file.</summary>
    public const int Usage = 2;

    /// <summary>Compared policies disagree (<c>compare</c>).</summary>
    public const int PoliciesDiffer = 3;

    /// <summary><c>batch</c> wrote every record, but some carry errors instead of answers (problems in the record, or its evaluation failed); <c>agencies import</c> wrote the roster, but some rows of ICE's list could not be read (each listed, and kept under <c>refused</c>).</summary>
    public const int RecordsRefused = 4;

    /// <summary>An output could not be written (a full disk, no permission, a missing folder); nothing half-written was left under its name.</summary>
    public const int OutputFailed = 5;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) before the work was done; nothing half-done was left looking whole.</summary>
    public const int Interrupted = 130;

    /// <summary>Standard output was closed by its reader (<c>| head</c>); the tool stopped quietly, with the code a shell gives a process ended by SIGPIPE.</summary>
    public const int BrokenPipe = 141;
}
