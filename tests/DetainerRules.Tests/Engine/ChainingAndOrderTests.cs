using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class ChainingAndOrderTests(EngineKind engine)
{
    // The reader is listed first and has the lowest priority: only stratification can make it see the writer's answer.
    private const string Chain = """
          - id: reader
            when: decision.notify_ice = required and detainer
            then: { transfer_to_ice: permitted }
            because: notified people may be handed over
            cite: src
          - id: negative-reader
            when: decision.notify_ice != required
            then: { transfer_to_ice: forbidden }
            because: others are not handed over
            cite: src
          - id: writer
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [release] } }
            priority: -5
            because: felonies are reported
            cite: src
        """;

    [Test]
    public void Evaluate_RuleReadsDecision_SeesTheSettledDecision()
    {
        var verdict = Engines.Evaluate(TestPolicies.Compile(engine, Chain), TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict[DecisionKind.TransferToIce].Value, Is.EqualTo(Modality.Permitted));
            Assert.That(verdict.Fired.Select(r => r.Id), Is.EqualTo(new[] { "writer", "reader" }));
        }
    }

    [Test]
    public void Evaluate_AnyScenario_OneDecisionOfEachKindInTheEnumsOrder()
    {
        // Reports and JSON list decisions in this order, whatever order the rules settled them in (the writer settles last here).
        var verdict = Engines.Evaluate(TestPolicies.Compile(engine, Chain), TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        Assert.That(verdict.Decisions.Select(d => d.Kind), Is.EqualTo(Enum.GetValues<DecisionKind>()));
    }

    [Test]
    public void Evaluate_NegatedReadOfDecision_DoesNotFireBeforeTheWriter()
    {
        var verdict = Engines.Evaluate(TestPolicies.Compile(engine, Chain), TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        Assert.That(verdict.Fired.Select(r => r.Id), Does.Not.Contain("negative-reader"));
    }

    [Test]
    public void Evaluate_RulesInAnyOrder_IdenticalOutput()
    {
        var policy = TestPolicies.Load(Chain);
        var scenarios = new[]
        {
            TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"),
            TestScenarios.Arrest(level: "misdemeanor"),
            TestScenarios.Arrest(level: "misdemeanor", extra: "detainer: { form: I-247N, warrant: judicial }"),
        };
        var expected = scenarios.Select(s => JsonReport.ToJson(Engines.Compile(engine, policy).Evaluate(s))).ToList();

        foreach (var order in Permutations([.. policy.Rules]))
        {
            var reordered = Engines.Compile(engine, policy with { Rules = order });
            Assert.That(scenarios.Select(s => JsonReport.ToJson(reordered.Evaluate(s))), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Load_RulesReadAndSetInACycle_Rejected()
    {
        var error = Assert.Throws<DetainerRules.Model.Diagnostics.InvalidInputException>(() => TestPolicies.Load("""
              - id: one
                when: decision.notify_ice = required
                then: { transfer_to_ice: permitted }
                because: x
                cite: src
              - id: two
                when: decision.transfer_to_ice = permitted
                then: { notify_ice: { value: required, at: [release] } }
                because: y
                cite: src
            """))!;

        Assert.That(error.Diagnostics.Single().Message, Does.Contain("cycle").And.Contain("rule one").And.Contain("rule two"));
    }

    [TestCase("decision.notify_ice = required", "felony", true)]
    [TestCase("decision.notify_ice = required", "misdemeanor", false)]
    [TestCase("decision.notify_ice != required", "misdemeanor", true)]
    [TestCase("decision.notify_ice != required", "felony", false)]
    [TestCase("decision.notify_ice in [forbidden, required]", "felony", true)]
    [TestCase("decision.notify_ice in [forbidden, required]", "misdemeanor", false)]
    [TestCase("decision.notify_ice not in [forbidden, permitted]", "felony", true)]
    [TestCase("decision.notify_ice not in [unknown]", "misdemeanor", false)]
    [TestCase("decision.notify_ice = unknown", "misdemeanor", true)]
    [TestCase("any charge(decision.notify_ice = required and level = felony)", "felony", true)]
    public void Evaluate_ReadOfADecision_SeesItsSettledValue(string read, string level, bool expected)
    {
        var policy = TestPolicies.Compile(engine, $$"""
              - id: zz-reader
                when: "{{read}}"
                then: { ice_jail_access: permitted }
                because: reads
                cite: src
              - id: aa-writer
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [release] } }
                because: writes
                cite: src
            """);

        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(level: level));

        Assert.That(verdict[DecisionKind.IceJailAccess].Value == Modality.Permitted, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_ChainOfThreeLayers_EachReaderRunsAfterItsWriter()
    {
        // Ids run against the chain, so only the layers can put the rules in the right order.
        var policy = TestPolicies.Compile(engine, """
              - id: a-third
                when: decision.transfer_to_ice = permitted
                then: { ice_jail_access: permitted }
                because: third
                cite: src
              - id: b-second
                when: decision.notify_ice = required and decision.delay_release != forbidden
                then: { transfer_to_ice: permitted }
                because: second
                cite: src
              - id: c-first
                when: person.foreign_born
                then: { notify_ice: { value: required, at: [booking] } }
                because: first
                cite: src
              - id: d-first-too
                when: detainer
                then: { delay_release: forbidden }
                because: first, on another decision
                cite: src
            """);

        var held = Engines.Evaluate(policy, TestScenarios.Arrest());
        var detained = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held.Fired.Select(r => r.Id), Is.EqualTo(new[] { "c-first", "b-second", "a-third" }));
            Assert.That(held[DecisionKind.IceJailAccess].Value, Is.EqualTo(Modality.Permitted));
            Assert.That(detained.Fired.Select(r => r.Id), Is.EqualTo(new[] { "c-first", "d-first-too" }));
            Assert.That(detained[DecisionKind.IceJailAccess].Value, Is.EqualTo(Modality.Unknown));
        }
    }

    private static IEnumerable<IReadOnlyList<PolicyRule>> Permutations(List<PolicyRule> rules)
    {
        if (rules.Count <= 1)
        {
            yield return [.. rules];
            yield break;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rest = rules.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [rules[i], .. tail];
            }
        }
    }
}
