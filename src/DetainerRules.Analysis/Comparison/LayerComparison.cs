namespace DetainerRules.Analysis.Comparison;

/// <summary>Where a policy's own rules and a higher authority it is bound by answer differently, and what is in force there.</summary>
/// <param name="Policy">The bound policy's label.</param>
/// <param name="Authority">The authority's id.</param>
/// <param name="Findings">A comparison of three answers: the policy's own rules, the authority, and the policy as composed (in force); only splits where the first two disagree are kept.</param>
public sealed record LayerComparison(string Policy, string Authority, PolicyComparison Findings);
