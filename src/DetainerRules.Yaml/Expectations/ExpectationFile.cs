namespace DetainerRules.Yaml.Expectations;

/// <summary>A policy and the outcomes its sources say it gives for a set of scenarios.</summary>
public sealed record ExpectationFile(string PolicyId, IReadOnlyList<ExpectationCase> Cases, string Path);
