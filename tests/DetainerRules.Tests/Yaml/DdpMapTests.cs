using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Yaml;

/// <summary>The shipped map for ICE's detainer records (<c>seeds/maps/ddp-detainers.yaml</c>) on a hand-made file in their layout.</summary>
[TestFixture]
public class DdpMapTests
{
    private static readonly string MapFile = Path.Combine(Repository.Root, "seeds", "maps", "ddp-detainers.yaml");
    private static readonly string Sample = Path.Combine(Fixtures.Folder, "ddp", "detainers-sample.csv");
    private static readonly JurisdictionTime LosAngeles = JurisdictionTime.Find("America/Los_Angeles")!;

    private List<ScenarioRecord> _records = null!;

    [OneTimeSetUp]
    public void Read()
    {
        var map = RecordMapLoader.LoadFile(MapFile, "ddp-detainers.yaml");
        using var reader = new StreamReader(Sample);
        _records = [.. CsvScenarios.Read(reader, "sample.csv", new CsvReading(LosAngeles, map)).Select(r => r.Parse())];
    }

    private Scenario Row(string id)
    {
        var record = _records.Single(r => r.Id == id);
        Assert.That(record.Errors, Is.Empty, string.Join("\n", record.Errors));
        return record.Scenario!;
    }

    [Test]
    public void Sample_EveryRowGivesOneRecordWithItsId() =>
        Assert.That(_records.Select(r => r.Id), Is.EqualTo(new[] { "p-001", "p-002", "p-003", "p-004", "p-005", "p-006", "p-007" }));

