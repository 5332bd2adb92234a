using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Language;

/// <summary>A condition as written in a file, with the field it came from and a way to place its characters.</summary>
/// <param name="Field">The field path in the file, e.g. <c>rules[2].when</c>.</param>
/// <param name="Locate">Maps a 0-based offset in <paramref name="Text"/> to a file position.</param>
public sealed record ConditionText(string Text, string Field, Func<int, SourceSpan> Locate);
