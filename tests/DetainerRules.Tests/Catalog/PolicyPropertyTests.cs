using DetainerRules.Model.Decisions;
using DetainerRules.Testing;

namespace DetainerRules.Tests.Catalog;

/// <summary>
/// Properties of the catalog's policies that hold in every case the model can express, each stated
/// as its source states it. A failure prints a counter-example scenario.
/// </summary>
[TestFixture]
public class PolicyPropertyTests
{
    // Chicago Municipal Code 2-173-020(a): no detention on a civil immigration detainer or an
    // administrative warrant; a judge's warrant is outside the ordinance (unknown, not a hold).
    [Test]
    public void Chicago_NeverDelaysARelease() =>
        Assert.That(Policies.Load("chicago"), Never.DelaysRelease);

    // 2-173-020(a)(5): no transfer to ICE for civil enforcement.
    [Test]
    public void Chicago_ForbidsTransferUnlessAJudgeSignedTheWarrant() =>
        Assert.That(Policies.Load("chicago"), Always.Forbids(DecisionKind.TransferToIce).Over(Space.Where("detainer.warrant!=judicial")));

    // Gov. Code 7284.6(a)(1)(B) (SB 54): no holding anyone on a hold request.
    [Test]
    public void California_NeverHoldsOnAHoldRequestWithoutAJudgesWarrant() =>
        Assert.That(Policies.Load("california"), Always.Forbids(DecisionKind.DelayRelease).Over(Space.Where("detainer.warrant!=judicial")));

    // 7282.5(a) permits notice only for listed records; it never obliges an agency to tell ICE.
    [Test]
    public void California_NeverRequiresNotifyingIce() =>
        Assert.That(Policies.Load("california"), Never.Requires(DecisionKind.NotifyIce));

    // Stockton is bound by California law (bound_by: [california]) and its own published position
    // adds nothing that California leaves open, so its answers are California's in every case.
    [TestCase(DecisionKind.NotifyIce)]
    [TestCase(DecisionKind.DelayRelease)]
    [TestCase(DecisionKind.TransferToIce)]
    [TestCase(DecisionKind.AskImmigrationStatus)]
    public void Stockton_AnswersAsCaliforniaLawDoes(DecisionKind decision) =>
        Assert.That(Policies.Compare("stockton", "california").On(decision), Answers.Agree);

    // LVMPD Policy 4.166 (2023): no one's custody is extended for ICE without a judge's warrant.
    [Test]
    public void Lvmpd2023_ReleasesWhenIceIsAbsentUnlessAJudgeSignedTheWarrant() =>
        Assert.That(Policies.Load("lvmpd-2023"), Always.Requires(DecisionKind.ReleaseIfIceAbsent).Over(Space.Where("detainer.warrant!=judicial")));

    // The 31 January 2025 change only added offenses to the notification list (KNPR, 3 February 2025).
    [Test]
    public void Lvmpd2025January_NotifiesWhereverThe2023PolicyDid() =>
        Assert.That(Policies.Compare("lvmpd-2023", "lvmpd-2025-01").On(DecisionKind.NotifyIce), Answers.RequiredInSubset);

    [Test]
    public void Lvmpd2025January_NotifiesInMoreCasesThanThe2023Policy() =>
        Assert.That(Policies.Compare("lvmpd-2023", "lvmpd-2025-01").On(DecisionKind.NotifyIce), Answers.Differ);

    // The June 2025 287(g) agreement changed holds, not the notification list.
    [Test]
    public void Lvmpd2025June_KeepsTheJanuaryNotificationList() =>
        Assert.That(Policies.Compare("lvmpd-2025-01", "lvmpd-2025-06").On(DecisionKind.NotifyIce), Answers.Agree);

    // Under the Warrant Service Officer agreement the jail holds on ICE's administrative warrant.
    [Test]
    public void Lvmpd2025June_HoldsOnAnAdministrativeWarrant() =>
        Assert.That(Policies.Load("lvmpd-2025-06"), Sometimes.Requires(DecisionKind.DelayRelease).Over(Space.Where("detainer.warrant=administrative")));

    // Texas Code of Criminal Procedure 2.251(a)(1): an I-247A must be honored unless the person
    // shows proof of citizenship or lawful status.
    [Test]
    public void TexasSb4_AlwaysHoldsOnAnI247AWithoutProofOfStatus() =>
        Assert.That(Policies.Load("texas-sb4"), Always.Requires(DecisionKind.DelayRelease).Over(Space.Where("detainer.form=I-247A", "person.lawful_status_proof=no")));

    // 2.251(b): with proof of status the duty lifts; SB 4 does not then require the hold.
    [Test]
    public void TexasSb4_NeverRequiresAHoldOnceStatusIsProven() =>
        Assert.That(Policies.Load("texas-sb4"), Never.Requires(DecisionKind.DelayRelease).Over(Space.Where("person.lawful_status_proof=yes")));

    // New York City Admin. Code 9-131: a detainer is honored only with a judicial warrant.
    [Test]
    public void Nyc_NeverHoldsWithoutAJudicialWarrant() =>
        Assert.That(Policies.Load("nyc"), Never.DelaysRelease.Over(Space.Where("detainer.warrant!=judicial")));

    // The Illinois TRUST Act (5 ILCS 805/15) forbids detainer holds; Cook County's ordinance goes no further on holds.
    [Test]
    public void CookCounty_ForbidsHoldsWhereIllinoisDoes() =>
        Assert.That(Policies.Compare("illinois", "cook-county").On(DecisionKind.DelayRelease), Answers.ForbiddenInSubset);

    // Florida Stat. 908.105: facially sufficient detainers must be honored, and 908.102(2)(c) counts a
    // detainer "accompanied by" ICE's I-200 or I-205; so wherever the federal request asks for a hold
    // on an I-247A with ICE's warrant, a Florida jail must hold. (Not for a judge's warrant: whether a
    // state court's is one "authorized by federal law" is open, and the file answers unknown. The
    // reverse fails: ICE's request excludes U.S. citizens; Florida's statute, as encoded, does not.)
    [Test]
    public void Florida_HoldsWhereverTheDetainerRequestAsksWhenIcesWarrantIsAttached() =>
        Assert.That(
            Policies.Compare("ice-detainer-request", "florida").On(DecisionKind.DelayRelease).Over(Space.Where("detainer.form=I-247A", "detainer.warrant=administrative")),
            Answers.RequiredInSubset);

    // Sanctuary laws: no ICE presence in Oregon's or Washington's jails ends with a hand-over on a civil detainer.
    [TestCase("oregon")]
    [TestCase("washington")]
    public void SanctuaryStates_NeverTransferOnACivilDetainer(string policy) =>
        Assert.That(Policies.Load(policy), Never.Outcome(Outcome.TransferredToIce).Over(Space.Where("detainer.warrant!=judicial")));
}
