using DetainerRules.Engine;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Engine;

[TestFixture]
public class ExplanationTests
{
    private static readonly ConditionTracer Tracer = new();

    [Test]
    public void Of_DecidingAndOverriddenRules_TracesEachConditionWithTheScenariosValues()
    {
        var policy = TestPolicies.Compile("""
              - id: notify-felony
                when: any charge(level = felony) and person.foreign_born
                then:
                  notify_ice: { value: required, at: [booking] }
                because: felonies are reported
                cite: src
              - id: never-for-traffic
                when: any charge(category = traffic)
                then: { notify_ice: forbidden }
                priority: 5
                because: traffic is never reported
                cite: src
            """);
        var scenario = TestScenarios.Arrest(level: "felony", category: "traffic");
        var verdict = policy.Evaluate(scenario);

        var notify = DecisionExplanation.Of(verdict, Tracer)[DecisionKind.NotifyIce];

        var lost = notify.Overridden.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notify.Deciding.Single().Rule.Id, Is.EqualTo("never-for-traffic"));
            Assert.That(notify.Deciding.Single().When.Holds, Is.True);
            Assert.That(lost.Rule.Id, Is.EqualTo("notify-felony"));
            Assert.That(lost.When.Parts.Select(p => p.Condition), Is.EqualTo(new[] { "any charge(level = felony)", "person.foreign_born" }));
            Assert.That(lost.When.Parts[0].Parts.Single().Values, Is.EqualTo("level is felony"), "the one charge, traced");
            Assert.That(lost.When.Parts[1].Values, Is.EqualTo("person.foreign_born is true"));
        }
    }

    [TestCaseSource(nameof(CatalogConditions))]
    public void Print_CatalogCondition_ParsesBackToTheSameMeaning(string policyId, string ruleId)
    {
        var policy = TestPolicies.ShippedPolicy(policyId).Policy;
        var rule = policy.Rules.Single(r => r.Id == ruleId);
        var printed = ConditionPrinter.Print(Inline(rule.When));
        var reparsed = PolicyLoader.Load(TestPolicies.Yaml($$"""
              - id: reparsed
                when: '{{printed.Replace("'", "''", StringComparison.Ordinal)}}'
                then: { ice_jail_access: permitted }
                because: test
                cite: src
            """, policy.Time.Name is { } zone ? $"time_zone: {zone}" : string.Empty), "reparsed.yaml").Rules.Single().When;

        foreach (var scenario in RandomScenarios.Generate(seed: 31, count: 200))
        {
            var decisions = Enum.GetValues<Modality>().Select((_, i) => (Modality)(i % 4)).Concat(Enumerable.Repeat(Modality.Required, 4)).Take(8).ToArray();
            Assert.That(Tracer.Holds(reparsed, scenario, decisions, null), Is.EqualTo(Tracer.Holds(rule.When, scenario, decisions, null)), $"{printed} on {scenario.Id}");
        }
    }

    private static IEnumerable<TestCaseData> CatalogConditions() =>
        TestPolicies.CatalogIds().SelectMany(id => TestPolicies.ShippedPolicy(id).Policy.Rules.Select(r => new TestCaseData(id, r.Id)));

    /// <summary>The condition with named conditions replaced by their bodies, so the text stands alone.</summary>
    private static Condition Inline(Condition condition) => condition switch
    {
        NamedConditionUse use => Inline(use.Body),
        AllOf all => all with { Parts = [.. all.Parts.Select(Inline)] },
        AnyOf any => any with { Parts = [.. any.Parts.Select(Inline)] },
        Negation not => not with { Inner = Inline(not.Inner) },
        Quantified q => q with { Inner = Inline(q.Inner) },
        _ => condition,
    };
}
