using System.Diagnostics;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Engine;

/// <summary>The order in which a policy's rules are tested and its decisions settled, and the plans of the authorities it is bound by: what both engines run.</summary>
/// <remarks>
/// <para>
/// Layer by layer as <see cref="RuleStrata"/> sets them, so a rule that reads a decision runs after
/// every rule that can set it and after the decision is settled; inside a layer, the rules in id
/// order, then the decisions the layer settles in the order of <see cref="DecisionKind"/>. The rule
/// network gives each step a salience from its place, the delegate twin runs the steps in order: so
/// both fire the same rules in the same order, and neither depends on the order of rules in the file.
/// </para>
/// <para>
/// The plan is where the policy is refused for a cycle, in its rules or among the authorities that
/// bind it, with the same message whichever engine asked.
/// </para>
/// </remarks>
public sealed class EvaluationPlan
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    private readonly IReadOnlyList<PolicyRule>[] _writers;
    private readonly IReadOnlyList<PlanStep>[] _cones;

    private EvaluationPlan(Policy policy, IReadOnlyList<PlanStep> steps, IReadOnlyList<PolicyRule>[] writers, IReadOnlyList<PlanStep>[] cones, IReadOnlyList<EvaluationPlan> authorities)
    {
        Policy = policy;
        Steps = steps;
        _writers = writers;
        _cones = cones;
        Authorities = authorities;
    }

    public Policy Policy { get; }

    /// <summary>Every step, in the order both engines take them.</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>The plans of the higher authorities the policy is bound by, in the order it lists them.</summary>
    public IReadOnlyList<EvaluationPlan> Authorities { get; }

    /// <summary>A plan for a policy bound by no authority.</summary>
    /// <exception cref="EvaluationException">The rules read and set decisions in a cycle, or the policy is bound by authorities and no way to load them was given.</exception>
    public static EvaluationPlan For(Policy policy) =>
        policy.BoundBy.Count == 0
            ? Build(policy, [])
            : throw new EvaluationException($"policy `{policy.Id}` is bound by {string.Join(", ", policy.BoundBy)}: compile it with a way to load them");

    /// <summary>A plan for a policy and, through <paramref name="resolveAuthority"/>, the higher authorities it is bound by.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): every policy of the graph that names no zone is planned as <see cref="Policy.ForBookingsIn"/> that zone; null keeps each as written.</param>
    /// <exception cref="EvaluationException">A policy's rules read and set decisions in a cycle, or the authorities bind each other in one.</exception>
    public static EvaluationPlan For(Policy policy, Func<Policy, string, Policy> resolveAuthority, JurisdictionTime? bookings = null) => For(policy, resolveAuthority, bookings, [], []);

    /// <summary>The rules that can set <paramref name="decision"/>, in id order: the order their claims are numbered in.</summary>
    public IReadOnlyList<PolicyRule> Writers(DecisionKind decision) => _writers[(int)decision];

    /// <summary>The steps that can change <paramref name="decision"/>, in order: its writers, the rules that set what they read, and so on, with the decisions they settle.</summary>
    public IReadOnlyList<PlanStep> StepsFor(DecisionKind decision) => _cones[(int)decision];

    /// <summary>The same plan over the given plans of its authorities, in place of those it made: the plans of authorities compiled once elsewhere and shared by every policy bound by them.</summary>
    /// <exception cref="ArgumentException">The plans are not of this plan's authorities (the same files and ids), in its order.</exception>
    public EvaluationPlan Over(IReadOnlyList<EvaluationPlan> authorities)
    {
        if (authorities.Count != Authorities.Count)
        {
            throw new ArgumentException($"policy `{Policy.Id}` is bound by {Authorities.Count} authorities, not {authorities.Count}", nameof(authorities));
        }

        for (var i = 0; i < authorities.Count; i++)
        {
            var (given, planned) = (authorities[i].Policy, Authorities[i].Policy);
            if (given.Id != planned.Id || given.Span.File != planned.Span.File)
            {
                throw new ArgumentException($"policy `{Policy.Id}`'s authority {i + 1} is `{planned.Id}` ({planned.Span.File}), not `{given.Id}` ({given.Span.File})", nameof(authorities));
            }
        }

        return new(Policy, Steps, _writers, _cones, authorities);
    }

    /// <summary>The same plan for the policy's own rules, bound by no one.</summary>
    public EvaluationPlan WithoutAuthorities() => Authorities.Count == 0 ? this : new(Policy, Steps, _writers, _cones, []);

    /// <param name="planned">Each policy of the graph planned so far, by file and id: an authority shared by several policies is planned (and so compiled) once, not once per path to it.</param>
    /// <remarks>Authorities are resolved from the policy as loaded, and only the plan's own copy is localized, so a resolver that knows policies by reference still knows them.</remarks>
    private static EvaluationPlan For(Policy policy, Func<Policy, string, Policy> resolveAuthority, JurisdictionTime? bookings, List<string> chain, Dictionary<(string File, string Id), EvaluationPlan> planned)
    {
        if (chain.Contains(policy.Id))
        {
            throw new EvaluationException($"policies are bound by each other in a cycle: {string.Join(" -> ", chain.Append(policy.Id))}");
        }

        var key = (policy.Span.File, policy.Id);
        if (planned.TryGetValue(key, out var done))
        {
            return done;
        }

        return planned[key] = Build(policy.ForBookingsIn(bookings), [.. policy.BoundBy.Select(id => For(resolveAuthority(policy, id), resolveAuthority, bookings, [.. chain, policy.Id], planned))]);
    }

    private static EvaluationPlan Build(Policy policy, IReadOnlyList<EvaluationPlan> authorities)
    {
        var strata = RuleStrata.Compute(policy.Rules);
        if (strata.Cycle.Count > 0)
        {
            throw new EvaluationException($"policy `{policy.Id}` has a cycle: {string.Join(" -> ", strata.Cycle)}");
        }

        var rules = policy.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

        // Layer by layer; inside a layer the rules in id order, then the decisions in theirs. Built with loops over the
        // decisions, not queries over them (or over tuples of a layer and a step): the framework's queries over a value
        // type are compiled the first time they run, at every cold start.
        var deepest = 0;
        foreach (var rule in rules)
        {
            deepest = Math.Max(deepest, strata.LevelOf(rule));
        }

        foreach (var kind in Kinds)
        {
            deepest = Math.Max(deepest, strata.LevelOf(kind));
        }

        var steps = new List<PlanStep>();
        for (var level = 0; level <= deepest; level++)
        {
            steps.AddRange(rules.Where(r => strata.LevelOf(r) == level).Select(r => new RuleStep(r)));
            foreach (var kind in Kinds)
            {
                if (strata.LevelOf(kind) == level)
                {
                    steps.Add(new SettleStep(kind));
                }
            }
        }

        var writers = new IReadOnlyList<PolicyRule>[Kinds.Length];
        var cones = new IReadOnlyList<PlanStep>[Kinds.Length];
        foreach (var kind in Kinds)
        {
            writers[(int)kind] = [.. rules.Where(r => r.Then.Any(e => e.Decision == kind))];
            var cone = RuleStrata.Cone(policy.Rules, [kind]);
            var inCone = new HashSet<PolicyRule>(cone.Rules, ReferenceEqualityComparer.Instance);
            cones[(int)kind] = [.. steps.Where(s => s switch
            {
                RuleStep rule => inCone.Contains(rule.Rule),
                SettleStep settle => cone.Involves(settle.Decision),
                _ => throw new UnreachableException($"a plan has no step of kind {s.GetType().Name}"),
            })];
        }

        return new EvaluationPlan(policy, steps, writers, cones, authorities);
    }
}
