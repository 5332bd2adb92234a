using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Decisions;

/// <summary>Everything a policy decided for one scenario: each decision, the outcome, and which rules fired.</summary>
public sealed class Verdict
{
    private static readonly int KindCount = Enum.GetValues<DecisionKind>().Length;

    /// <summary>Each decision at its kind's number; every engine settles all of them, so an array, not a dictionary, for the bulk paths.</summary>
    private readonly Decision[] _byKind;
    private readonly Verdict? _own;

    public Verdict(Policy policy, Scenario scenario, IReadOnlyList<Decision> decisions, IReadOnlyList<PolicyRule> fired)
    {
        Policy = policy;
        Scenario = scenario;
        _byKind = new Decision[KindCount];
        foreach (var decision in decisions)
        {
            if (_byKind[(int)decision.Kind] is not null)
            {
                throw new ArgumentException($"two decisions on {decision.Kind}", nameof(decisions));
            }

            _byKind[(int)decision.Kind] = decision;
        }

        // An array's slots start empty whatever its type says: a verdict short of a kind lists only those it has.
        Decisions = decisions.Count == KindCount ? _byKind : [.. _byKind.Where(d => d is not null)];
        Fired = fired;
        HoldUntil = HoldTime.Until(scenario, this[DecisionKind.DelayRelease], policy.Time);
        Outcome = OutcomeRule.Derive(scenario, k => this[k], HoldUntil);
    }

    public Policy Policy { get; }
    public Scenario Scenario { get; }

    /// <summary>One decision per <see cref="DecisionKind"/>, in the enum's order.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The policy's rules that fired, in firing order.</summary>
    public IReadOnlyList<PolicyRule> Fired { get; }

    /// <summary>The latest time the person may be held for ICE under <c>delay_release</c>; null when no hold applies or it has no fixed end.</summary>
    public DateTimeOffset? HoldUntil { get; }

    public OutcomeFinding Outcome { get; }

    /// <summary>For a policy bound by higher authorities: which layer's answer is in force, per decision.</summary>
    public DecisionDictionary<string> Layers { get; init; } = new(_ => null);

    /// <summary>Where the policy and its higher authorities answer differently, and what prevails.</summary>
    public IReadOnlyList<LayerDisagreement> Disagreements { get; init; } = [];

    /// <summary>For a policy bound by higher authorities: its own verdict, before their answers were applied; otherwise this verdict.</summary>
    public Verdict Own
    {
        get => _own ?? this;
        init => _own = value;
    }

    /// <summary>The authorities' verdicts on the same scenario, in the order the policy lists them.</summary>
    public IReadOnlyList<Verdict> AuthorityVerdicts { get; init; } = [];

    /// <exception cref="KeyNotFoundException">The verdict has no decision on <paramref name="kind"/>.</exception>
    public Decision this[DecisionKind kind] => _byKind[(int)kind] ?? throw new KeyNotFoundException($"the verdict has no decision on {kind}");
}
