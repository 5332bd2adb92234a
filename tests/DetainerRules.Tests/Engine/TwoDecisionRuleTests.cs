using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>A rule that sets two decisions claims both: each engine counts it among the writers of each.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class TwoDecisionRuleTests(EngineKind engine)
{
    [Test]
    public void Evaluate_ARuleSettingTwoDecisions_DecidesBoth()
    {
        var policy = TestPolicies.Compile(engine, """
              - id: felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [booking] }, transfer_to_ice: permitted }
                because: x
                cite: src
              - id: after-notice
                when: decision.notify_ice = required
                then: { ice_jail_access: permitted }
                because: y
                cite: src
            """);

        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict[DecisionKind.NotifyIce].Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "felony" }));
            Assert.That(verdict[DecisionKind.TransferToIce].Value, Is.EqualTo(Modality.Permitted));
            Assert.That(verdict[DecisionKind.TransferToIce].Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "felony" }));
            Assert.That(verdict[DecisionKind.IceJailAccess].Value, Is.EqualTo(Modality.Permitted), "a rule reading one of them runs after it");
        }
    }
}
