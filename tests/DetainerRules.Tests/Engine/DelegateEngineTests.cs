using DetainerRules.Analysis.Space;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// The delegate engine is only allowed to exist because it gives the rule network's answers: the
/// whole verdict (decisions, explanations, firing order, authorities), byte for byte, over the
/// entire scenario space of every catalog policy and over random scenarios.
/// </summary>
[TestFixture]
public class DelegateEngineTests
{
    private static IEnumerable<TestCaseData> Catalog() => TestPolicies.CatalogIds().Select(id => new TestCaseData(id));

    [TestCaseSource(nameof(Catalog))]
    public void Evaluate_EveryPointOfThePolicysSpace_SameJsonAsTheRuleNetwork(string id)
    {
        var network = TestPolicies.ShippedPolicy(id);
        var fast = TestPolicies.ShippedDelegate(id);
        var space = ScenarioSpace.For([network]);
        var points = 0;
        foreach (var point in space.Points())
        {
            var scenario = space.Build(point, "point-" + points++);
            Assert.That(JsonReport.ToJson(fast.Evaluate(scenario)), Is.EqualTo(JsonReport.ToJson(network.Evaluate(scenario))), space.Describe(point, Enumerable.Range(0, space.Dimensions.Count)));
        }

        Assert.That((long)points, Is.EqualTo((long)space.Size));
    }

    [TestCaseSource(nameof(Catalog))]
    public void Evaluate_RandomScenarios_SameJsonAsTheRuleNetwork(string id)
    {
        var network = TestPolicies.ShippedPolicy(id);
        var fast = TestPolicies.ShippedDelegate(id);
        foreach (var scenario in RandomScenarios.Generate(seed: 20261125, count: 400))
        {
            Assert.That(JsonReport.ToJson(fast.Evaluate(scenario)), Is.EqualTo(JsonReport.ToJson(network.Evaluate(scenario))), scenario.Id);
        }
    }

    [TestCaseSource(nameof(Catalog))]
    public void Decide_OneDecision_SameAsTheWholeVerdict(string id)
    {
        var fast = TestPolicies.ShippedDelegate(id);
        foreach (var scenario in RandomScenarios.Generate(seed: 7, count: 300))
        {
            var verdict = fast.Evaluate(scenario);
            foreach (var kind in Enum.GetValues<DecisionKind>())
            {
                var decided = fast.Decide(scenario, kind);
                Assert.That(Answer.Of(decided), Is.EqualTo(Answer.Of(verdict[kind])), $"{scenario.Id} {kind}");
                Assert.That(decided.Deciding.Select(a => a.Rule.Id), Is.EqualTo(verdict[kind].Deciding.Select(a => a.Rule.Id)), $"{scenario.Id} {kind}");
            }
        }
    }

    [TestCaseSource(nameof(Catalog))]
    public void DecideAll_WithoutAVerdict_SameDecisionsAsTheNetwork(string id)
    {
        var network = TestPolicies.ShippedPolicy(id);
        var fast = TestPolicies.ShippedDelegate(id);
        var decisions = new Decision[8];
        foreach (var scenario in RandomScenarios.Generate(seed: 8, count: 300))
        {
            fast.Decide(scenario, decisions);
            var verdict = network.Evaluate(scenario);
            foreach (var expected in verdict.Decisions)
            {
                var actual = decisions[(int)expected.Kind];
                Assert.That((Answer.Of(actual), actual.Deciding.Select(a => a.Rule.Id).ToList()), Is.EqualTo((Answer.Of(expected), expected.Deciding.Select(a => a.Rule.Id).ToList())), $"{scenario.Id} {expected.Kind}");
            }
        }
    }

    [TestCase("stockton")]
    [TestCase("chicago")]
    [TestCase("lvmpd-2025-06")]
    public void Compile_WithoutANetwork_SameAsTheTwinOfTheNetwork(string id)
    {
        var network = TestPolicies.ShippedPolicy(id);
        var direct = DetainerRules.Engine.DelegatePolicy.Compile(network.Policy, DetainerRules.Yaml.PolicyLoader.LoadBeside);
        foreach (var scenario in RandomScenarios.Generate(seed: 9, count: 300))
        {
            Assert.That(JsonReport.ToJson(direct.Evaluate(scenario)), Is.EqualTo(JsonReport.ToJson(network.Evaluate(scenario))), scenario.Id);
        }
    }

    [Test]
    public void Evaluate_ChainedPolicy_FiresInTheNetworksOrder()
    {
        var network = TestPolicies.Compile("""
              - id: b-notify
                when: any charge(level = felony)
                then:
                  notify_ice: { value: required, at: [booking] }
                because: b
                cite: src
              - id: a-transfer-notified
                when: decision.notify_ice = required
                then:
                  transfer_to_ice: permitted
                because: a
                cite: src
              - id: c-share
                when: detainer
                then:
                  share_criminal_intelligence: permitted
                because: c
                cite: src
            """);
        var fast = DetainerRules.Engine.DelegatePolicy.From(network);
        var scenario = TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }");

        var expected = network.Evaluate(scenario).Fired.Select(r => r.Id).ToList();
        var actual = fast.Evaluate(scenario).Fired.Select(r => r.Id).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected, Is.EqualTo(new[] { "b-notify", "c-share", "a-transfer-notified" }));
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    [TestCase(63)]
    [TestCase(64)]
    [TestCase(69)]
    [TestCase(130)]
    public void Evaluate_DecisionWithMoreThan64Rules_TheRuleThatFiredDecides(int firing)
    {
        // A decision's fired rules are kept as bits; past 64 rules one word no longer holds them.
        var rules = string.Concat(Enumerable.Range(0, 140).Select(i => i == firing
            ? $$"""
                  - id: r{{i:D3}}
                    when: any charge(level = felony)
                    then:
                      notify_ice: { value: required, at: [booking] }
                    because: fired
                    cite: src

              """
            : $$"""
                  - id: r{{i:D3}}
                    when: detainer
                    then:
                      notify_ice: forbidden
                    because: silent
                    cite: src

              """));
        var network = TestPolicies.Compile(rules);
        var fast = DetainerRules.Engine.DelegatePolicy.From(network);
        var scenario = TestScenarios.Arrest();

        var expected = network.Evaluate(scenario);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected[DecisionKind.NotifyIce].Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { $"r{firing:D3}" }));
            Assert.That(JsonReport.ToJson(fast.Evaluate(scenario)), Is.EqualTo(JsonReport.ToJson(expected)));
            Assert.That(Answer.Of(fast.Decide(scenario, DecisionKind.NotifyIce)), Is.EqualTo(Answer.Of(expected[DecisionKind.NotifyIce])));
        }
    }
}
