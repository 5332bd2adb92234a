using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Testing;

/// <summary>A loaded, compiled policy that constraints can be asserted on.</summary>
/// <remarks>Answers come from the delegate twin of the rule network, which the project's own suite proves identical to it.</remarks>
public sealed class PolicyUnderTest
{
    internal PolicyUnderTest(CompiledPolicy network)
    {
        Network = network;
        Evaluator = DelegatePolicy.From(network);
    }

    public Policy Policy => Network.Policy;

    /// <summary>The rule network, the reference engine.</summary>
    public CompiledPolicy Network { get; }

    internal IPolicyEvaluator Evaluator { get; }

    /// <summary>The full verdict on one scenario, from the rule network.</summary>
    public Verdict Evaluate(Scenario scenario) => Network.Evaluate(scenario);

    /// <summary>This policy against another: pick a decision with <see cref="PolicyPair.On(DecisionKind)"/>.</summary>
    public PolicyPair Versus(PolicyUnderTest other) => new(this, other);

    public override string ToString() => Policy.Id;
}
