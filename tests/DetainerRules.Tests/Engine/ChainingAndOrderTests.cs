using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

[TestFixture]
public class ChainingAndOrderTests
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
        var verdict = TestPolicies.Compile(Chain).Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict[DecisionKind.TransferToIce].Value, Is.EqualTo(Modality.Permitted));
            Assert.That(verdict.Fired.Select(r => r.Id), Is.EqualTo(new[] { "writer", "reader" }));
        }
    }

    [Test]
    public void Evaluate_NegatedReadOfDecision_DoesNotFireBeforeTheWriter()
    {
        var verdict = TestPolicies.Compile(Chain).Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

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
        var expected = scenarios.Select(s => JsonReport.ToJson(PolicyCompiler.Compile(policy).Evaluate(s))).ToList();

        foreach (var order in Permutations([.. policy.Rules]))
        {
            var reordered = PolicyCompiler.Compile(policy with { Rules = order });
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
