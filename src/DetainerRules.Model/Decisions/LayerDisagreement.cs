namespace DetainerRules.Model.Decisions;

/// <summary>A place where a policy and a higher authority it is bound by answer a decision differently.</summary>
/// <param name="Effective">The answer in force after applying precedence.</param>
public sealed record LayerDisagreement(DecisionKind Decision, string Policy, Modality PolicyValue, string Authority, Modality AuthorityValue, Modality Effective);
