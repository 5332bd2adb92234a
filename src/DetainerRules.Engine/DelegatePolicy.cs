using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>A policy compiled to plain delegates, run layer by layer: the fast path for bulk work.</summary>
/// <remarks>
/// <para>
/// The same conditions as the rule network (one translation, <see cref="ConditionDelegates"/>),
/// run in the order the network's salience imposes: layer by layer as <see cref="RuleStrata"/>
/// sets them, rules in id order within a layer, each decision settled (see <see cref="Settlement"/>)
/// once every rule that can set it has run. So it yields the same verdicts, explanations and
/// firing order, which the test suite checks over the whole scenario space of every catalog policy
/// and over random scenarios. <see cref="Decide(Scenario, DecisionKind)"/> runs only the rules that
/// can change the decision asked for; <see cref="Decide(Scenario, Decision[])"/> settles all
/// decisions without building a verdict, for batch work.
/// </para>
/// <para><threadsafety instance="true"/> An evaluation keeps its state in locals and per-thread buffers.</para>
/// </remarks>
public sealed class DelegatePolicy : IPolicyEvaluator
{
    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    [ThreadStatic]
    private static (Modality[] Values, ulong[] Fired)? _buffers;

    private readonly Step[] _all;
    private readonly int _firedWords;
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

        var ordered = policy.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var writers = Enum.GetValues<DecisionKind>().Select(k => ordered.Where(r => r.Then.Any(e => e.Decision == k)).ToList()).ToArray();
        var settlements = Enum.GetValues<DecisionKind>().Select(k => new Settlement(k, writers[(int)k], policy.Defaults[k])).ToArray();

        // Each decision's fired set is a run of words in one buffer; a rule marks its bit in the run of each decision it sets.
        var firstWord = new int[DecisionCount];
        for (var k = 1; k < DecisionCount; k++)
        {
            firstWord[k] = firstWord[k - 1] + settlements[k - 1].Words;
        }

