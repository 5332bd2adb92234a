using DetainerRules.Model.Policies;

namespace DetainerRules.Model.Decisions;

/// <summary>One rule's claim about one decision, made when the rule fired.</summary>
/// <remarks>A class, not a record: the rule engine identifies facts by equality, and two rules may claim the same thing.</remarks>
public sealed class Assertion(PolicyRule rule, DecisionEffect effect)
{
    public PolicyRule Rule { get; } = rule;
    public DecisionEffect Effect { get; } = effect;
    public DecisionKind Decision => Effect.Decision;
}
