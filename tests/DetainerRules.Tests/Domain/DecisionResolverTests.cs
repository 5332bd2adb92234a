using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class DecisionResolverTests
{
    private static readonly DefaultDecision Fallback = new(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Forbidden), "default", []);

    private static Assertion Claim(string id, int priority, Modality value) =>
        new(new PolicyRule(id, new Constant(true, SourceSpan.None), "true", [], priority, id, [], SourceSpan.None), DecisionEffect.Of(DecisionKind.NotifyIce, value));

    [Test]
    public void Resolve_ClaimsInAnyOrder_SameAnswer()
    {
        var claims = new[] { Claim("a", 1, Modality.Permitted), Claim("b", 5, Modality.Required), Claim("c", 5, Modality.Required), Claim("d", 0, Modality.Forbidden) };

        var forward = DecisionResolver.Resolve(DecisionKind.NotifyIce, claims, Fallback);
        var backward = DecisionResolver.Resolve(DecisionKind.NotifyIce, claims.Reverse(), Fallback);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forward.Value, Is.EqualTo(Modality.Required));
            Assert.That(forward.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(backward.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(backward.Overridden.Select(a => a.Rule.Id), Is.EqualTo(new[] { "a", "d" }));
        }
    }

    [Test]
    public void Resolve_NotifyAtDifferentPointsAtEqualPriority_PointsAddUp()
    {
        var booking = new Assertion(Claim("a", 0, Modality.Required).Rule, new DecisionEffect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Booking], null));
        var release = new Assertion(Claim("b", 0, Modality.Required).Rule, new DecisionEffect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Release], null));

        var decision = DecisionResolver.Resolve(DecisionKind.NotifyIce, [booking, release], Fallback);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsConflict, Is.False);
            Assert.That(decision.Effect.At, Is.EqualTo(new[] { NotificationPoint.Booking, NotificationPoint.Release }));
        }
    }

    [Test]
    public void Resolve_AgreeingRulesNameTheSamePoint_ToldOnceAndInTheOrderOfThePoints()
    {
        // Rule ids put release first; the points keep their own order, and a point named twice is named once.
        var release = new Assertion(Claim("a", 0, Modality.Required).Rule, new DecisionEffect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Release], null));
        var both = new Assertion(Claim("b", 0, Modality.Required).Rule, new DecisionEffect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Release, NotificationPoint.Booking], null));

        var decision = DecisionResolver.Resolve(DecisionKind.NotifyIce, [both, release], Fallback);

        Assert.That(decision.Effect.At, Is.EqualTo(new[] { NotificationPoint.Booking, NotificationPoint.Release }));
    }

    [Test]
    public void Resolve_EqualTopPrioritiesDisagree_UnknownWithTheConflictAndTheLowerClaimsOverridden()
    {
        var claims = new[] { Claim("low", 1, Modality.Permitted), Claim("no", 5, Modality.Forbidden), Claim("yes", 5, Modality.Required) };

        var decision = DecisionResolver.Resolve(DecisionKind.NotifyIce, claims, Fallback);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Value, Is.EqualTo(Modality.Unknown));
            Assert.That(decision.IsConflict, Is.True);
            Assert.That(decision.Conflict.Select(a => a.Rule.Id), Is.EqualTo(new[] { "no", "yes" }));
            Assert.That(decision.Deciding, Is.Empty);
            Assert.That(decision.Overridden.Select(a => a.Rule.Id), Is.EqualTo(new[] { "low" }));
            Assert.That(decision.Default, Is.Null);
        }
    }

    [Test]
    public void Resolve_OnlyClaimsOnOtherDecisions_TheDefault()
    {
        var other = new Assertion(Claim("x", 9, Modality.Required).Rule, DecisionEffect.Of(DecisionKind.TransferToIce, Modality.Required));

        var decision = DecisionResolver.Resolve(DecisionKind.NotifyIce, [other], Fallback);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Value, Is.EqualTo(Modality.Forbidden));
            Assert.That(decision.Default, Is.SameAs(Fallback));
            Assert.That(decision.Deciding.Concat(decision.Overridden).Concat(decision.Conflict), Is.Empty);
        }
    }
}
