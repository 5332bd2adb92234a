using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class LayerCompositionTests
{
    private static Decision D(Modality value) =>
        new(DecisionEffect.Of(DecisionKind.DelayRelease, value), [], [], [], new DefaultDecision(DecisionEffect.Of(DecisionKind.DelayRelease, value), "x", []));

    private static (Modality Value, string Layer, int Disagreements) Compose(Modality own, params Modality[] authorities)
    {
        var (decision, layer, disagreements) = LayerComposition.Compose("city", D(own), [.. authorities.Select((a, i) => ($"state{i}", D(a)))]);
        return (decision.Value, layer, disagreements.Count);
    }

    [TestCase(Modality.Required, Modality.Forbidden, Modality.Forbidden, "state0", 1, TestName = "Compose_StateForbidsWhatCityRequires_Forbidden")]
    [TestCase(Modality.Forbidden, Modality.Required, Modality.Required, "state0", 1, TestName = "Compose_StateRequiresWhatCityForbids_Required")]
    [TestCase(Modality.Permitted, Modality.Required, Modality.Required, "state0", 1, TestName = "Compose_StateRequiresWhatCityPermits_Required")]
    [TestCase(Modality.Forbidden, Modality.Permitted, Modality.Forbidden, "city", 1, TestName = "Compose_CityNarrowsAStatePermission_CityForbids")]
    [TestCase(Modality.Required, Modality.Permitted, Modality.Required, "city", 1, TestName = "Compose_CityUsesAStatePermission_CityRequires")]
    [TestCase(Modality.Unknown, Modality.Permitted, Modality.Permitted, "state0", 0, TestName = "Compose_CitySilentStatePermits_Permitted")]
    [TestCase(Modality.Unknown, Modality.Forbidden, Modality.Forbidden, "state0", 0, TestName = "Compose_CitySilentStateForbids_Forbidden")]
    [TestCase(Modality.Forbidden, Modality.Unknown, Modality.Forbidden, "city", 0, TestName = "Compose_StateSilent_CityStands")]
    [TestCase(Modality.Permitted, Modality.Permitted, Modality.Permitted, "city", 0, TestName = "Compose_Agree_NoDisagreement")]
    public void Compose_OneAuthority(Modality own, Modality authority, Modality expected, string layer, int disagreements) =>
        Assert.That(Compose(own, authority), Is.EqualTo((expected, layer, disagreements)));

    [Test]
    public void Compose_AuthoritiesForbidAndRequire_UnknownAndBothReported()
    {
        var (value, layer, disagreements) = Compose(Modality.Permitted, Modality.Forbidden, Modality.Required);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(Modality.Unknown));
            Assert.That(layer, Does.StartWith("conflict between"));
            Assert.That(disagreements, Is.EqualTo(2));
        }
    }

    // Found by the differential tests (seeds 12 and 29): a policy bound by law-1 and law-2, law-1 itself
    // bound by law-2. The delegate twin compiles law-2 once and shares its settled decisions, so law-1's
    // answer and law-2's were the same object, and composing by identity named law-1 as the layer where
    // the rule network, whose sessions make new objects, named law-2.
    [Test]
    public void Compose_TwoAuthoritiesHandOverTheSameDecision_LayerAsIfTheyWereCopies()
    {
        var required = D(Modality.Required);
        var copy = D(Modality.Required);

        var (_, shared, _) = LayerComposition.Compose("city", D(Modality.Permitted), [("state0", required), ("state1", required)]);
        var (_, copies, _) = LayerComposition.Compose("city", D(Modality.Permitted), [("state0", required), ("state1", copy)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copies, Is.EqualTo("state1"), "a later binding authority answers");
            Assert.That(shared, Is.EqualTo(copies));
        }
    }

    [TestCase(Modality.Permitted, Modality.Unknown, "state0", TestName = "Compose_CitySilentTwoStatesPermit_FirstPermissionAnswers")]
    [TestCase(Modality.Permitted, Modality.Forbidden, "city", TestName = "Compose_CityForbidsTwoStatesPermit_CityAnswers")]
    public void Compose_TwoPermissions(Modality authorities, Modality own, string layer)
    {
        var (value, answered, _) = LayerComposition.Compose("city", D(own), [("state0", D(authorities)), ("state1", D(authorities))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value.Value, Is.EqualTo(own == Modality.Unknown ? authorities : own));
            Assert.That(answered, Is.EqualTo(layer));
        }
    }
}
