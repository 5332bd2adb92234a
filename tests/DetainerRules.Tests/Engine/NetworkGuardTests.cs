using System.Linq.Expressions;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// What the rule network's guards say when a network misbehaves: rules that keep firing, an action
/// that throws, decisions left unsettled. A network compiled from a policy never does these things
/// (each rule fires once per scenario, every decision is settled), so the tests give a
/// <see cref="CompiledPolicy"/> networks written by hand.
/// </summary>
[TestFixture]
public class NetworkGuardTests
{
    private static readonly Policy Fixture = TestPolicies.Compile("""
          - id: notice
            when: person.foreign_born
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
        """).Policy;

    /// <summary>A fact each firing of the chain adds, which starts the next firing.</summary>
    public sealed record Tick(int Count);

    [Test]
    public void Evaluate_RulesThatKeepFiring_StoppedAtOneMoreFiringThanTheNetworkHasRules()
    {
        // Two rules: the first starts the chain, the second adds a tick for every tick, forever.
        var policy = Network(2, Rule("start", typeof(Ledger), (Expression<Action<IContext, Ledger>>)((context, ledger) => context.Insert(new Tick(0)))), Rule("again", typeof(Tick), (Expression<Action<IContext, Tick>>)((context, tick) => context.Insert(new Tick(tick.Count + 1)))));

        var scenario = TestScenarios.Arrest();
        var error = Assert.Throws<EvaluationException>(() => policy.Evaluate(scenario));
        var alone = Assert.Throws<EvaluationException>(() => policy.WithoutAuthorities().Evaluate(scenario));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Is.EqualTo($"policy `test-policy` on scenario `{scenario.Id}`: rules kept firing past 3 firings"));
            Assert.That(alone!.Message, Is.EqualTo(error.Message), "the policy without its authorities keeps the same network and the same limit");
        }
    }

    [Test]
    public void Evaluate_AnActionThatThrows_NamesTheRuleAndTheCause()
    {
        var policy = Network(1, Rule("breaks", typeof(Ledger), (Expression<Action<IContext, Ledger>>)((context, ledger) => Fail())));

        var scenario = TestScenarios.Arrest();
        var error = Assert.Throws<EvaluationException>(() => policy.Evaluate(scenario));

        Assert.That(error!.Message, Is.EqualTo($"policy `test-policy` on scenario `{scenario.Id}`: rule `breaks` failed: the action broke"));
    }

    [Test]
    public void Evaluate_AConditionThatThrows_SaysARuleConditionFailed()
    {
        var builder = new RuleBuilder();
        builder.Name("fragile");
        var pattern = builder.LeftHandSide().Pattern(typeof(Ledger), "ledger");
        Expression<Func<Ledger, bool>> condition = ledger => Broken();
        pattern.Condition(condition);
        Expression<Action<IContext, Ledger>> action = (context, ledger) => Nothing();
        builder.RightHandSide().Action(action, ActionTrigger.Activated);
        var policy = Network(1, builder.Build());

        var scenario = TestScenarios.Arrest();
        var error = Assert.Throws<EvaluationException>(() => policy.Evaluate(scenario));

        Assert.That(error!.Message, Is.EqualTo($"policy `test-policy` on scenario `{scenario.Id}`: a rule condition failed: the condition broke"));
    }

    [Test]
    public void Evaluate_DecisionsLeftUnsettled_SaysHowManyWereSettled()
    {
        var policy = Network(1, Rule("quiet", typeof(Ledger), (Expression<Action<IContext, Ledger>>)((context, ledger) => Nothing())));

        var scenario = TestScenarios.Arrest();
        var error = Assert.Throws<EvaluationException>(() => policy.Evaluate(scenario));

        Assert.That(error!.Message, Is.EqualTo($"policy `test-policy` on scenario `{scenario.Id}`: 0 decisions were settled instead of {Enum.GetValues<DetainerRules.Model.Decisions.DecisionKind>().Length}"));
    }

    private static void Fail() => throw new InvalidOperationException("the action broke");

    private static bool Broken() => throw new InvalidOperationException("the condition broke");

    private static void Nothing()
    {
    }

    private static CompiledPolicy Network(int rules, params IRuleDefinition[] definitions)
    {
        var factory = new RuleCompiler().Compile(definitions);
        return new CompiledPolicy(EvaluationPlan.For(Fixture), factory, rules, []);
    }

    private static IRuleDefinition Rule(string name, Type fact, LambdaExpression action)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        // NRules binds an action's parameters to the patterns' declarations by name.
        builder.LeftHandSide().Pattern(fact, action.Parameters[1].Name!);
        builder.RightHandSide().Action(action, ActionTrigger.Activated);
        return builder.Build();
    }
}
