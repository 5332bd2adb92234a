using DetainerRules.Model.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary>The days a 287(g) agreement runs, and how a roster's agreements are counted per state: on agencies written for the test.</summary>
[TestFixture]
public class AgreementTests
{
    private static readonly DateOnly Signed = new(2025, 6, 1);
    private static readonly DateOnly Ends = new(2025, 6, 30);

    [TestCase("2025-05-31", false, "the day before signing: no")]
    [TestCase("2025-06-01", true, "the day of signing: yes")]
    [TestCase("2025-06-30", true, "the last day: yes")]
    [TestCase("2025-07-01", false, "the day after it ended: no")]
    public void InForceOn_AnAgreementThatEnded(string day, bool expected, string what) =>
        Assert.That(new Agreement(AgreementModel.Tfm, Signed, Ends).InForceOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected), what);

    [Test]
    public void InForceOn_StillListed_FromSigningOnAndNotBefore()
    {
        var listed = new Agreement(AgreementModel.Wso, Signed);

        Assert.That(new[] { listed.InForceOn(Signed.AddDays(-1)), listed.InForceOn(Signed), listed.InForceOn(new DateOnly(2040, 1, 1)) }, Is.EqualTo(new[] { false, true, true }));
    }

    [Test]
    public void PolicyId_EachModel_TheCatalogPolicyOfItsStandardAgreement() =>
        Assert.That(Enum.GetValues<AgreementModel>().Select(Agreement.ModelPolicyId), Is.EqualTo(new[] { "287g-jem", "287g-wso", "287g-tfm" }));

    [Test]
    public void AgencyInForceOn_OrderedByModelThenSigning_EndedOnesLeftOut()
    {
        var agency = Agency("ut", "UT", null,
            new Agreement(AgreementModel.Tfm, new DateOnly(2025, 3, 1)),
            new Agreement(AgreementModel.Wso, new DateOnly(2025, 5, 1)),
            new Agreement(AgreementModel.Jem, new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 1)),
            new Agreement(AgreementModel.Wso, new DateOnly(2025, 1, 1)));

        var inForce = agency.InForceOn(new DateOnly(2025, 6, 1)).Select(a => (a.Model, a.Signed.Month));

        Assert.That(inForce, Is.EqualTo(new[] { (AgreementModel.Wso, 1), (AgreementModel.Wso, 5), (AgreementModel.Tfm, 3) }));
    }

    [Test]
    public void Of_TwoStates_CountsEachStateInPostalOrder()
    {
        var roster = new AgencyRoster([], [
            Agency("wy-a", "WY", null, new Agreement(AgreementModel.Wso, Signed), new Agreement(AgreementModel.Wso, Signed.AddDays(10))),
            Agency("ut-a", "UT", "ut-a", new Agreement(AgreementModel.Tfm, Signed)),
            Agency("wy-b", "WY", "wy-b", new Agreement(AgreementModel.Jem, Signed), new Agreement(AgreementModel.Wso, Signed)),
            Agency("wy-c", "WY", null),
        ]);

        var states = StateAgreements.Of(roster);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states.Select(s => (s.State, s.Agencies, s.WithPolicy)), Is.EqualTo(new[] { ("UT", 1, 1), ("WY", 3, 1) }));

            // Agreements per model (jem, wso, tfm): three WSO agreements in Wyoming, held by two agencies.
            Assert.That(states[1].Agreements, Is.EqualTo(new[] { 1, 3, 0 }));
            Assert.That(states[1].AgenciesWith, Is.EqualTo(new[] { 1, 2, 0 }));
            Assert.That(states[0].Agreements.Concat(states[0].AgenciesWith), Is.EqualTo(new[] { 0, 0, 1, 0, 0, 1 }));

            var all = StateAgreements.All(roster);
            Assert.That((all.State, all.Agencies, all.WithPolicy), Is.EqualTo(("all", 4, 2)));
            Assert.That(all.Agreements.Concat(all.AgenciesWith), Is.EqualTo(new[] { 1, 3, 1, 1, 2, 1 }));
        }
    }

    private static Agency Agency(string id, string state, string? policy, params Agreement[] agreements) =>
        new(id, id, AgencyType.Sheriff, state, null, null, policy, agreements);
}
