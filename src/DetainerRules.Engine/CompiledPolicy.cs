using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using System.Collections.Concurrent;
using NRules;

namespace DetainerRules.Engine;

/// <summary>A policy compiled once into a rule network, evaluated against any number of scenarios.</summary>
/// <remarks>
/// <threadsafety instance="true"/> A session is used by one evaluation at a time. Sessions are kept
/// in a pool and used again: making one allocates memory for every node of the network, which cost
/// more than the evaluation itself. An evaluation retracts what it inserted (its <see cref="Ledger"/>),
/// and the engine's truth maintenance takes with it every fact and activation that followed from it, so the next one
/// starts from an empty session; a session whose evaluation failed is dropped, not used again.
/// </remarks>
public sealed class CompiledPolicy : IPolicyEvaluator
{
    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    private readonly ISessionFactory _factory;
    private readonly ConcurrentBag<ISession> _idle = [];
    private readonly int _fireLimit;

    internal CompiledPolicy(EvaluationPlan plan, ISessionFactory factory, int networkRules, IReadOnlyList<CompiledPolicy> authorities)
    {
        Plan = plan;
        Authorities = authorities;
        _factory = factory;

        // Each rule can fire at most once per scenario; anything beyond that is a runaway chain.
        _fireLimit = networkRules + 1;
    }

    public Policy Policy => Plan.Policy;

    /// <summary>The sessions waiting for an evaluation: for the tests that prove each is left empty, and that a failed one is not kept.</summary>
    internal IReadOnlyCollection<ISession> Idle => _idle;

    /// <summary>The plan the network's salience follows; the delegate twin runs the same one.</summary>
    public EvaluationPlan Plan { get; }

    /// <summary>The higher authorities this policy is bound by, compiled, in the order it lists them.</summary>
    public IReadOnlyList<CompiledPolicy> Authorities { get; }

    IReadOnlyList<IPolicyEvaluator> IPolicyEvaluator.Authorities => Authorities;

    /// <summary>The policy's own rules, answering as if it were bound by no one; the same network.</summary>
    public CompiledPolicy WithoutAuthorities() => new(Plan.WithoutAuthorities(), _factory, _fireLimit - 1, []);

    IPolicyEvaluator IPolicyEvaluator.WithoutAuthorities() => WithoutAuthorities();

    /// <remarks>The network settles every decision at once; asking for one costs as much as asking for all.</remarks>
    public Decision Decide(Scenario scenario, DecisionKind decision) => Evaluate(scenario)[decision];

    public Outcome DecideOutcome(Scenario scenario) => Evaluate(scenario).Outcome.Value;

    /// <exception cref="EvaluationException">The network failed on this scenario.</exception>
    public Verdict Evaluate(Scenario scenario)
    {
        var session = _idle.TryTake(out var idle) ? idle : _factory.CreateSession();
        var ledger = new Ledger(scenario);
        try
        {
            session.Insert(ledger);
            var count = session.Fire(_fireLimit);
            if (count >= _fireLimit)
            {
                throw new EvaluationException($"policy `{Policy.Id}` on scenario `{scenario.Id}`: rules kept firing past {_fireLimit} firings");
            }
        }
        catch (RuleExecutionException e)
        {
            // Every failure of a condition or an action is one (RuleExpressionEvaluationException derives from it).
            var where = e is RuleRhsExpressionEvaluationException rhs ? $"rule `{rhs.RuleName}`" : "a rule condition";
            throw new EvaluationException($"policy `{Policy.Id}` on scenario `{scenario.Id}`: {where} failed: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (ledger.Settled.Count != DecisionCount)
        {
            throw new EvaluationException($"policy `{Policy.Id}` on scenario `{scenario.Id}`: {ledger.Settled.Count} decisions were settled instead of {DecisionCount}");
        }

        session.Retract(ledger);
        _idle.Add(session);

        var own = new Verdict(Policy, scenario, ledger.Settled, ledger.Fired);
        return Authorities.Count == 0 ? own : LayerComposition.Apply(own, [.. Authorities.Select(a => a.Evaluate(scenario))]);
    }
}
