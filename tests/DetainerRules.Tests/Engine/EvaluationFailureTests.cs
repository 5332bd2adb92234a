using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// What each engine does with what it cannot evaluate: a policy its loader would have refused (a
/// cycle, authorities with no way to load them) and a scenario a loader would never have built.
/// Either way an <see cref="EvaluationException"/> naming the policy or the scenario, never a
/// stray exception from the engine's insides.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class EvaluationFailureTests(EngineKind engine)
{
    private const string ReadsNotice = """
          - id: transfer-after-notice
            when: decision.notify_ice = required
            then: { transfer_to_ice: permitted }
            because: x
            cite: src
        """;

    private const string ReadsTransfer = """
          - id: notice-after-transfer
            when: decision.transfer_to_ice = permitted
            then: { notify_ice: { value: required, at: [release] } }
            because: y
            cite: src
        """;

    [Test]
    public void Compile_RulesThatReadWhatTheOtherSets_RefusedWithTheCycle()
    {
        // The loader refuses such a file; a policy put together in code reaches the plan, which must refuse it too.
        var first = TestPolicies.Load(ReadsNotice);
        var cyclic = first with { Rules = [.. first.Rules, .. TestPolicies.Load(ReadsTransfer).Rules] };

        var error = Assert.Throws<EvaluationException>(() => Engines.Compile(engine, cyclic))!;

        Assert.That(error.Message, Does.StartWith($"policy `{cyclic.Id}` has a cycle: ")
            .And.Contain("rule notice-after-transfer")
            .And.Contain("rule transfer-after-notice")
            .And.Contain("decision notify_ice")
            .And.Match(@"has a cycle: (rule|decision) \S+( -> (rule|decision) \S+){2,}$"), "the path, step by step");
    }

    [Test]
    public void Compile_BoundByAnAuthorityButGivenNoWayToLoadIt_RefusedNamingTheAuthority()
    {
        var bound = TestPolicies.Load(ReadsNotice) with { BoundBy = ["state-law", "county-law"] };

        var error = Assert.Throws<EvaluationException>(() => _ = engine switch
        {
            EngineKind.RuleNetwork => PolicyCompiler.Compile(bound),
            EngineKind.CompiledNetwork => PolicyCompiler.Compile(EvaluationPlan.For(bound), NetworkExpressions.Compiled),
            _ => (IPolicyEvaluator)DelegatePolicy.Compile(EvaluationPlan.For(bound)),
        })!;

        Assert.That(error.Message, Does.Contain($"policy `{bound.Id}` is bound by state-law, county-law: "));
    }

    [Test]
    public void Evaluate_ConditionFailsOnAMalformedScenario_EvaluationExceptionNamingTheScenario()
    {
        var policy = TestPolicies.Compile(engine, """
              - id: felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [booking] } }
                because: x
                cite: src
            """);

        // No loader builds a scenario without a list of charges; code can.
        var broken = new Scenario { Id = "no-charges-list", BookedAt = DateTimeOffset.UnixEpoch, Charges = null! };

        var error = Assert.Throws<EvaluationException>(() => policy.Evaluate(broken))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("`no-charges-list`").And.Contain("a rule condition failed"));
            Assert.That(error.InnerException, Is.Not.Null);
            Assert.That(() => policy.Decide(broken, DecisionKind.NotifyIce), Throws.TypeOf<EvaluationException>());
        }
    }
}
