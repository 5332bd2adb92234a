namespace DetainerRules.Analysis.Expectations;

/// <summary>One way a policy's answer differs from what a test expected.</summary>
/// <param name="What">The decision (or detail of one, e.g. <c>notify_ice.at</c>) or <c>outcome</c>.</param>
/// <param name="Why">What decided the actual answer: the rules, the default, or a conflict.</param>
public sealed record Mismatch(string What, string Expected, string Actual, string Why);
