using System.Diagnostics;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>A policy compiled to plain delegates, run step by step: the fast path for bulk work.</summary>
/// <remarks>
/// <para>
/// The same conditions as the rule network (one translation, <see cref="ConditionDelegates"/>),
/// run in the same order (one <see cref="EvaluationPlan"/>), each decision settled (see
/// <see cref="Settlement"/>) once every rule that can set it has run. So it yields the same
/// verdicts, explanations and firing order, which the test suite checks on generated policies over
/// the whole policy language and on every catalog policy, over their scenario spaces and random
/// scenarios. <see cref="Decide(Scenario, DecisionKind)"/> runs only the steps that can change the
/// decision asked for; <see cref="Decide(Scenario, Decision[])"/> settles all decisions without
/// building a verdict, for batch work.
/// </para>
/// <para><threadsafety instance="true"/> An evaluation keeps its state in locals and per-thread buffers.</para>
/// </remarks>
public sealed class DelegatePolicy : IPolicyEvaluator
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();
    private static readonly int DecisionCount = Kinds.Length;

    [ThreadStatic]
    private static (Modality[] Values, ulong[] Fired)? _buffers;

    private readonly Step[] _all;
    private readonly int _firedWords;
    private readonly Step[][] _byDecision;
    private readonly DelegatePolicy[] _authorities;

    private DelegatePolicy(EvaluationPlan plan, DelegatePolicy[] authorities)
    {
        Plan = plan;
        _authorities = authorities;
        var policy = plan.Policy;
        var settlements = Kinds.Select(k => new Settlement(k, plan.Writers(k), policy.Defaults[k])).ToArray();

        // Each decision's fired set is a run of words in one buffer; a rule marks its bit in the run of each decision it sets.
        var firstWord = new int[DecisionCount];
        for (var k = 1; k < DecisionCount; k++)
        {
            firstWord[k] = firstWord[k - 1] + settlements[k - 1].Words;
        }

        _firedWords = firstWord[^1] + settlements[^1].Words;
        var steps = plan.Steps.ToDictionary(s => s, s => s switch
        {
            RuleStep rule => new Step(rule.Rule, ConditionDelegates.Compile(rule.Rule.When),
                [.. rule.Rule.Then.Select(e => Bit(firstWord[(int)e.Decision], IndexOf(plan.Writers(e.Decision), rule.Rule)))], default, 0, null),
            SettleStep settle => new Step(null, null, [], settle.Decision, firstWord[(int)settle.Decision], settlements[(int)settle.Decision]),
            _ => throw new UnreachableException($"the plan has a step of kind {s.GetType().Name}, which the delegate twin does not know"),
        });
        _all = [.. plan.Steps.Select(s => steps[s])];
        _byDecision = [.. Kinds.Select(k => plan.StepsFor(k).Select(s => steps[s]).ToArray())];
    }

    public Policy Policy => Plan.Policy;

    /// <summary>The plan the twin runs; the rule network's salience follows the same one.</summary>
    public EvaluationPlan Plan { get; }

    public IReadOnlyList<IPolicyEvaluator> Authorities => _authorities;

    public IPolicyEvaluator WithoutAuthorities() => _authorities.Length == 0 ? this : new DelegatePolicy(Plan.WithoutAuthorities(), []);

    /// <summary>A policy and the higher authorities it is bound by, compiled straight to delegates, without building a rule network.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy in the graph that names none (<see cref="EvaluationPlan.For(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>).</param>
    /// <exception cref="EvaluationException">The policy has a cycle, or the authorities bind each other in one.</exception>
    public static DelegatePolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, Model.Time.JurisdictionTime? bookings = null) => Compile(EvaluationPlan.For(policy, resolveAuthority, bookings));

    /// <summary>A policy compiled to delegates over its authorities compiled elsewhere, so an authority compiled once serves every policy bound by it (and is asked once where answers are kept by object).</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <param name="composedAuthority">The twin of an authority <paramref name="resolveAuthority"/> returned, with its own authorities, composed with the same resolver and bookings.</param>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>), as for <see cref="Compile(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>.</param>
    /// <exception cref="EvaluationException">What that refuses, in the same order: the whole graph is planned first, so a cycle is refused before any authority is composed.</exception>
    public static DelegatePolicy Compose(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, DelegatePolicy> composedAuthority, Model.Time.JurisdictionTime? bookings = null)
    {
        var plan = EvaluationPlan.For(policy, resolveAuthority, bookings);
        DelegatePolicy[] authorities = [.. policy.BoundBy.Select(id => composedAuthority(resolveAuthority(policy, id)))];
        return new DelegatePolicy(plan.Over([.. authorities.Select(a => a.Plan)]), authorities);
    }

    /// <summary>A plan, and the plans of its authorities, compiled to delegates.</summary>
    public static DelegatePolicy Compile(EvaluationPlan plan) => Compile(plan, new Dictionary<EvaluationPlan, DelegatePolicy>(ReferenceEqualityComparer.Instance));

    /// <param name="compiled">Plans compiled so far: an authority shared by several policies of the graph is one plan, compiled once.</param>
    private static DelegatePolicy Compile(EvaluationPlan plan, Dictionary<EvaluationPlan, DelegatePolicy> compiled)
    {
        if (!compiled.TryGetValue(plan, out var twin))
        {
            twin = new DelegatePolicy(plan, [.. plan.Authorities.Select(a => Compile(a, compiled))]);
            compiled[plan] = twin;
        }

        return twin;
    }

    /// <summary>The delegate twin of a compiled rule network, authorities included: the same plan, compiled to delegates.</summary>
    public static DelegatePolicy From(CompiledPolicy network) => Compile(network.Plan);

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
        if (_authorities.Length == 0)
        {
            return own;
        }

        var theirs = new Decision[_authorities.Length];
        for (var a = 0; a < theirs.Length; a++)
        {
            theirs[a] = _authorities[a].Decide(scenario, decision);
        }

        return LayerComposition.InForce(own, theirs);
    }

    /// <remarks>The outcome's decisions settled without building a verdict (or, for a policy bound by others, its layers' verdicts): the same rules run, in the same order, as <see cref="Evaluate"/> runs them.</remarks>
    public Outcome DecideOutcome(Scenario scenario)
    {
        var decisions = new Decision[DecisionCount];
        Decide(scenario, decisions);
        return OutcomeRule.Of(scenario, decisions);
    }

    /// <summary>Settles every decision into <paramref name="decisions"/> (indexed by <see cref="DecisionKind"/>), authorities applied, without building a verdict.</summary>
    public void Decide(Scenario scenario, Decision[] decisions)
    {
        Run(scenario, _all, _firedWords, decisions, null);
        if (_authorities.Length == 0)
        {
            return;
        }

        var theirs = new Decision[_authorities.Length][];
        for (var a = 0; a < theirs.Length; a++)
        {
            theirs[a] = new Decision[DecisionCount];
            _authorities[a].Decide(scenario, theirs[a]);
        }

        // Each kind's decisions across the authorities, in the order the policy lists them.
        var column = new Decision[theirs.Length];
        for (var k = 0; k < DecisionCount; k++)
        {
            for (var a = 0; a < column.Length; a++)
            {
                column[a] = theirs[a][k];
            }

            decisions[k] = LayerComposition.InForce(decisions[k], column);
        }
    }

    private static (int Word, ulong Bit) Bit(int firstWord, int index) => (firstWord + (index >> 6), 1UL << (index & 63));

    private static int IndexOf(IReadOnlyList<PolicyRule> writers, PolicyRule rule)
    {
        for (var i = 0; i < writers.Count; i++)
        {
            if (ReferenceEquals(writers[i], rule))
            {
                return i;
            }
        }

        throw new UnreachableException($"rule `{rule.Id}` sets a decision the plan does not list it as setting");
    }

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

    /// <summary>A plan step, compiled: test a rule and mark the decisions it sets, or settle a decision.</summary>
    private sealed record Step(PolicyRule? Rule, Func<Scenario, Modality[], bool>? When, (int Word, ulong Bit)[] Sets, DecisionKind Decision, int FirstWord, Settlement? Settlement);
}
