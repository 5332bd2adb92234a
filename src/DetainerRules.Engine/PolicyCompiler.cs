using System.Linq.Expressions;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DetainerRules.Engine;

/// <summary>Turns a policy into an NRules rule network: one rule per policy rule, plus one rule per decision that settles it.</summary>
/// <remarks>
/// Salience follows <see cref="RuleStrata"/>: every rule that can set a decision fires before the
/// rule that settles it, and that one before every rule that reads it. Inside a layer, salience
/// follows rule ids, so the order of rules in the file never shows, not even in the firing trace.
/// </remarks>
public static class PolicyCompiler
{
    /// <summary>Prefix of the settling rules' names; policy rule ids cannot contain a colon, so names never clash.</summary>
    public const string SettlePrefix = "settle:";

    private static readonly System.Reflection.MethodInfo ClaimMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Claim))!;
    private static readonly System.Reflection.MethodInfo SettleMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Settle))!;

    /// <summary>Compiles a policy and, through <paramref name="resolveAuthority"/>, the higher authorities it is bound by.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <exception cref="EvaluationException">A network could not be built, or the authorities form a cycle.</exception>
    public static CompiledPolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority) =>
        Compile(policy, resolveAuthority, [], new Dictionary<(string, string), CompiledPolicy>());

    /// <exception cref="EvaluationException">The network could not be built (a defect, since the policy was already checked), or the policy is bound by authorities and no way to load them was given.</exception>
    public static CompiledPolicy Compile(Policy policy) =>
        policy.BoundBy.Count == 0
            ? CompileOwn(policy, [])
            : throw new EvaluationException($"policy `{policy.Id}` is bound by {string.Join(", ", policy.BoundBy)}: compile it with a way to load them");

    /// <param name="compiled">Each policy of the graph compiled so far, by file and id: an authority shared by several policies is compiled once, not once per path to it.</param>
    private static CompiledPolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, List<string> chain, Dictionary<(string File, string Id), CompiledPolicy> compiled)
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

        var authorities = policy.BoundBy.Select(id => Compile(resolveAuthority(policy, id), resolveAuthority, [.. chain, policy.Id], compiled)).ToList();
        return compiled[key] = CompileOwn(policy, authorities);
    }

    private static CompiledPolicy CompileOwn(Policy policy, IReadOnlyList<CompiledPolicy> authorities)
    {
        var strata = RuleStrata.Compute(policy.Rules);
        if (strata.Cycle.Count > 0)
        {
            throw new EvaluationException($"policy `{policy.Id}` has a cycle: {string.Join(" -> ", strata.Cycle)}");
        }

        var ordered = policy.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var kinds = Enum.GetValues<DecisionKind>();
        var stride = ordered.Count + kinds.Length + 1;
        int Salience(int level, int rank) => ((strata.MaxLevel - level) * stride) + (stride - rank);

        var definitions = new List<IRuleDefinition>();
        for (var i = 0; i < ordered.Count; i++)
        {
            definitions.Add(BuildRule(ordered[i], Salience(strata.LevelOf(ordered[i]), i)));
        }

        for (var i = 0; i < kinds.Length; i++)
        {
            definitions.Add(BuildSettle(kinds[i], policy.Defaults[kinds[i]], Salience(strata.LevelOf(kinds[i]), ordered.Count + i)));
        }

        try
        {
            var factory = new RuleCompiler { ExpressionCompiler = InterpretingCompiler.Instance }.Compile(definitions);
            return new CompiledPolicy(policy, factory, ordered.ToDictionary(r => r.Id, StringComparer.Ordinal), definitions.Count, authorities);
        }
        catch (RuleCompilationException e)
        {
            throw new EvaluationException($"policy `{policy.Id}`: rule `{e.RuleName}` could not be compiled: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static IRuleDefinition BuildRule(PolicyRule rule, int salience)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Priority(salience);
        builder.Property("source", rule.Span.ToString());
        var lhs = builder.LeftHandSide();
        var scenarioPattern = lhs.Pattern(typeof(Scenario), "scenario");
        var scenario = scenarioPattern.Declaration.ToParameterExpression();
        var reads = RuleStrata.Reads(rule).Order().ToList();
        var decisionParameters = new Dictionary<DecisionKind, ParameterExpression>();
        PatternBuilder last = scenarioPattern;
        foreach (var kind in reads)
        {
            last = lhs.Pattern(typeof(Decision), "decision_" + Vocabulary.Word(kind));
            var parameter = last.Declaration.ToParameterExpression();
            last.Condition(Expression.Lambda(Expression.Equal(Expression.Property(parameter, nameof(Decision.Kind)), Expression.Constant(kind)), parameter));
            decisionParameters[kind] = parameter;
        }

        var body = new ConditionExpressions(scenario, kind => Expression.Property(decisionParameters[kind], nameof(Decision.Value))).Build(rule.When);
        last.Condition(Expression.Lambda(body, [scenario, .. decisionParameters.Values]));

        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(
            Expression.Lambda(Expression.Call(ClaimMethod, context, Expression.Constant(rule)), context),
            ActionTrigger.Activated);
        return builder.Build();
    }

    private static IRuleDefinition BuildSettle(DecisionKind kind, DefaultDecision fallback, int salience)
    {
        var builder = new RuleBuilder();
        builder.Name(SettlePrefix + Vocabulary.Word(kind));
        builder.Priority(salience);
        var lhs = builder.LeftHandSide();
        var claims = lhs.Pattern(typeof(IEnumerable<Assertion>), "claims");
        var aggregate = claims.Aggregate();
        aggregate.Collect();
        var claim = aggregate.Pattern(typeof(Assertion), "claim");
        var claimParameter = claim.Declaration.ToParameterExpression();
        claim.Condition(Expression.Lambda(Expression.Equal(Expression.Property(claimParameter, nameof(Assertion.Decision)), Expression.Constant(kind)), claimParameter));

        var context = Expression.Parameter(typeof(IContext), "context");
        var claimsParameter = claims.Declaration.ToParameterExpression();
        builder.RightHandSide().Action(
            Expression.Lambda(
                Expression.Call(SettleMethod, context, Expression.Constant(kind), claimsParameter, Expression.Constant(fallback)),
                context,
                claimsParameter),
            ActionTrigger.Activated);
        return builder.Build();
    }
}
