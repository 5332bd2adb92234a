namespace DetainerRules.Analysis.Space;

/// <summary>One concrete value a dimension can take.</summary>
/// <param name="Key">The value itself, as the model holds it (a flag, an enum member, a string, or null).</param>
/// <param name="Word">How files and <c>--where</c> write it.</param>
/// <param name="Phrase">How a description says it.</param>
internal sealed record RawValue(object? Key, string Word, string Phrase);
