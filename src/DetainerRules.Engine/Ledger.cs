using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>One evaluation in the rule network: the scenario, and what its rules wrote down (the rules that fired, their claims, the decisions settled).</summary>
/// <remarks>
/// It is the one fact an evaluation inserts: every rule's conditions read its scenario, so every
/// activation belongs to one evaluation and goes when its ledger is retracted. No condition reads
/// what is written: the actions write it, and the settling rules read it when they fire, which
/// salience puts after every rule that can claim their decision. So the writing can change the
/// ledger without the network being told, which a fact a condition read could not.
/// </remarks>
internal sealed class Ledger(Scenario scenario)
{
    private readonly List<Assertion> _claims = [];
    private readonly List<PolicyRule> _fired = [];
    private readonly List<Decision> _settled = [];

    public Scenario Scenario { get; } = scenario;

    /// <summary>The policy's rules that fired, in firing order.</summary>
    public IReadOnlyList<PolicyRule> Fired => _fired;

    /// <summary>The decisions settled so far, in the order they were.</summary>
    public IReadOnlyList<Decision> Settled => _settled;

    internal void Claim(PolicyRule rule)
    {
        _fired.Add(rule);
        foreach (var effect in rule.Then)
        {
            _claims.Add(new Assertion(rule, effect));
        }
    }

    /// <remarks><see cref="DecisionResolver"/> keeps the claims on <paramref name="kind"/> and ignores the rest.</remarks>
    internal Decision Settle(DecisionKind kind, DefaultDecision fallback)
    {
        var decision = DecisionResolver.Resolve(kind, _claims, fallback);
        _settled.Add(decision);
        return decision;
    }
}
