using System.Text.Json;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

[TestFixture]
public class ConflictResolutionTests
{
    private const string TwoRules = """
          - id: general
            when: detainer
            then: { delay_release: forbidden }
            because: no holds
            cite: src
          - id: exception
            when: detainer.warrant = judicial
            then: { delay_release: { value: permitted, limit: h48 } }
            priority: PRIORITY
            because: a judge's warrant
            cite: src
        """;

    [Test]
    public void Evaluate_HigherPriorityRuleDisagrees_HigherPriorityWinsAndLoserIsReported()
    {
        var policy = TestPolicies.Compile(TwoRules.Replace("PRIORITY", "10", StringComparison.Ordinal));
        var verdict = policy.Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));

        var delay = verdict[DecisionKind.DelayRelease];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delay.Value, Is.EqualTo(Modality.Permitted));
            Assert.That(delay.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "exception" }));
            Assert.That(delay.Overridden.Select(a => a.Rule.Id), Is.EqualTo(new[] { "general" }));
            Assert.That(delay.IsConflict, Is.False);
        }
    }

    [Test]
    public void Evaluate_EqualPriorityRulesDisagree_ConflictReportedAndValueUnknown()
    {
        var policy = TestPolicies.Compile(TwoRules.Replace("PRIORITY", "0", StringComparison.Ordinal));
        var verdict = policy.Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));

        var delay = verdict[DecisionKind.DelayRelease];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delay.Value, Is.EqualTo(Modality.Unknown));
            Assert.That(delay.IsConflict, Is.True);
            Assert.That(delay.Conflict.Select(a => a.Rule.Id), Is.EquivalentTo(new[] { "general", "exception" }));
            Assert.That(delay.Default, Is.Null, "a conflict must not fall back to the default silently");
        }
    }

    [Test]
    public void Report_Conflict_ShownInJsonAndText()
    {
        var policy = TestPolicies.Compile(TwoRules.Replace("PRIORITY", "0", StringComparison.Ordinal));
        var verdict = policy.Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));
        using var json = JsonDocument.Parse(JsonReport.ToJson(verdict));
        using var text = new StringWriter();
        TextReport.Write(text, verdict);

        var conflict = json.RootElement.GetProperty("decisions").GetProperty("delay_release").GetProperty("conflict");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflict.EnumerateArray().Select(c => $"{c.GetProperty("rule").GetString()}={c.GetProperty("value").GetString()}"),
                Is.EquivalentTo(new[] { "general=forbidden", "exception=permitted" }));
            Assert.That(text.ToString(), Does.Contain("CONFLICT: rules of equal priority disagree"));
        }
    }

    [Test]
    public void Evaluate_EqualPriorityRulesAgree_BothReportedAsDeciding()
    {
        var policy = TestPolicies.Compile("""
              - id: a
                when: detainer
                then: { transfer_to_ice: forbidden }
                because: first reason
                cite: src
              - id: b
                when: person.foreign_born
                then: { transfer_to_ice: forbidden }
                because: second reason
                cite: src
            """);
        var verdict = policy.Evaluate(TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        Assert.That(verdict[DecisionKind.TransferToIce].Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Evaluate_NoRuleFires_DefaultApplies()
    {
        var policy = TestPolicies.Compile("""
              - id: never
                when: "false"
                then: { transfer_to_ice: required }
                because: never
                cite: src
            """);
        var verdict = policy.Evaluate(TestScenarios.Arrest());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.TransferToIce].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(verdict[DecisionKind.TransferToIce].Default, Is.Not.Null);
            Assert.That(verdict.Fired, Is.Empty);
        }
    }
}
