using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>A policy compiled to plain delegates, run layer by layer: the fast path for bulk work.</summary>
/// <remarks>
/// <para>
/// The same conditions as the rule network (one translation, <see cref="ConditionDelegates"/>),
/// run in the order the network's salience imposes: layer by layer as <see cref="RuleStrata"/>
/// sets them, rules in id order within a layer, each decision settled by
/// <see cref="DecisionResolver"/> once every rule that can set it has run. So it yields the same
/// verdicts, explanations and firing order, which the test suite checks over the whole scenario
/// space of every catalog policy and over random scenarios. <see cref="Decide"/> runs only the
/// rules that can change the decision asked for.
/// </para>
/// <para><threadsafety instance="true"/> An evaluation keeps its state in locals.</para>
/// </remarks>
public sealed class DelegatePolicy : IPolicyEvaluator
{
    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    private readonly Step[] _all;
    private readonly Step[][] _byDecision;
    private readonly DelegatePolicy[] _authorities;

    private DelegatePolicy(Policy policy, DelegatePolicy[] authorities)
    {
        Policy = policy;
        _authorities = authorities;
        var strata = RuleStrata.Compute(policy.Rules);
        if (strata.Cycle.Count > 0)
        {
            throw new EvaluationException($"policy `{policy.Id}` has a cycle: {string.Join(" -> ", strata.Cycle)}");
        }

        var rules = policy.Rules.Select(r => new Step(strata.LevelOf(r), 0, r.Id, r, ConditionDelegates.Compile(r.When), null, null));
        var settles = Enum.GetValues<DecisionKind>().Select(k => new Step(strata.LevelOf(k), 1, string.Empty, null, null, k, policy.Defaults[k]));
        _all = [.. rules.Concat(settles).OrderBy(s => s.Level).ThenBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Decision)];
        _byDecision = [.. Enum.GetValues<DecisionKind>().Select(k =>
        {
            var (coneRules, coneDecisions) = RuleStrata.Cone(policy.Rules, [k]);
            return _all.Where(s => s.Rule is { } r ? coneRules.Contains(r) : coneDecisions.Contains(s.Decision!.Value)).ToArray();
        })];
    }

    public Policy Policy { get; }

    public IReadOnlyList<IPolicyEvaluator> Authorities => _authorities;

    public IPolicyEvaluator WithoutAuthorities() => _authorities.Length == 0 ? this : new DelegatePolicy(Policy, []);

    /// <summary>The delegate twin of a compiled rule network, authorities included.</summary>
    public static DelegatePolicy From(CompiledPolicy network) =>
        new(network.Policy, [.. network.Authorities.Select(From)]);

    public Verdict Evaluate(Scenario scenario)
    {
        var (decisions, fired) = Run(scenario, _all, recordFirings: true);
        var own = new Verdict(Policy, scenario, decisions.Where(d => d is not null).Select(d => d!).ToList(), fired);
        return _authorities.Length == 0 ? own : LayerComposition.Apply(own, [.. _authorities.Select(a => a.Evaluate(scenario))]);
    }

    public Decision Decide(Scenario scenario, DecisionKind decision)
    {
        var own = Run(scenario, _byDecision[(int)decision], recordFirings: false).Decisions[(int)decision]!;
        return _authorities.Length == 0
            ? own
            : LayerComposition.Compose(Policy.Id, own, [.. _authorities.Select(a => (a.Policy.Id, a.Decide(scenario, decision)))]).Decision;
    }

    private static (Decision?[] Decisions, List<PolicyRule> Fired) Run(Scenario scenario, Step[] steps, bool recordFirings)
    {
        var values = new Modality[DecisionCount];
        var settled = new Decision?[DecisionCount];
        var claims = new List<Assertion>();
        var fired = new List<PolicyRule>();
        try
        {
            foreach (var step in steps)
            {
                if (step.Rule is { } rule)
                {
                    if (step.When!(scenario, values))
                    {
                        if (recordFirings)
                        {
                            fired.Add(rule);
                        }

                        claims.AddRange(rule.Then.Select(e => new Assertion(rule, e)));
                    }
                }
                else
                {
                    var kind = step.Decision!.Value;
                    var decision = DecisionResolver.Resolve(kind, claims, step.Default!);
                    settled[(int)kind] = decision;
                    values[(int)kind] = decision.Value;
                }
            }
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or InvalidOperationException)
        {
            throw new EvaluationException($"scenario `{scenario.Id}`: a rule condition failed: {e.Message}", e);
        }

        return (settled, fired);
    }

    /// <summary>One thing to do in order: test a rule (Order 0), or settle a decision (Order 1).</summary>
    private sealed record Step(int Level, int Order, string Id, PolicyRule? Rule, Func<Scenario, Modality[], bool>? When, DecisionKind? Decision, DefaultDecision? Default);
}
