using System.Diagnostics;
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
/// Salience follows the <see cref="EvaluationPlan"/>, the delegate twin's order too: each step's
/// salience is higher than every later step's, so every rule that can set a decision fires before
/// the rule that settles it, and that one before every rule that reads it, and the order of rules
/// in the file never shows, not even in the firing trace.
/// </remarks>
public static class PolicyCompiler
{
    /// <summary>Prefix of the settling rules' names; policy rule ids cannot contain a colon, so names never clash.</summary>
    public const string SettlePrefix = "settle:";

    private static readonly System.Reflection.MethodInfo ClaimMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Claim))!;
    private static readonly System.Reflection.MethodInfo SettleMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Settle))!;

    /// <summary>Compiles a policy and, through <paramref name="resolveAuthority"/>, the higher authorities it is bound by.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <exception cref="EvaluationException">A network could not be built, or the policies have a cycle (see <see cref="EvaluationPlan"/>).</exception>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy in the graph that names none (<see cref="EvaluationPlan.For(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>).</param>
    public static CompiledPolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, Model.Time.JurisdictionTime? bookings = null) =>
        Compile(EvaluationPlan.For(policy, resolveAuthority, bookings));

    /// <exception cref="EvaluationException">The network could not be built (a defect, since the policy was already checked), or the policy is bound by authorities and no way to load them was given.</exception>
    public static CompiledPolicy Compile(Policy policy) => Compile(EvaluationPlan.For(policy));

    /// <summary>Compiles a plan, and the plans of its authorities, into rule networks.</summary>
    /// <exception cref="EvaluationException">A network could not be built.</exception>
    public static CompiledPolicy Compile(EvaluationPlan plan) => Compile(plan, new Dictionary<EvaluationPlan, CompiledPolicy>(ReferenceEqualityComparer.Instance));

    /// <param name="compiled">Plans compiled so far: an authority shared by several policies of the graph is one plan, compiled once.</param>
    private static CompiledPolicy Compile(EvaluationPlan plan, Dictionary<EvaluationPlan, CompiledPolicy> compiled)
    {
        if (compiled.TryGetValue(plan, out var done))
        {
            return done;
        }

        var authorities = plan.Authorities.Select(a => Compile(a, compiled)).ToList();
        var policy = plan.Policy;
        var definitions = plan.Steps.Select((step, place) =>
        {
            var salience = plan.Steps.Count - place;
            return step switch
            {
                RuleStep rule => BuildRule(rule.Rule, salience),
                SettleStep settle => BuildSettle(settle.Decision, policy.Defaults[settle.Decision], salience),
                _ => throw new UnreachableException($"the plan has a step of kind {step.GetType().Name}, which the compiler does not know"),
            };
        }).ToList();

        try
        {
            var factory = new RuleCompiler { ExpressionCompiler = InterpretingCompiler.Instance }.Compile(definitions);
            return compiled[plan] = new CompiledPolicy(plan, factory, policy.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal), definitions.Count, authorities);
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
