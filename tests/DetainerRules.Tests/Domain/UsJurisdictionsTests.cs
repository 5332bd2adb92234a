using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>The postal codes a policy's <c>state</c> may take (USPS Publication 28, appendix B), and the fifty-one places the coverage map lists.</summary>
[TestFixture]
public class UsJurisdictionsTests
{
    [Test]
    public void Names_EveryCodeTwoCapitalsAndEveryNameItsOwn()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UsJurisdictions.Names.Keys, Has.All.Match("^[A-Z]{2}$"));
            Assert.That(UsJurisdictions.Names.Values, Is.Unique.And.All.Not.Empty);
            Assert.That(UsJurisdictions.Names, Has.Count.EqualTo(57), "50 states, the District, 5 territories and the federal code");
        }
    }

    [Test]
    public void Names_AFewByTheirCodes() =>
        Assert.That(
            new[] { "NV", "DC", "PR", "VI", "US" }.Select(c => UsJurisdictions.Names[c]),
            Is.EqualTo(new[] { "Nevada", "District of Columbia", "Puerto Rico", "U.S. Virgin Islands", "United States (federal)" }));

    [Test]
    public void StatesAndDistrict_FiftyOnePlacesInCodeOrderWithoutTerritoriesOrFederal()
    {
        var places = UsJurisdictions.StatesAndDistrict;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(places, Has.Count.EqualTo(51));
            Assert.That(places, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(places, Does.Contain("DC").And.Contain("WY"));
            Assert.That(places, Has.None.AnyOf("AS", "GU", "MP", "PR", "VI", UsJurisdictions.Federal));
        }
    }
}
