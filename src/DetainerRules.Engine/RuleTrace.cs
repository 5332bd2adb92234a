using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Engine;

/// <summary>A rule that fired for a decision, in the policy it belongs to, with what it said and its condition traced on the scenario.</summary>
public sealed record RuleTrace(string Policy, PolicyRule Rule, DecisionEffect Said, TraceNode When);
