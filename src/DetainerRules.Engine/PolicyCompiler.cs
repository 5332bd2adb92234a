using System.Diagnostics;
using System.Linq.Expressions;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DetainerRules.Engine;

/// <summary>Turns a policy into an NRules rule network: one rule per policy rule, plus a rule for each run of decisions the plan settles together.</summary>
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

    /// <summary>The declaration of the one fact an evaluation inserts (<see cref="Ledger"/>); the others are <c>decision_*</c>.</summary>
    private const string LedgerName = "ledger";

    private static readonly System.Reflection.MethodInfo ClaimMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Claim))!;
    private static readonly System.Reflection.MethodInfo SettleMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Settle))!;
    private static readonly System.Reflection.MethodInfo SettleReadMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.SettleRead))!;

    /// <summary>Compiles a policy and, through <paramref name="resolveAuthority"/>, the higher authorities it is bound by.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <exception cref="EvaluationException">A network could not be built, or the policies have a cycle (see <see cref="EvaluationPlan"/>).</exception>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy in the graph that names none (<see cref="EvaluationPlan.For(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>).</param>
    public static CompiledPolicy Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, Model.Time.JurisdictionTime? bookings = null) =>
        Compile(EvaluationPlan.For(policy, resolveAuthority, bookings));

    /// <summary>As <see cref="Compile(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>, with the network's expressions compiled to IL: for many scenarios on the reference engine.</summary>
    /// <exception cref="EvaluationException">A network could not be built, or the policies have a cycle (see <see cref="EvaluationPlan"/>).</exception>
    public static CompiledPolicy CompileForBulk(Policy policy, Func<Policy, string, Policy> resolveAuthority, Model.Time.JurisdictionTime? bookings = null) =>
        Compile(EvaluationPlan.For(policy, resolveAuthority, bookings), NetworkExpressions.Compiled);

    /// <summary>Compiles a policy's rule network over its authorities compiled elsewhere, so an authority compiled once serves every policy bound by it.</summary>
    /// <param name="resolveAuthority">Loads a policy named in another's <c>bound_by</c>; the engine does no I/O itself.</param>
    /// <param name="composedAuthority">The network of an authority <paramref name="resolveAuthority"/> returned, with its own authorities, composed with the same resolver and bookings.</param>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>), as for <see cref="Compile(Policy, Func{Policy, string, Policy}, Model.Time.JurisdictionTime?)"/>.</param>
    /// <exception cref="EvaluationException">What that refuses, in the same order: the whole graph is planned first, so a cycle is refused before any authority is composed.</exception>
    public static CompiledPolicy Compose(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, CompiledPolicy> composedAuthority, Model.Time.JurisdictionTime? bookings = null) =>
        Compose(policy, resolveAuthority, composedAuthority, bookings, NetworkExpressions.Interpreted);

    /// <summary>As <see cref="Compose(Policy, Func{Policy, string, Policy}, Func{Policy, CompiledPolicy}, Model.Time.JurisdictionTime?)"/>, with the network's expressions compiled to IL, as <see cref="CompileForBulk"/>.</summary>
    /// <exception cref="EvaluationException">A network could not be built, or the policies have a cycle (see <see cref="EvaluationPlan"/>).</exception>
    public static CompiledPolicy ComposeForBulk(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, CompiledPolicy> composedAuthority, Model.Time.JurisdictionTime? bookings = null) =>
        Compose(policy, resolveAuthority, composedAuthority, bookings, NetworkExpressions.Compiled);

    /// <exception cref="EvaluationException">The network could not be built (a defect, since the policy was already checked), or the policy is bound by authorities and no way to load them was given.</exception>
    public static CompiledPolicy Compile(Policy policy) => Compile(EvaluationPlan.For(policy));

    /// <summary>Compiles a plan, and the plans of its authorities, into rule networks.</summary>
    /// <exception cref="EvaluationException">A network could not be built.</exception>
    /// <param name="expressions">How the network's expressions become code: it changes the cost, never the answers.</param>
    public static CompiledPolicy Compile(EvaluationPlan plan, NetworkExpressions expressions = NetworkExpressions.Interpreted) =>
        Compile(plan, expressions, new Dictionary<EvaluationPlan, CompiledPolicy>(ReferenceEqualityComparer.Instance));

    /// <param name="compiled">Plans compiled so far: an authority shared by several policies of the graph is one plan, compiled once.</param>
    private static CompiledPolicy Compile(EvaluationPlan plan, NetworkExpressions expressions, Dictionary<EvaluationPlan, CompiledPolicy> compiled)
    {
        if (compiled.TryGetValue(plan, out var done))
        {
            return done;
        }

        var authorities = plan.Authorities.Select(a => Compile(a, expressions, compiled)).ToList();
        return compiled[plan] = Network(plan, expressions, authorities);
    }

    private static CompiledPolicy Compose(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, CompiledPolicy> composedAuthority, Model.Time.JurisdictionTime? bookings, NetworkExpressions expressions)
    {
        var plan = EvaluationPlan.For(policy, resolveAuthority, bookings);
        CompiledPolicy[] authorities = [.. policy.BoundBy.Select(id => composedAuthority(resolveAuthority(policy, id)))];
        return Network(plan.Over([.. authorities.Select(a => a.Plan)]), expressions, authorities);
    }

    /// <summary>The plan's own rule network, over its authorities already compiled.</summary>
    /// <exception cref="EvaluationException">The network could not be built.</exception>
    private static CompiledPolicy Network(EvaluationPlan plan, NetworkExpressions expressions, IReadOnlyList<CompiledPolicy> authorities)
    {
        var policy = plan.Policy;
        var read = new bool[Enum.GetValues<DecisionKind>().Length];
        foreach (var rule in policy.Rules)
        {
            foreach (var kind in RuleStrata.Reads(rule))
            {
                read[(int)kind] = true;
            }
        }

        var definitions = new List<IRuleDefinition>();
        var firstSettle = -1;
        for (var place = 0; place < plan.Steps.Count; place++)
        {
            switch (plan.Steps[place])
            {
                case RuleStep rule:
                    definitions.Add(BuildRule(rule.Rule, plan.Steps.Count - place, expressions));
                    break;
                case SettleStep:
                    firstSettle = firstSettle < 0 ? place : firstSettle;

                    // Decisions settled one after another, with no rule between them, are settled by one rule at the first one's place:
                    // no rule can fire between them, and one activation costs an eighth of eight.
                    if (place + 1 == plan.Steps.Count || plan.Steps[place + 1] is not SettleStep)
                    {
                        var settling = new DecisionKind[place - firstSettle + 1];
                        for (var i = 0; i < settling.Length; i++)
                        {
                            settling[i] = ((SettleStep)plan.Steps[firstSettle + i]).Decision;
                        }

                        definitions.Add(BuildSettle(settling, policy.Defaults, plan.Steps.Count - firstSettle, read));
                        firstSettle = -1;
                    }

                    break;
                default:
                    throw new UnreachableException($"the plan has a step of kind {plan.Steps[place].GetType().Name}, which the compiler does not know");
            }
        }

        try
        {
            var compiler = expressions switch
            {
                NetworkExpressions.Interpreted => new RuleCompiler { ExpressionCompiler = InterpretingCompiler.Instance },

                // NRules' own default is the framework's compiler; FastExpressionCompiler is not used here (see InterpretingCompiler).
                // NRules shares a node between rules whose conditions it finds equal, and cannot compare the loops' blocks:
                // told to, it counts them unequal, so a rule with a loop keeps a node of its own.
                NetworkExpressions.Compiled => new RuleCompiler(new RuleCompilerOptions { UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual }),
                _ => throw new UnreachableException($"no way to compile expressions called {expressions}"),
            };
            var factory = compiler.Compile(definitions);
            return new CompiledPolicy(plan, factory, definitions.Count, authorities);
        }
        catch (RuleCompilationException e)
        {
            throw new EvaluationException($"policy `{policy.Id}`: rule `{e.RuleName}` could not be compiled: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static IRuleDefinition BuildRule(PolicyRule rule, int salience, NetworkExpressions expressions)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Priority(salience);
        builder.Property("source", rule.Span.ToString());
        var lhs = builder.LeftHandSide();
        var ledgerPattern = lhs.Pattern(typeof(Ledger), LedgerName);
        var ledger = ledgerPattern.Declaration.ToParameterExpression();
        // The parameters of the decisions read, indexed by the decision, and after the ledger in the order of the decisions.
        var decisionParameters = new ParameterExpression?[Enum.GetValues<DecisionKind>().Length];
        var parameters = new List<ParameterExpression> { ledger };
        PatternBuilder last = ledgerPattern;
        foreach (var kind in RuleStrata.Reads(rule))
        {
            last = lhs.Pattern(typeof(Decision), "decision_" + Vocabulary.Word(kind));
            var parameter = last.Declaration.ToParameterExpression();
            last.Condition(Expression.Lambda(Expression.Equal(Expression.Property(parameter, nameof(Decision.Kind)), Expression.Constant(kind)), parameter));
            decisionParameters[(int)kind] = parameter;
            parameters.Add(parameter);
        }

        var scenario = Expression.Property(ledger, nameof(Ledger.Scenario));
        // Compiled, a quantifier's nested lambda would make a delegate over a new closure on every test, through reflection: a
        // third of an evaluation. Interpreted, the network keeps that form, the one furthest from the delegate twin's loops.
        var body = new ConditionExpressions(scenario, kind => Expression.Property(decisionParameters[(int)kind]!, nameof(Decision.Value)))
        {
            QuantifiersAsLoops = expressions == NetworkExpressions.Compiled,
        }.Build(rule.When);
        last.Condition(Expression.Lambda(body, parameters));

        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(
            Expression.Lambda(Expression.Call(ClaimMethod, ledger, Expression.Constant(rule)), context, ledger),
            ActionTrigger.Activated);
        return builder.Build();
    }

    /// <param name="decisions">The decisions to settle, in the plan's order.</param>
    /// <param name="read">Indexed by the decision: whether some rule reads it. Only those are inserted as facts, for those rules to match.</param>
    private static IRuleDefinition BuildSettle(DecisionKind[] decisions, DecisionDictionary<DefaultDecision> defaults, int salience, bool[] read)
    {
        var words = new string[decisions.Length];
        for (var i = 0; i < decisions.Length; i++)
        {
            words[i] = Vocabulary.Word(decisions[i]);
        }

        var builder = new RuleBuilder();
        builder.Name(SettlePrefix + string.Join(",", words));
        builder.Priority(salience);
        var ledger = builder.LeftHandSide().Pattern(typeof(Ledger), LedgerName).Declaration.ToParameterExpression();
        var context = Expression.Parameter(typeof(IContext), "context");
        var actions = builder.RightHandSide();
        foreach (var kind in decisions)
        {
            var settle = read[(int)kind]
                ? Expression.Call(SettleReadMethod, context, ledger, Expression.Constant(kind), Expression.Constant(defaults[kind]))
                : Expression.Call(SettleMethod, ledger, Expression.Constant(kind), Expression.Constant(defaults[kind]));
            actions.Action(Expression.Lambda(settle, context, ledger), ActionTrigger.Activated);
        }

        return builder.Build();
    }
}
