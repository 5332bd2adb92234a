using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>How a resolved decision reads when policies are compared, and the citations it carries: on decisions built for the test.</summary>
[TestFixture]
public class AnswerTests
{
    private static readonly Source Law = new("law", "A law", null, null);

    private static PolicyRule Rule(string id, params string[] pinpoints) =>
        new(id, new Constant(true, SourceSpan.None), "true", [], 0, id, [.. pinpoints.Select(p => new Citation(Law, p))], SourceSpan.None);

    private static Assertion Claim(PolicyRule rule, Modality value, params NotificationPoint[] at) =>
        new(rule, new DecisionEffect(DecisionKind.NotifyIce, value, at, null));

    private static Decision Decided(Modality value, params NotificationPoint[] at) =>
        new(new DecisionEffect(DecisionKind.NotifyIce, value, at, null), [Claim(Rule("r"), value, at)], [], [], null);

    [Test]
    public void Of_EachKindOfAnswer_ReadsAsItsValueAndDetail()
    {
        var conflict = new Decision(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Unknown), [], [],
            [Claim(Rule("a"), Modality.Required), Claim(Rule("b"), Modality.Forbidden)], null);

        Assert.That(new[]
        {
            Answer.Of(Decided(Modality.Required, NotificationPoint.Booking, NotificationPoint.Release)).Text,
            Answer.Of(Decided(Modality.Required)).Text,
            Answer.Of(Decided(Modality.Permitted)).Text,
            Answer.Of(Decided(Modality.Forbidden)).Text,
            Answer.Of(conflict).Text,
        }, Is.EqualTo(new[] { "required (booking, release)", "required", "permitted", "forbidden", "unknown (rules conflict)" }));
    }

    [Test]
    public void Of_Outcome_InAReadersWordsWithoutTheHoldsEnd()
    {
        var answers = Enum.GetValues<Outcome>().Select(o => Answer.Of(new OutcomeFinding(o, DateTimeOffset.UnixEpoch, "why"))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Text), Is.EqualTo(new[] { "released", "held for ICE", "transferred to ICE", "discretionary" }));
            Assert.That(answers.Select(a => a.Value), Is.EqualTo(new[] { "released", "held_for_ice", "transferred_to_ice", "discretionary" }));
            Assert.That(answers.Select(a => a.Detail), Is.All.Null);
        }
    }

    [Test]
    public void Cites_DecidingAndConflictingRules_BothInOrderWithoutRepeats()
    {
        var first = Rule("a", "s. 1", "s. 2");
        var second = Rule("b", "s. 2", "s. 3");
        var decision = new Decision(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Unknown), [], [],
            [Claim(first, Modality.Required), Claim(second, Modality.Forbidden)], null);
        var decided = new Decision(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Required), [Claim(first, Modality.Required)], [],
            [Claim(second, Modality.Required)], null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Cites.Select(c => c.Pinpoint), Is.EqualTo(new[] { "s. 1", "s. 2", "s. 3" }));
            Assert.That(decided.Cites.Select(c => c.Pinpoint), Is.EqualTo(new[] { "s. 1", "s. 2", "s. 3" }));
        }
    }

    [Test]
    public void Cites_ADefault_OnlyItsOwn()
    {
        var @default = new DefaultDecision(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Permitted), "silent", [new Citation(Law, "s. 9")]);
        var decision = new Decision(@default.Effect, [], [Claim(Rule("lost", "s. 1"), Modality.Forbidden)], [], @default);

        Assert.That(decision.Cites.Select(c => c.Pinpoint), Is.EqualTo(new[] { "s. 9" }));
    }
}
