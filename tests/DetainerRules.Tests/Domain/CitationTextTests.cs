using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>The words and links a reader is given for a citation and a hold limit, as reports print them.</summary>
[TestFixture]
public class CitationTextTests
{
    private static readonly Source Statute = new("gs-162-62", "N.C. Gen. Stat.", "https://www.ncleg.gov/162-62", "G.S. 162-62");

    [Test]
    public void Link_PinpointHasItsOwn_ThePinpointsLink() =>
        Assert.That(new Citation(Statute, "(b)", Url: "https://www.ncleg.gov/162-62#b").Link, Is.EqualTo("https://www.ncleg.gov/162-62#b"));

    [Test]
    public void Link_PinpointHasNone_TheSourcesLink() =>
        Assert.That(new Citation(Statute, "(b)").Link, Is.EqualTo("https://www.ncleg.gov/162-62"));

    [TestCase(true, true, "48 hours, excluding weekends and federal holidays")]
    [TestCase(true, false, "48 hours, excluding weekends")]
    [TestCase(false, true, "48 hours, excluding federal holidays")]
    [TestCase(false, false, "48 hours")]
    public void HoldLimit_Hours_SaysWhatIsExcluded(bool weekends, bool holidays, string text) =>
        Assert.That(new HoldLimit("h48", 48, weekends, holidays, "ignored when hours are given").Text, Is.EqualTo(text));

    [Test]
    public void HoldLimit_NoHours_ItsDescriptionElseItsName()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new HoldLimit("judicial_warrant", null, false, false, "as long as the judge's warrant allows").Text, Is.EqualTo("as long as the judge's warrant allows"));
            Assert.That(new HoldLimit("judicial_warrant", null, false, false, null).Text, Is.EqualTo("judicial_warrant"));
        }
    }
}
