using DetainerRules.Analysis;
using DetainerRules.Analysis.Words;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Tests.Analysis;

/// <summary>Lists in plain English (<see cref="Wording"/>) and subjects found by the names files and the command line use (<see cref="Subject.Find"/>).</summary>
[TestFixture]
public class WordingTests
{
    private static readonly string[] Levels = ["infraction", "misdemeanor", "gross misdemeanor", "felony"];

    [Test]
    public void Or_NoneOneTwoAndMore()
    {
        Assert.That(Wording.Or([]), Is.Empty);
        Assert.That(Wording.Or(["a"]), Is.EqualTo("a"));
        Assert.That(Wording.Or(["a", "b"]), Is.EqualTo("a or b"));
        Assert.That(Wording.And(["a", "b", "c"]), Is.EqualTo("a, b and c"));
    }

    [Test]
    public void Choice_Everything_TheWordForAnything()
    {
        Assert.That(Wording.Choice(Levels, Levels, "any level"), Is.EqualTo("any level"));
    }

    [Test]
    public void Choice_SomeOrAllButFew()
    {
        Assert.That(Wording.Choice(["felony"], Levels, "any level"), Is.EqualTo("felony"));
        Assert.That(Wording.Choice(["a", "b", "c", "d"], ["a", "b", "c", "d", "e"], "any"), Is.EqualTo("any but e"));
        Assert.That(Wording.Choice(["a", "b", "c"], ["a", "b", "c", "d"], "any"), Is.EqualTo("a, b or c"), "three are said as they are");
    }

    [Test]
    public void Find_DecisionsAndTheOutcomeByName()
    {
        Assert.That(Subject.Find("notify_ice"), Is.EqualTo(Subject.Of(DecisionKind.NotifyIce)));
        Assert.That(Subject.Find("outcome"), Is.SameAs(Subject.Outcome));
        Assert.That(Subject.Find("notify"), Is.Null);
    }
}
