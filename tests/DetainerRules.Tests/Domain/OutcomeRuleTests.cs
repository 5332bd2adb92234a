using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class OutcomeRuleTests
{
    private static readonly DefaultDecision Unknown = new(DecisionEffect.Of(DecisionKind.NotifyIce, Modality.Unknown), "x", []);

    private static Decision D(DecisionKind kind, Modality value) => new(DecisionEffect.Of(kind, value), [], [], [], Unknown);

    private static OutcomeFinding Derive(Scenario scenario, Modality delay, Modality release, Modality transfer)
    {
        var decisions = new Dictionary<DecisionKind, Decision>
        {
            [DecisionKind.DelayRelease] = D(DecisionKind.DelayRelease, delay),
            [DecisionKind.ReleaseIfIceAbsent] = D(DecisionKind.ReleaseIfIceAbsent, release),
            [DecisionKind.TransferToIce] = D(DecisionKind.TransferToIce, transfer),
        };
        return OutcomeRule.Derive(scenario, k => decisions[k], new DateTimeOffset(2025, 1, 22, 18, 0, 0, TimeSpan.FromHours(-8)));
    }

    private static Scenario WithDetainer(bool icePresent) => TestScenarios.Arrest(extra: $$"""
        detainer: { form: I-247A, warrant: administrative }
        ice: { present_at_release: {{(icePresent ? "true" : "false")}} }
        """);

    /// <summary>Batch work settles every decision into an array by kind: the outcome read from it is the one derived from the three decisions, whatever the others say.</summary>
    [TestCase(true, Modality.Unknown, Modality.Unknown, Modality.Forbidden, Outcome.Released)]
    [TestCase(false, Modality.Forbidden, Modality.Unknown, Modality.Unknown, Outcome.Released)]
    [TestCase(false, Modality.Unknown, Modality.Forbidden, Modality.Unknown, Outcome.HeldForIce)]
    [TestCase(false, Modality.Permitted, Modality.Unknown, Modality.Forbidden, Outcome.Discretionary)]
    public void Of_EveryDecisionByKind_AsDerived(bool icePresent, Modality delay, Modality release, Modality transfer, Outcome expected)
    {
        var scenario = WithDetainer(icePresent);
        var decisions = Enum.GetValues<DecisionKind>().Select(kind => D(kind, kind switch
        {
            DecisionKind.DelayRelease => delay,
            DecisionKind.ReleaseIfIceAbsent => release,
            DecisionKind.TransferToIce => transfer,
            _ => Modality.Required,
        })).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OutcomeRule.Of(scenario, decisions), Is.EqualTo(expected));
            Assert.That(Derive(scenario, delay, release, transfer).Value, Is.EqualTo(expected));
        }
    }

    [TestCase(Modality.Required, Outcome.TransferredToIce)]
    [TestCase(Modality.Permitted, Outcome.Discretionary)]
    [TestCase(Modality.Forbidden, Outcome.Released)]
    [TestCase(Modality.Unknown, Outcome.Discretionary)]
    public void Derive_IcePresent_FollowsTransfer(Modality transfer, Outcome expected) =>
        Assert.That(Derive(WithDetainer(icePresent: true), Modality.Required, Modality.Forbidden, transfer).Value, Is.EqualTo(expected));

    [TestCase(Modality.Required, Modality.Unknown, Outcome.HeldForIce)]
    [TestCase(Modality.Unknown, Modality.Forbidden, Outcome.HeldForIce)]
    [TestCase(Modality.Forbidden, Modality.Unknown, Outcome.Released)]
    [TestCase(Modality.Unknown, Modality.Required, Outcome.Released)]
    [TestCase(Modality.Permitted, Modality.Unknown, Outcome.Discretionary)]
    [TestCase(Modality.Unknown, Modality.Unknown, Outcome.Discretionary)]
    public void Derive_IceAbsentWithDetainer_FollowsDelayAndRelease(Modality delay, Modality release, Outcome expected) =>
        Assert.That(Derive(WithDetainer(icePresent: false), delay, release, Modality.Unknown).Value, Is.EqualTo(expected));

    /// <summary>Discretion and silence are both <see cref="Outcome.Discretionary"/>, but the finding says which: a permitted hold or release leaves it to the agency; two unknowns mean the sources are silent.</summary>
    [TestCase(Modality.Permitted, Modality.Unknown, "leaves a hold to the agency")]
    [TestCase(Modality.Unknown, Modality.Permitted, "leaves a hold to the agency")]
    [TestCase(Modality.Permitted, Modality.Permitted, "leaves a hold to the agency")]
    [TestCase(Modality.Unknown, Modality.Unknown, "sources do not say whether the person is held")]
    public void Derive_IceAbsentHoldNotSettled_SaysWhetherLeftOrSilent(Modality delay, Modality release, string reason)
    {
        var outcome = Derive(WithDetainer(icePresent: false), delay, release, Modality.Unknown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Value, Is.EqualTo(Outcome.Discretionary));
            Assert.That(outcome.Reason, Does.Contain(reason));
        }
    }

    /// <summary>The hold's end is part of a finding only where a hold can happen: required, or left to the agency; never for a release, a transfer or silence.</summary>
    [TestCase(false, Modality.Required, Modality.Unknown, Modality.Unknown, true)]
    [TestCase(false, Modality.Permitted, Modality.Unknown, Modality.Unknown, true)]
    [TestCase(false, Modality.Unknown, Modality.Unknown, Modality.Unknown, false)]
    [TestCase(false, Modality.Forbidden, Modality.Required, Modality.Unknown, false)]
    [TestCase(true, Modality.Required, Modality.Forbidden, Modality.Required, false)]
    public void Derive_HoldUntil_OnlyWhereAHoldCanHappen(bool icePresent, Modality delay, Modality release, Modality transfer, bool carried)
    {
        var outcome = Derive(WithDetainer(icePresent), delay, release, transfer);

        Assert.That(outcome.HoldUntil, carried ? Is.Not.Null : Is.Null);
    }

    [Test]
    public void Derive_HeldForIce_CarriesHoldUntil()
    {
        var outcome = Derive(WithDetainer(icePresent: false), Modality.Required, Modality.Unknown, Modality.Unknown);

        Assert.That(outcome.HoldUntil, Is.EqualTo(new DateTimeOffset(2025, 1, 22, 18, 0, 0, TimeSpan.FromHours(-8))));
    }

    [Test]
    public void Derive_NoDetainerAndIceAbsent_ReleasedWhateverTheHoldRules()
    {
        var outcome = Derive(TestScenarios.Arrest(), Modality.Required, Modality.Forbidden, Modality.Required);

        Assert.That(outcome.Value, Is.EqualTo(Outcome.Released));
    }

    [Test]
    public void Derive_EveryWayToAnOutcome_ItsOwnReason()
    {
        // An explanation gives the reason: two paths to one outcome (released because ICE was refused, because
        // nothing asked for a hold, because the policy does not hold) must read differently, and each path alike.
        var values = Enum.GetValues<Modality>();
        var findings = new[] { WithDetainer(icePresent: true), WithDetainer(icePresent: false), TestScenarios.Arrest() }
            .SelectMany(s => values.SelectMany(d => values.SelectMany(r => values.Select(t => Derive(s, d, r, t)))))
            .Select(f => (f.Value, f.Reason))
            .Distinct()
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(findings, Has.Count.EqualTo(9), "four with ICE present, five without");
            Assert.That(findings.Select(f => f.Reason), Is.Unique.And.All.Not.Empty);
            Assert.That(findings.Count(f => f.Reason.StartsWith("ICE is present", StringComparison.Ordinal)), Is.EqualTo(4));
        }
    }
}
