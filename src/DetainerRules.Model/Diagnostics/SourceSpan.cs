namespace DetainerRules.Model.Diagnostics;

/// <summary>A position in an input file, 1-based, for messages that point at what is wrong.</summary>
public readonly record struct SourceSpan(string File, long Line, long Column)
{
    public static SourceSpan None { get; } = new(string.Empty, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
