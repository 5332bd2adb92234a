using DetainerRules.Model.Decisions;

namespace DetainerRules.Tests.Domain;

/// <summary>Something for some or all decisions (a policy's defaults, the layer in force), read as a dictionary keyed by the decision.</summary>
[TestFixture]
public class DecisionDictionaryTests
{
    // Given out of the decisions' order, one left out.
    private static DecisionDictionary<string> Layers() => new(kind => kind switch
    {
        DecisionKind.AssistCivilEnforcement => "state",
        DecisionKind.NotifyIce => "county",
        DecisionKind.DelayRelease => "city",
        _ => null,
    });

    [Test]
    public void Lookup_DecisionGiven_ItsValue()
    {
        var layers = Layers();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(layers[DecisionKind.DelayRelease], Is.EqualTo("city"));
            Assert.That(layers.TryGetValue(DecisionKind.AssistCivilEnforcement, out var layer), Is.True);
            Assert.That(layer, Is.EqualTo("state"));
            Assert.That(layers.ContainsKey(DecisionKind.NotifyIce), Is.True);
            Assert.That(layers.GetValueOrDefault(DecisionKind.NotifyIce), Is.EqualTo("county"));
        }
    }

    [Test]
    public void Lookup_DecisionLeftOut_NoValue()
    {
        var layers = Layers();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(layers.TryGetValue(DecisionKind.TransferToIce, out _), Is.False);
            Assert.That(layers.ContainsKey(DecisionKind.TransferToIce), Is.False);
            Assert.That(layers.GetValueOrDefault(DecisionKind.TransferToIce), Is.Null);
            Assert.Throws<KeyNotFoundException>(() => _ = layers[DecisionKind.TransferToIce]);
        }
    }

    [Test]
    public void Enumerate_SomeDecisions_ThoseGivenInTheDecisionsOrder()
    {
        var layers = Layers();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(layers, Has.Count.EqualTo(3));
            Assert.That(layers.Keys, Is.EqualTo(new[] { DecisionKind.NotifyIce, DecisionKind.DelayRelease, DecisionKind.AssistCivilEnforcement }));
            Assert.That(layers.Values, Is.EqualTo(new[] { "county", "city", "state" }));
        }
    }

    [Test]
    public void Enumerate_NoDecision_Empty() => Assert.That(new DecisionDictionary<string>(_ => null), Is.Empty);
}
