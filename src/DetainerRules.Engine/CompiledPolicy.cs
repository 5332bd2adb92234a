using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using NRules;

namespace DetainerRules.Engine;

/// <summary>A policy compiled once into a rule network, evaluated against any number of scenarios.</summary>
/// <remarks><threadsafety instance="true"/> Each evaluation uses a session of its own; the factory is shared.</remarks>
public sealed class CompiledPolicy : IPolicyEvaluator
{
    private readonly ISessionFactory _factory;
    private readonly IReadOnlyDictionary<string, PolicyRule> _rules;
    private readonly int _fireLimit;

    internal CompiledPolicy(EvaluationPlan plan, ISessionFactory factory, IReadOnlyDictionary<string, PolicyRule> rules, int networkRules, IReadOnlyList<CompiledPolicy> authorities)
    {
        Plan = plan;
        Authorities = authorities;
        _factory = factory;
        _rules = rules;

        // Each rule can fire at most once per scenario; anything beyond that is a runaway chain.
        _fireLimit = networkRules + 1;
    }

    public Policy Policy => Plan.Policy;

    /// <summary>The plan the network's salience follows; the delegate twin runs the same one.</summary>
    public EvaluationPlan Plan { get; }

    /// <summary>The higher authorities this policy is bound by, compiled, in the order it lists them.</summary>
    public IReadOnlyList<CompiledPolicy> Authorities { get; }

    IReadOnlyList<IPolicyEvaluator> IPolicyEvaluator.Authorities => Authorities;

    /// <summary>The policy's own rules, answering as if it were bound by no one; the same network.</summary>
    public CompiledPolicy WithoutAuthorities() => new(Plan.WithoutAuthorities(), _factory, _rules, _fireLimit - 1, []);

    IPolicyEvaluator IPolicyEvaluator.WithoutAuthorities() => WithoutAuthorities();

    /// <remarks>The network settles every decision at once; asking for one costs as much as asking for all.</remarks>
    public Decision Decide(Scenario scenario, DecisionKind decision) => Evaluate(scenario)[decision];

    /// <exception cref="EvaluationException">The network failed on this scenario.</exception>
    public Verdict Evaluate(Scenario scenario)
    {
        var session = _factory.CreateSession();
        var fired = new List<PolicyRule>();
        session.Events.RuleFiredEvent += (_, e) =>
        {
            if (_rules.TryGetValue(e.Rule.Name, out var rule))
            {
                fired.Add(rule);
            }
        };

        try
        {
            session.Insert(scenario);
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

        var decisions = session.Query<Decision>().ToList();
        if (decisions.Count != Enum.GetValues<DecisionKind>().Length)
        {
            throw new EvaluationException($"policy `{Policy.Id}` on scenario `{scenario.Id}`: {decisions.Count} decisions were settled instead of {Enum.GetValues<DecisionKind>().Length}");
        }

        var own = new Verdict(Policy, scenario, decisions, fired);
        return Authorities.Count == 0 ? own : LayerComposition.Apply(own, [.. Authorities.Select(a => a.Evaluate(scenario))]);
    }
}
