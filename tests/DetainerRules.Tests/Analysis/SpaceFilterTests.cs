using DetainerRules.Analysis.Space;

namespace DetainerRules.Tests.Analysis;

/// <summary>The clauses of <c>--where</c> as the space reports them back (<see cref="SpaceFilter.Clauses"/>): one per field, sorted, values in the field's own order.</summary>
[TestFixture]
public class SpaceFilterTests
{
    [Test]
    public void Clauses_SortedByFieldWithValuesInTheirOrder()
    {
        var filter = SpaceFilter.Parse(["convictions.count=2+,0", "charge.level=felony,misdemeanor"]);

        Assert.That(filter.Clauses, Is.EqualTo(new[] { "charge.level=misdemeanor,felony", "convictions.count=0,2+" }));
    }

    [Test]
    public void Clauses_TwoOnOneField_BothHold()
    {
        var filter = SpaceFilter.Parse(["convictions.count=0,1", "convictions.count!=0"]);

        Assert.That(filter.Clauses, Is.EqualTo(new[] { "convictions.count=1" }));
    }

    [Test]
    public void Clauses_Negated_EveryOtherValue()
    {
        Assert.That(SpaceFilter.Parse(["convictions.count!=1"]).Clauses, Is.EqualTo(new[] { "convictions.count=0,2+" }));
        Assert.That(SpaceFilter.None.Clauses, Is.Empty);
    }
}
