using System.Linq.Expressions;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using NRules;
using NRules.Extensibility;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>
/// The rule network as the engine built it until 2 December 2026: the baseline for the reference
/// engine's speed (issue 18 asked for 5x), kept so the ratio is measured in every run.
/// </summary>
/// <remarks>
/// The same plan, conditions (<see cref="ConditionExpressions"/>, interpreted) and salience as
/// <see cref="PolicyCompiler"/>, but each rule's claims inserted as linked facts and each decision
/// settled by a rule of its own that collects its claims with an aggregate, the scenario inserted
/// alone into a new session per evaluation, and the firing trace taken from the session's events.
/// Only for policies bound by no authority. Setup checks it answers as the engine does.
/// </remarks>
public sealed class AggregateSettledNetwork
{
    private static readonly System.Reflection.MethodInfo ClaimMethod = typeof(AggregateSettledNetwork).GetMethod(nameof(Claim))!;
    private static readonly System.Reflection.MethodInfo SettleMethod = typeof(AggregateSettledNetwork).GetMethod(nameof(Settle))!;

    private readonly Policy _policy;
    private readonly ISessionFactory _factory;
    private readonly Dictionary<string, PolicyRule> _rules;

    private AggregateSettledNetwork(Policy policy, ISessionFactory factory)
    {
        _policy = policy;
        _factory = factory;
        _rules = policy.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static AggregateSettledNetwork Compile(EvaluationPlan plan)
    {
        if (plan.Authorities.Count > 0)
        {
            throw new InvalidOperationException($"{plan.Policy.Id} is bound by authorities; the baseline does not layer them");
        }

        var definitions = plan.Steps.Select((step, place) =>
        {
            var salience = plan.Steps.Count - place;
            return step switch
            {
                RuleStep rule => BuildRule(rule.Rule, salience),
                SettleStep settle => BuildSettle(settle.Decision, plan.Policy.Defaults[settle.Decision], salience),
                _ => throw new InvalidOperationException($"a plan step of kind {step.GetType().Name}"),
            };
        }).ToList();
        return new AggregateSettledNetwork(plan.Policy, new RuleCompiler { ExpressionCompiler = new Interpreting() }.Compile(definitions));
    }

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
        session.Insert(scenario);
        session.Fire();
        return new Verdict(_policy, scenario, session.Query<Decision>().ToList(), fired);
    }

    public static void Claim(IContext context, PolicyRule rule)
    {
        foreach (var effect in rule.Then)
        {
            context.InsertLinked(effect.Decision, new Assertion(rule, effect));
        }
    }

    public static void Settle(IContext context, DecisionKind kind, IEnumerable<Assertion> claims, DefaultDecision fallback) =>
        context.InsertLinked(kind, DecisionResolver.Resolve(kind, claims, fallback));

    private static IRuleDefinition BuildRule(PolicyRule rule, int salience)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Priority(salience);
        var lhs = builder.LeftHandSide();
        var scenarioPattern = lhs.Pattern(typeof(Scenario), "scenario");
        var scenario = scenarioPattern.Declaration.ToParameterExpression();
        var decisionParameters = new Dictionary<DecisionKind, ParameterExpression>();
        PatternBuilder last = scenarioPattern;
        foreach (var kind in RuleStrata.Reads(rule).Order())
        {
            last = lhs.Pattern(typeof(Decision), "decision_" + Vocabulary.Word(kind));
            var parameter = last.Declaration.ToParameterExpression();
            last.Condition(Expression.Lambda(Expression.Equal(Expression.Property(parameter, nameof(Decision.Kind)), Expression.Constant(kind)), parameter));
            decisionParameters[kind] = parameter;
        }

        var body = new ConditionExpressions(scenario, kind => Expression.Property(decisionParameters[kind], nameof(Decision.Value))).Build(rule.When);
        last.Condition(Expression.Lambda(body, [scenario, .. decisionParameters.Values]));
        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Call(ClaimMethod, context, Expression.Constant(rule)), context), ActionTrigger.Activated);
        return builder.Build();
    }

    private static IRuleDefinition BuildSettle(DecisionKind kind, DefaultDecision fallback, int salience)
    {
        var builder = new RuleBuilder();
        builder.Name("settle:" + Vocabulary.Word(kind));
        builder.Priority(salience);
        var claims = builder.LeftHandSide().Pattern(typeof(IEnumerable<Assertion>), "claims");
        var aggregate = claims.Aggregate();
        aggregate.Collect();
        var claim = aggregate.Pattern(typeof(Assertion), "claim");
        var claimParameter = claim.Declaration.ToParameterExpression();
        claim.Condition(Expression.Lambda(Expression.Equal(Expression.Property(claimParameter, nameof(Assertion.Decision)), Expression.Constant(kind)), claimParameter));
        var context = Expression.Parameter(typeof(IContext), "context");
        var claimsParameter = claims.Declaration.ToParameterExpression();
        builder.RightHandSide().Action(
            Expression.Lambda(Expression.Call(SettleMethod, context, Expression.Constant(kind), claimsParameter, Expression.Constant(fallback)), context, claimsParameter),
            ActionTrigger.Activated);
        return builder.Build();
    }

    private sealed class Interpreting : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
    }
}
