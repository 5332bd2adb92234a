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

    [TestCase(Modality.Required, Modality.Forbidden, Modality.Forbidden, "state0", 1, "state forbids what city requires: forbidden")]
    [TestCase(Modality.Forbidden, Modality.Required, Modality.Required, "state0", 1, "state requires what city forbids: required")]
    [TestCase(Modality.Permitted, Modality.Required, Modality.Required, "state0", 1, "state requires what city permits: required")]
    [TestCase(Modality.Forbidden, Modality.Permitted, Modality.Forbidden, "city", 1, "city narrows a state permission: city forbids")]
    [TestCase(Modality.Required, Modality.Permitted, Modality.Required, "city", 1, "city uses a state permission: city requires")]
    [TestCase(Modality.Unknown, Modality.Permitted, Modality.Permitted, "state0", 0, "city silent state permits: permitted")]
    [TestCase(Modality.Unknown, Modality.Forbidden, Modality.Forbidden, "state0", 0, "city silent state forbids: forbidden")]
    [TestCase(Modality.Forbidden, Modality.Unknown, Modality.Forbidden, "city", 0, "state silent: city stands")]
    [TestCase(Modality.Permitted, Modality.Permitted, Modality.Permitted, "city", 0, "agree: no disagreement")]
    public void Compose_OneAuthority(Modality own, Modality authority, Modality expected, string layer, int disagreements, string what) =>
        Assert.That(Compose(own, authority), Is.EqualTo((expected, layer, disagreements)), what);

    [TestCase(Modality.Forbidden, Modality.Permitted, Modality.Forbidden, "city forbids state permits: the city prevails")]
    [TestCase(Modality.Permitted, Modality.Required, Modality.Required, "city permits state requires: the state prevails")]
    public void Compose_Disagreement_SaysWhatPrevails(Modality own, Modality authority, Modality prevails, string what)
    {
        var (_, _, disagreements) = LayerComposition.Compose("city", D(own), [("state", D(authority))]);

        Assert.That(disagreements, Is.EqualTo(new[] { new LayerDisagreement(DecisionKind.DelayRelease, "city", own, "state", authority, prevails) }), what);
    }

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

    [Test]
    public void Compose_TwoAuthoritiesHandTheSameDecisionObject_LayerAsIfTheyWereDistinct()
    {
        // A state bound by a federal rule and also listed beside it: once compiled as one graph,
        // both layers can hand over the very same Decision object. The layer named must not depend
        // on whether an engine shares it (the delegate twin did, the rule network did not).
        var shared = D(Modality.Required);
        var same = LayerComposition.Compose("city", D(Modality.Unknown), [("state", shared), ("federal", shared)]);
        var distinct = LayerComposition.Compose("city", D(Modality.Unknown), [("state", D(Modality.Required)), ("federal", D(Modality.Required))]);

        Assert.That((same.Layer, same.Decision.Value), Is.EqualTo((distinct.Layer, distinct.Decision.Value)).And.EqualTo(("federal", Modality.Required)));
    }

    [TestCase(Modality.Permitted, Modality.Unknown, "state0", "city silent two states permit: first permission answers")]
    [TestCase(Modality.Permitted, Modality.Forbidden, "city", "city forbids two states permit: city answers")]
    public void Compose_TwoPermissions(Modality authorities, Modality own, string layer, string what)
    {
        var (value, answered, _) = LayerComposition.Compose("city", D(own), [("state0", D(authorities)), ("state1", D(authorities))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value.Value, Is.EqualTo(own == Modality.Unknown ? authorities : own), what);
            Assert.That(answered, Is.EqualTo(layer), what);
        }
    }
    [Test]
    public void InForce_EveryCombinationOfUpToThreeAuthorities_TheDecisionComposeSettles()
    {
        var values = Enum.GetValues<Modality>();
        var combinations = values.Select(v => new[] { v })
            .Concat(values.SelectMany(a => values.Select(b => new[] { a, b })))
            .Concat(values.SelectMany(a => values.SelectMany(b => values.Select(c => new[] { a, b, c }))));
        var differing = new List<string>();
        foreach (var own in values)
        {
            foreach (var authorities in combinations)
            {
                var ownDecision = D(own);
                var theirs = authorities.Select(D).ToArray();
                var composed = LayerComposition.Compose("city", ownDecision, [.. theirs.Select((d, i) => ($"state{i}", d))]).Decision;
                var inForce = LayerComposition.InForce(ownDecision, theirs);
                // One of the layers' own decisions, the very object; or the unknown two binding authorities leave, made anew.
                var handedOn = theirs.Prepend(ownDecision).Any(d => ReferenceEquals(d, composed));
                var same = handedOn
                    ? ReferenceEquals(inForce, composed)
                    : inForce.Kind == composed.Kind && inForce.Value == composed.Value && inForce.Conflict.SequenceEqual(composed.Conflict)
                        && inForce.Deciding.Count == 0 && inForce.Overridden.Count == 0 && inForce.Default is null;
                if (!same)
                {
                    differing.Add($"{own} under {string.Join(", ", authorities)}");
                }
            }
        }

        Assert.That(differing, Is.Empty);
    }
}
