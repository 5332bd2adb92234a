using System.Text.Json;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class ConflictResolutionTests(EngineKind engine)
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
        var policy = TestPolicies.Compile(engine, TwoRules.Replace("PRIORITY", "10", StringComparison.Ordinal));
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));

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
        var policy = TestPolicies.Compile(engine, TwoRules.Replace("PRIORITY", "0", StringComparison.Ordinal));
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));

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
        var policy = TestPolicies.Compile(engine, TwoRules.Replace("PRIORITY", "0", StringComparison.Ordinal));
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));
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
        var policy = TestPolicies.Compile(engine, """
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
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        Assert.That(verdict[DecisionKind.TransferToIce].Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Evaluate_NoRuleFires_DefaultApplies()
    {
        var policy = TestPolicies.Compile(engine, """
              - id: never
                when: "false"
                then: { transfer_to_ice: required }
                because: never
                cite: src
            """);
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.TransferToIce].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(verdict[DecisionKind.TransferToIce].Default, Is.Not.Null);
            Assert.That(verdict.Fired, Is.Empty);
        }
    }

    [TestCase("10", "9", "-5", "high")]
    [TestCase("-5", "9", "10", "low")]
    [TestCase("0", "-1", "-2", "high")]
    [TestCase("-20", "-3", "-100", "middle")]
    public void Evaluate_ThreePriorities_TheNumericallyHighestDecides(string high, string middle, string low, string winner)
    {
        var policy = TestPolicies.Compile(engine, $$"""
              - id: high
                when: detainer
                then: { transfer_to_ice: required }
                priority: {{high}}
                because: h
                cite: src
              - id: middle
                when: detainer
                then: { transfer_to_ice: permitted }
                priority: {{middle}}
                because: m
                cite: src
              - id: low
                when: detainer
                then: { transfer_to_ice: forbidden }
                priority: {{low}}
                because: l
                cite: src
            """);

        var transfer = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"))[DecisionKind.TransferToIce];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(transfer.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { winner }));
            Assert.That(transfer.Overridden.Select(a => a.Rule.Id), Is.EquivalentTo(new[] { "high", "middle", "low" }.Where(id => id != winner)));
            Assert.That(transfer.IsConflict, Is.False);
        }
    }

    [Test]
    public void Evaluate_EqualPriorityRulesAgreeOnTheValueButNotTheLimit_Conflict()
    {
        var policy = TestPolicies.Compile(engine, """
              - id: weekdays
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: a
                cite: src
              - id: clock
                when: detainer.warrant = judicial
                then: { delay_release: { value: required, limit: clock48 } }
                because: b
                cite: src
            """);

        var judicial = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"))[DecisionKind.DelayRelease];
        var administrative = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: administrative }"))[DecisionKind.DelayRelease];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(judicial.Value, Is.EqualTo(Modality.Unknown));
            Assert.That(judicial.Conflict.Select(a => a.Rule.Id), Is.EquivalentTo(new[] { "weekdays", "clock" }));
            Assert.That(administrative.Value, Is.EqualTo(Modality.Required));
            Assert.That(administrative.Effect.Limit?.Name, Is.EqualTo("h48"));
        }
    }

    [Test]
    public void Evaluate_AgreeingRulesNameDifferentNotificationPoints_IceIsToldAtEach()
    {
        var policy = TestPolicies.Compile(engine, """
              - id: at-release
                when: detainer
                then: { notify_ice: { value: required, at: [release] } }
                because: a
                cite: src
              - id: at-booking
                when: person.foreign_born
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
              - id: lower
                when: "true"
                then: { notify_ice: forbidden }
                priority: -1
                because: c
                cite: src
            """);

        var notify = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"))[DecisionKind.NotifyIce];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Answer.Of(notify).Text, Is.EqualTo("required (booking, release)"));
            Assert.That(notify.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "at-booking", "at-release" }));
            Assert.That(notify.Overridden.Select(a => a.Rule.Id), Is.EqualTo(new[] { "lower" }));
        }
    }
}
