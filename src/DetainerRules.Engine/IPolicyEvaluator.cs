using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>A policy ready to decide scenarios: the rule network (the reference) or its compiled-delegate twin.</summary>
/// <remarks><threadsafety instance="true"/></remarks>
public interface IPolicyEvaluator
{
    Policy Policy { get; }

    /// <summary>The higher authorities the policy is bound by, ready to decide too.</summary>
    IReadOnlyList<IPolicyEvaluator> Authorities { get; }

    /// <summary>The policy's own rules alone, as if it were bound by no higher authority: what its layers are compared against.</summary>
    IPolicyEvaluator WithoutAuthorities();

    /// <summary>Every decision, the outcome, and the rules that fired.</summary>
    /// <exception cref="EvaluationException">The policy failed on this scenario.</exception>
    Verdict Evaluate(Scenario scenario);

    /// <summary>One decision, with the authorities applied; the same as <c>Evaluate(scenario)[decision]</c>.</summary>
    /// <exception cref="EvaluationException">The policy failed on this scenario.</exception>
    Decision Decide(Scenario scenario, DecisionKind decision);

    /// <summary>The outcome alone, with the authorities applied; the same as <c>Evaluate(scenario).Outcome.Value</c>.</summary>
    /// <exception cref="EvaluationException">The policy failed on this scenario.</exception>
    Outcome DecideOutcome(Scenario scenario);
}
