using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Testing;

/// <summary>A loaded, compiled policy that constraints can be asserted on.</summary>
/// <remarks>Answers come from the delegate twin of the rule network, which the project's own suite proves identical to it.</remarks>
public sealed class PolicyUnderTest
{
    private readonly Func<Scenario, CompiledPolicy> _atBooking;

    /// <param name="network">The policy with the authorities in force on the day comparisons book their cases on.</param>
    /// <param name="atBooking">The policy with the authorities in force on a scenario's own booking day.</param>
    internal PolicyUnderTest(CompiledPolicy network, Func<Scenario, CompiledPolicy> atBooking)
    {
        Network = network;
        Evaluator = DelegatePolicy.From(network);
        _atBooking = atBooking;
    }

    public Policy Policy => Network.Policy;

    /// <summary>The rule network, the reference engine, bound by the authorities in force on the day comparisons book their cases on (<see cref="Analysis.Space.BookingDay"/>).</summary>
    public CompiledPolicy Network { get; }

    internal IPolicyEvaluator Evaluator { get; }

    /// <summary>The full verdict on one scenario, from the rule network, under the authorities in force on its booking day.</summary>
    public Verdict Evaluate(Scenario scenario) => _atBooking(scenario).Evaluate(scenario);

    /// <summary>This policy against another: pick a decision with <see cref="PolicyPair.On(DecisionKind)"/>.</summary>
    public PolicyPair Versus(PolicyUnderTest other) => new(this, other);

    public override string ToString() => Policy.Id;
}
