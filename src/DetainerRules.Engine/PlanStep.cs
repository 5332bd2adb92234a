using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Engine;

/// <summary>One step of an <see cref="EvaluationPlan"/>: test a rule, or settle a decision.</summary>
public abstract record PlanStep;

/// <summary>Test the rule's condition; if it holds, the rule claims every decision it sets.</summary>
public sealed record RuleStep(PolicyRule Rule) : PlanStep;

/// <summary>Settle the decision from the claims made on it, or else its default.</summary>
public sealed record SettleStep(DecisionKind Decision) : PlanStep;
