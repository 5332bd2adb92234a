namespace DetainerRules.Model.Expectations;

/// <summary>An expectation file: cases, each a scenario and what one or more policies should decide for it.</summary>
/// <param name="PolicyId">The file's policy, for cases that do not name their own; null when every case names its policies.</param>
public sealed record ExpectationFile(string? PolicyId, IReadOnlyList<ExpectationCase> Cases, string Path);
