using DetainerRules.Model.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary>Finding an agency by a name as people write it: <see cref="AgencyLookup"/> over a fixture roster.</summary>
[TestFixture]
public class AgencyLookupTests
{
    private static Agency Agency(string id, string name, string state, AgencyType type = AgencyType.Sheriff, string? policy = null) =>
        new(id, name, type, state, null, null, policy, []);

    private static readonly AgencyRoster Roster = new([],
    [
        Agency("ga-harris-county-sheriffs-office", "Harris County Sheriff's Office", "GA"),
        Agency("tx-harris-county-sheriffs-office", "Harris County Sheriff's Office", "TX", policy: "harris-county"),
        Agency("nv-las-vegas-metropolitan-police-department", "Las Vegas Metropolitan Police Department", "NV", AgencyType.LocalPolice, "lvmpd"),
        Agency("ny-new-york-city-department-of-correction", "New York City Department of Correction", "NY", AgencyType.Corrections, "nyc"),
        Agency("al-colbert-county-sheriffs-office", "Colbert County Sheriff's Office", "AL"),
        Agency("AL0200000", "Colbert County Jail", "AL", AgencyType.Corrections),
        Agency("tx-wharton-county-sheriffs-office", "Wharton County Sheriff\u2019s Office", "TX"),
    ]);

    private static IEnumerable<string> Ids(string query, string? state = null) => AgencyLookup.Find(Roster, query, state).Select(a => a.Id);

    [TestCase("Colbert County Sheriff's Office")]
    [TestCase("colbert county sheriffs office")]
    [TestCase("COLBERT COUNTY SHERIFF")]
    [TestCase("Colbert County SO")]
    [TestCase("Colbert Co. Sheriff's Dept.")]
    [TestCase("  Colbert   County Sheriff  ")]
    [TestCase("al-colbert-county-sheriffs-office")]
    public void Name_SpelledAnyUsualWay_FindsTheAgency(string query) =>
        Assert.That(Ids(query), Is.EqualTo(new[] { "al-colbert-county-sheriffs-office" }));

    [TestCase("Las Vegas Metropolitan PD")]
    [TestCase("las vegas metropolitan police")]
    [TestCase("LVMPD")]
    [TestCase("lvmpd")]
    [TestCase("Las Vegas Metropolitan")]
    public void PoliceDepartment_ByShortFormInitialsOrWords_IsFound(string query) =>
        Assert.That(Ids(query), Is.EqualTo(new[] { "nv-las-vegas-metropolitan-police-department" }));

    [Test]
    public void Initials_WithSpaces_AreRead() =>
        Assert.That(Ids("NYC DOC"), Is.EqualTo(new[] { "ny-new-york-city-department-of-correction" }));

    [Test]
    public void Initials_ThreeLettersAreEnough_TwoAreNot()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids("CCJ"), Is.EqualTo(new[] { "AL0200000" }), "Colbert County Jail");
            Assert.That(Ids("CC"), Is.Empty, "two letters name too many agencies to be read as initials");
        }
    }

    [Test]
    public void TypographicApostrophe_MatchesAStraightOne() =>
        Assert.That(Ids("Wharton County Sheriff's Office"), Is.EqualTo(new[] { "tx-wharton-county-sheriffs-office" }));

    [Test]
    public void Ori_FindsTheAgency() => Assert.That(Ids("AL0200000"), Is.EqualTo(new[] { "AL0200000" }));

    [Test]
    public void SameNameInTwoStates_IsAmbiguous_UntilTheStateIsGiven()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids("Harris County SO"), Is.EquivalentTo(new[] { "ga-harris-county-sheriffs-office", "tx-harris-county-sheriffs-office" }));
            Assert.That(Ids("Harris County SO", "TX"), Is.EqualTo(new[] { "tx-harris-county-sheriffs-office" }));
        }
    }

    [Test]
    public void WordsSharedBySeveralAgencies_AreAmbiguous() =>
        Assert.That(Ids("Colbert County"), Is.EquivalentTo(new[] { "al-colbert-county-sheriffs-office", "AL0200000" }));

    [TestCase("Springfield Police Department")]
    [TestCase("Harris County Sheriff's Office Annex")]
    [TestCase("'")]
    public void UnknownName_FindsNothing(string query) => Assert.That(Ids(query), Is.Empty);

    [Test]
    public void Key_FoldsTheKindOfOfficeAndPunctuation()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(AgencyNames.Key("The Harris County Sheriff's Office"), Is.EqualTo(AgencyNames.Key("harris co sheriff")));
            Assert.That(AgencyNames.Key("Reno Police Dept."), Is.EqualTo(AgencyNames.Key("Reno PD")));
            Assert.That(AgencyNames.Key("Reno Police Department"), Is.Not.EqualTo(AgencyNames.Key("Reno Sheriff")));
        }
    }
}