        _firedWords = firstWord[^1] + settlements[^1].Words;
        var rules = ordered.Select(r => new Step(
            strata.LevelOf(r), 0, r, ConditionDelegates.Compile(r.When),
            [.. r.Then.Select(e => Bit(firstWord[(int)e.Decision], writers[(int)e.Decision].IndexOf(r)))], default, 0, null));
        var settles = Enum.GetValues<DecisionKind>().Select(k => new Step(
            strata.LevelOf(k), 1, null, null, [], k, firstWord[(int)k], settlements[(int)k]));
        _all = [.. rules.Concat(settles).OrderBy(s => s.Level).ThenBy(s => s.Order).ThenBy(s => s.Rule?.Id, StringComparer.Ordinal).ThenBy(s => s.Decision)];
        _byDecision = [.. Enum.GetValues<DecisionKind>().Select(k =>
        {
            var (coneRules, coneDecisions) = RuleStrata.Cone(policy.Rules, [k]);
            return _all.Where(s => s.Rule is { } r ? coneRules.Contains(r) : coneDecisions.Contains(s.Decision)).ToArray();
        })];
    }

    public Policy Policy { get; }

    /// <param name="compiled">Each policy of the graph compiled so far, by file and id, so a shared authority is compiled once.</param>
    private static DelegatePolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, List<string> chain, Dictionary<(string File, string Id), DelegatePolicy> compiled)
    {
        if (chain.Contains(policy.Id))
        {
            throw new EvaluationException($"policies are bound by each other in a cycle: {string.Join(" -> ", chain.Append(policy.Id))}");
        }

        var key = (policy.Span.File, policy.Id);
        if (compiled.TryGetValue(key, out var done))
        {
            return done;
        }

        return compiled[key] = new DelegatePolicy(policy, [.. policy.BoundBy.Select(id => Compile(resolveAuthority(policy, id), resolveAuthority, [.. chain, policy.Id], compiled))]);
    }

    public IReadOnlyList<IPolicyEvaluator> Authorities => _authorities;

    public IPolicyEvaluator WithoutAuthorities() => _authorities.Length == 0 ? this : new DelegatePolicy(Policy, []);

    /// <summary>A policy and the higher authorities it is bound by, compiled straight to delegates, without building a rule network.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <exception cref="EvaluationException">The policy has a cycle, or the authorities bind each other in one.</exception>
    public static DelegatePolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority) => Compile(policy, resolveAuthority, [], []);

    /// <summary>The delegate twin of a compiled rule network, authorities included.</summary>
    public static DelegatePolicy From(CompiledPolicy network) => From(network, new Dictionary<CompiledPolicy, DelegatePolicy>(ReferenceEqualityComparer.Instance));

    /// <param name="twins">Networks already twinned: an authority the network shares between layers is twinned once.</param>
    private static DelegatePolicy From(CompiledPolicy network, Dictionary<CompiledPolicy, DelegatePolicy> twins)
    {
        if (!twins.TryGetValue(network, out var twin))
        {
            twin = new DelegatePolicy(network.Policy, [.. network.Authorities.Select(a => From(a, twins))]);
            twins[network] = twin;
        }

        return twin;
    }

    public Verdict Evaluate(Scenario scenario)
    {
        var decisions = new Decision[DecisionCount];
        var fired = new List<PolicyRule>();
        Run(scenario, _all, _firedWords, decisions, fired);
        var own = new Verdict(Policy, scenario, decisions, fired);
        return _authorities.Length == 0 ? own : LayerComposition.Apply(own, [.. _authorities.Select(a => a.Evaluate(scenario))]);
    }

    public Decision Decide(Scenario scenario, DecisionKind decision)
    {
        var decisions = new Decision[DecisionCount];
        Run(scenario, _byDecision[(int)decision], _firedWords, decisions, null);
        var own = decisions[(int)decision];
        return _authorities.Length == 0
            ? own
            : LayerComposition.Compose(Policy.Id, own, [.. _authorities.Select(a => (a.Policy.Id, a.Decide(scenario, decision)))]).Decision;
    }

    /// <summary>Settles every decision into <paramref name="decisions"/> (indexed by <see cref="DecisionKind"/>), authorities applied, without building a verdict.</summary>
    public void Decide(Scenario scenario, Decision[] decisions)
    {
        Run(scenario, _all, _firedWords, decisions, null);
        if (_authorities.Length == 0)
        {
            return;
        }

        var theirs = _authorities.Select(a =>
        {
            var d = new Decision[DecisionCount];
            a.Decide(scenario, d);
            return (a.Policy.Id, Decisions: d);
        }).ToList();
        for (var k = 0; k < DecisionCount; k++)
        {
            decisions[k] = LayerComposition.Compose(Policy.Id, decisions[k], [.. theirs.Select(t => (t.Id, t.Decisions[k]))]).Decision;
        }
    }

    private static (int Word, ulong Bit) Bit(int firstWord, int index) => (firstWord + (index >> 6), 1UL << (index & 63));

    private static void Run(Scenario scenario, Step[] steps, int firedWords, Decision[] settled, List<PolicyRule>? fired)
    {
        var (values, firedSets) = _buffers ??= (new Modality[DecisionCount], new ulong[DecisionCount]);
        if (firedSets.Length < firedWords)
        {
            firedSets = new ulong[firedWords];
            _buffers = (values, firedSets);
        }

        Array.Clear(values);
        Array.Clear(firedSets, 0, firedWords);
        try
        {
            foreach (var step in steps)
            {
                if (step.Rule is { } rule)
                {
                    if (step.When!(scenario, values))
                    {
                        fired?.Add(rule);
                        foreach (var (word, bit) in step.Sets)
                        {
                            firedSets[word] |= bit;
                        }
                    }
                }
                else
                {
                    var kind = (int)step.Decision;
                    var decision = step.Settlement!.Settle(firedSets.AsSpan(step.FirstWord, step.Settlement.Words));
                    settled[kind] = decision;
                    values[kind] = decision.Value;
                }
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or EvaluationException))
        {
            // The rule network wraps every failure of a condition; so does its twin.
            throw new EvaluationException($"scenario `{scenario.Id}`: a rule condition failed: {e.Message}", e);
        }
    }

    /// <summary>One thing to do in order: test a rule and mark the decisions it sets (Order 0), or settle a decision (Order 1).</summary>
    private sealed record Step(int Level, int Order, PolicyRule? Rule, Func<Scenario, Modality[], bool>? When, (int Word, ulong Bit)[] Sets, DecisionKind Decision, int FirstWord, Settlement? Settlement);
}