    [Test]
    public void Robbery_ConvictionFromTheNcicCode_BornAndCitizenAbroad_DetainerWithAnAdministrativeWarrant()
    {
        var s = Row("p-001");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.BookedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 20, 12, 0, 0, TimeSpan.FromHours(-7))), "the prepare day at noon in --timezone");
            Assert.That((s.Person.ForeignBorn, s.Person.Citizenship), Is.EqualTo(((bool?)true, Citizenship.Noncitizen)));
            Assert.That(s.Convictions.Select(c => (c.Offense, c.Level, c.Category, c.ConvictedOn)),
                Is.EqualTo(new[] { ("Robbery", OffenseLevel.Felony, OffenseCategory.Robbery, new DateOnly(2019, 6, 30)) }));
            Assert.That((s.Detainer!.Form, s.Detainer.Warrant), Is.EqualTo((DetainerForm.I247A, WarrantKind.Administrative)));
            Assert.That(s.Charges.Select(c => (c.Level, c.Category, c.Offense)), Is.EqualTo(new[] { (OffenseLevel.Misdemeanor, OffenseCategory.Other, "current charge not in the data") }));
            Assert.That(s.Custody.ReleaseEligibleAt, Is.Null, "the data has no release time");
        }
    }

    [Test]
    public void UnitedStatesCitizenWithoutConviction_NoConvictionAndNotForeignBorn()
    {
        var s = Row("p-002");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((s.Person.ForeignBorn, s.Person.Citizenship), Is.EqualTo(((bool?)false, Citizenship.UsCitizen)));
            Assert.That(s.Convictions, Is.Empty);
        }
    }

    [Test]
    public void DuiConviction_LevelNotInTheData_RefusedNamingTheCodeColumnAndTheMap()
    {
        var record = _records.Single(r => r.Id == "p-003");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Scenario, Is.Null);
            Assert.That(record.Errors.Single().ToString(), Does.StartWith("sample.csv:4:").And.Contain("MSC Charge Code (convictions.level)").And.Contain("`5404`").And.Contain("ddp-detainers.yaml:"));
        }
    }

    [Test]
    public void RedactedBirthCountryAndSpreadsheetDates_BirthplaceUnknownAndDatesReadMonthFirst()
    {
        var s = Row("p-004");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Person.ForeignBorn, Is.Null);
            Assert.That(s.BookedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 23, 12, 0, 0, TimeSpan.FromHours(-7))));
            Assert.That(s.Convictions.Select(c => (c.Level, c.Category, c.ConvictedOn)), Is.EqualTo(new[] { (OffenseLevel.Felony, OffenseCategory.Homicide, new DateOnly(2010, 3, 4)) }));
        }
    }

    [Test]
    public void UnknownCode_RefusedForCategoryAndLevel()
    {
        var record = _records.Single(r => r.Id == "p-005");
        Assert.That(record.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "MSC Charge Code (convictions.category)", "MSC Charge Code (convictions.level)" }));
    }

    [Test]
    public void CountryNamesInAnyCase_ReadAsTheTableSaysAndRapeIsAFelonySexualAssault()
    {
        var s = Row("p-006");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Person.Citizenship, Is.EqualTo(Citizenship.Noncitizen));
            Assert.That(s.Convictions.Select(c => (c.Level, c.Category)), Is.EqualTo(new[] { (OffenseLevel.Felony, OffenseCategory.SexualAssault) }));
        }
    }

    [Test]
    public void AssaultOnAPoliceOfficer_CategoryFromTheCodeButLevelNotInTheData()
    {
        var record = _records.Single(r => r.Id == "p-007");
        Assert.That(record.Errors.Select(e => e.Field), Is.EqualTo(new[] { "MSC Charge Code (convictions.level)" }));
    }

    [TestCase("1303", "aggravated_assault")] // AGGRAV ASSLT - FAMILY-STGARM
    [TestCase("1307", "aggravated_assault")] // AGGRAV ASSLT - PUB OFF-GUN: a public officer, not the police
    [TestCase("1310", "assault_on_officer")] // AGGRAV ASSLT - POL OFF-GUN
    [TestCase("1312", "assault_on_officer")] // AGGRAV ASSLT - POL OFF-STGARM
    [TestCase("1313", "simple_assault")]
    [TestCase("2206", "other")]              // BURGL TOOLS - POSSESS
    [TestCase("2203", "burglary")]
    [TestCase("4004", "public_order")]       // PROSTITUTION
    [TestCase("4904", "other")]              // HARBORING ESCAPE/FUGITIVE
    [TestCase("4901", "escape")]
    [TestCase("5404", "dui")]                // DRIVING UNDER INFLUENCE ALCOHOL
    public void NcicCode_CategoryAsTheNcicTitleSays(string code, string category)
    {
        var target = RecordMapLoader.LoadFile(MapFile).Targets.Single(t => t.Name == "convictions.category");
        Assert.That(target.Translate(code, out var problem), Is.EqualTo(category), problem);
    }

    [TestCase("1316")] // INTIMIDATION (INCLUDES STALKING)
    [TestCase("1399")] // ASSAULT, unspecified
    [TestCase("4007")] // PROCURE FOR PROSTITUTE WHO IS A MINOR
    [TestCase("3572")] // AMPHETAMINE - POSSESS: not listed
    public void NcicCode_OfAMixedFamilyNotListed_IsAnError(string code)
    {
        var target = RecordMapLoader.LoadFile(MapFile).Targets.Single(t => t.Name == "convictions.category");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Translate(code, out var problem), Is.Null);
            Assert.That(problem, Does.Contain($"`{code}`"));
        }
    }

    [Test]
    public void CleanedColumnNames_ReadByTheSameMap()
    {
        // The project's published files name the columns in snake case, and MSC Charge as most_serious_conviction_charge.
        const string Cleaned = """
            detainer_prepare_date,citizenship_country,birth_country,most_serious_conviction_charge,msc_charge_code,msc_conviction_date,unique_identifier
            2024-05-20,MEXICO,MEXICO,Robbery,1201,2019-06-30,p-101
            """;
        var map = RecordMapLoader.LoadFile(MapFile);
        var record = CsvScenarios.Read(new StringReader(Cleaned), "cleaned.csv", new CsvReading(LosAngeles, map)).Single().Parse();
        Assert.That((record.Id, record.Scenario?.Convictions.Single().Category), Is.EqualTo(("p-101", (OffenseCategory?)OffenseCategory.Robbery)), string.Join("\n", record.Errors));
    }
}
