using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml;

/// <summary>The policy a variant's <c>extends</c> names, read; or why it cannot be.</summary>
/// <param name="Path">Where it was read from; its positions are given in this file.</param>
/// <param name="Key">What tells one file from another (its real path), so a link or a <c>..</c> cannot disguise a cycle.</param>
internal sealed record BaseLookup(string Path, string Key, string Text)
{
    /// <summary>The problem when nothing was found or read: the message and its code.</summary>
    public (string Message, DiagnosticCode Code)? Problem { get; private init; }

    public static BaseLookup Failed(string message, DiagnosticCode code) => new(string.Empty, string.Empty, string.Empty) { Problem = (message, code) };
}

/// <summary>Finds and reads the policy <paramref name="reference"/>, written in <paramref name="namingFile"/>'s <c>extends</c>, names.</summary>
/// <remarks>The chain of variants does no I/O of its own, as the compiler takes its authorities through a resolver.</remarks>
internal delegate BaseLookup ResolveBase(string namingFile, string reference);
