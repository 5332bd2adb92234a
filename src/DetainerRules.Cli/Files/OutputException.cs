using System.Runtime.InteropServices;

namespace DetainerRules.Cli.Files;

/// <summary>An output could not be written: the I/O error as it is, with the output as the user named it.</summary>
/// <remarks>Not an <see cref="IOException"/>, so that no command mistakes it for a problem with its input.</remarks>
internal sealed class OutputException(string target, string reason, bool brokenPipe = false, Exception? inner = null)
    : Exception($"cannot write {target}: {reason}", inner)
{
    private const int BrokenPipeErrno = 32;

    /// <summary>The output as messages name it: a path in backticks, or <c>standard output</c>.</summary>
    public string Target { get; } = target;

    public string Reason { get; } = reason;

    /// <summary>The reader of a pipe went away: not an error to report, a reason to stop.</summary>
    public bool BrokenPipe { get; } = brokenPipe;

    /// <summary>The output's failure from a .NET exception, its reason in the words of the operating system.</summary>
    public static OutputException From(string target, Exception e) => e switch
    {
        UnauthorizedAccessException => new(target, "permission denied", inner: e),
        DirectoryNotFoundException => new(target, "its folder does not exist", inner: e),
        IOException when e.HResult is > 0 and < 4096 => new(target, Lower(Marshal.GetPInvokeErrorMessage(e.HResult)), e.HResult == BrokenPipeErrno, e),
        _ => new(target, Lower(e.Message), inner: e),
    };

    /// <summary>The failure of a write to a file descriptor, from its <c>errno</c>.</summary>
    public static OutputException FromErrno(string target, int errno) =>
        new(target, Lower(Marshal.GetPInvokeErrorMessage(errno)), errno == BrokenPipeErrno);

    private static string Lower(string message) => message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
