using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Yaml;

/// <summary>CSV as people export it: case in headers and words, times without an offset read in a named zone, spreadsheet dates, and <c>;</c> and <c>|</c> inside offense text.</summary>
[TestFixture]
public class CsvExportFormsTests
{
    private static readonly JurisdictionTime LosAngeles = JurisdictionTime.Find("America/Los_Angeles")!;
    private static readonly JurisdictionTime NewYork = JurisdictionTime.Find("America/New_York")!;

    private static List<ScenarioRecord> Csv(string text, JurisdictionTime? zone = null) =>
        [.. CsvScenarios.Read(new StringReader(text), "in.csv", new CsvReading(zone)).Select(r => r.Parse())];

    private static Scenario One(string text, JurisdictionTime? zone = null)
    {
        var record = Csv(text, zone).Single();
        Assert.That(record.Errors, Is.Empty, string.Join("\n", record.Errors));
        return record.Scenario!;
    }

    [Test]
    public void Read_HeaderAndWordsInAnyCase_ReadAsTheVocabulary()
    {
        var s = One("""
            ID,Booked_At,FOREIGN_BORN,Citizenship,Charges,Convictions,Detainer_Form,Detainer_Warrant,ICE_Present_At_Release,Requests
            r1,2025-01-17T09:30:00-08:00,TRUE,Noncitizen,Felony|Robbery,Misdemeanor|DUI|2020-01-02,i-247a,Judicial,True,Jail_Access;INTERVIEW
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Person.ForeignBorn, Is.True);
            Assert.That(s.Person.Citizenship, Is.EqualTo(Citizenship.Noncitizen));
            Assert.That((s.Charges[0].Level, s.Charges[0].Category), Is.EqualTo((OffenseLevel.Felony, OffenseCategory.Robbery)));
            Assert.That((s.Convictions[0].Level, s.Convictions[0].Category), Is.EqualTo((OffenseLevel.Misdemeanor, OffenseCategory.Dui)));
            Assert.That((s.Detainer!.Form, s.Detainer.Warrant), Is.EqualTo((DetainerForm.I247A, WarrantKind.Judicial)));
            Assert.That(s.IcePresentAtRelease, Is.True);
            Assert.That(s.Requests, Is.EquivalentTo(new[] { FederalRequest.JailAccess, FederalRequest.Interview }));
        }
    }

    [Test]
    public void Read_SameColumnTwiceInDifferentCase_IsAnError()
    {
        var e = Assert.Throws<InvalidInputException>(() => Csv("booked_at,Booked_At,charges\n"));
        Assert.That(e!.Diagnostics.Single().ToString(), Does.Contain("in.csv:1:11").And.Contain("appears twice"));
    }

    [Test]
    public void Read_WarrantCourtWithAnAdministrativeWarrant_RefusedAtItsCell()
    {
        var record = Csv("booked_at,charges,detainer_form,detainer_warrant,detainer_warrant_court\n2025-01-17T09:30:00-08:00,felony|robbery,I-247A,administrative,Federal\n").Single();
        Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:64").And.Contain("detainer_warrant_court").And.Contain("only for a judge's warrant"));
    }

    [Test]
    public void Read_JudgesWarrantFacts_ReadInAnyCase()
    {
        var record = Csv("booked_at,charges,detainer_form,detainer_warrant,detainer_warrant_court,detainer_warrant_offense\n2025-01-17T09:30:00-08:00,felony|robbery,I-247A,Judicial,STATE,Other_Crime\n").Single();
        var d = record.Scenario!.Detainer!;
        Assert.That((d.Warrant, d.WarrantCourt, d.WarrantOffense), Is.EqualTo((WarrantKind.Judicial, (WarrantCourt?)WarrantCourt.State, (WarrantOffense?)WarrantOffense.OtherCrime)));
    }

    [Test]
    public void Read_WordThatIsNoWordInAnyCase_RefusedWithTheLoadersMessage()
    {
        var record = Csv("booked_at,charges\n2025-01-17T09:30:00-08:00,Felonious|robbery\n").Single();
        Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:27").And.Contain("`Felonious` is not allowed here"));
    }

    [Test]
    public void Read_EscapedSemicolonAndBarInOffenseText_KeptInThePart()
    {
        var s = One("booked_at,charges\n2025-01-17T09:30:00-08:00,felony|drug_trafficking|possession\\; intent to sell|HS 11351 \\| 11352;misdemeanor|traffic\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Charges, Has.Count.EqualTo(2));
            Assert.That(s.Charges[0].Offense, Is.EqualTo("possession; intent to sell"));
            Assert.That(s.Charges[0].Statute, Is.EqualTo("HS 11351 | 11352"));
        }
    }

    [Test]
    public void Row_OffenseTextWithSeparators_ReadsBackTheSame()
    {
        var written = One("booked_at,charges\n2025-01-17T09:30:00-08:00,felony|theft|a \\\\ b\\; c \\| d\n");
        var again = One(ScenarioCsv.Header + "\n" + ScenarioCsv.Row(written) + "\n");
        Assert.That(again.Charges[0].Offense, Is.EqualTo("a \\ b; c | d").And.EqualTo(written.Charges[0].Offense));
    }

    [Test]
    public void Read_BackslashBeforeAnotherCharacter_KeptAsWritten() =>
        Assert.That(One("booked_at,charges\n2025-01-17T09:30:00-08:00,felony|theft|x|C:\\statutes\n").Charges[0].Statute, Is.EqualTo("C:\\statutes"));

    [TestCase("2024-05-20 06:12", "2024-05-20T06:12:00-07:00")]
    [TestCase("5/20/2024 6:12", "2024-05-20T06:12:00-07:00")]
    [TestCase("5/20/2024 6:12 PM", "2024-05-20T18:12:00-07:00")]
    [TestCase("2024-12-20T06:12:30", "2024-12-20T06:12:30-08:00")]
    [TestCase("2024-05-20T06:12:00-05:00", "2024-05-20T06:12:00-05:00")]
    public void Read_TimeWithoutOffsetAndAZone_TheInstantOfThatWallClockTime(string cell, string instant)
    {
        var s = One($"booked_at,charges\n{cell},felony|theft\n", LosAngeles);
        Assert.That((s.BookedAt, s.BookedAt.Offset), Is.EqualTo((DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).Offset)));
    }

    [TestCase("2024-05-20 06:12")]
    [TestCase("5/20/2024 6:12")]
    public void Read_TimeWithoutOffsetAndNoZone_RefusedNamingTheCellAndTheOption(string cell)
    {
        var record = Csv($"id,booked_at,charges\nr1,{cell},felony|theft\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Id, Is.EqualTo("r1"));
            Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:4").And.Contain("booked_at").And.Contain("--timezone"));
        }
    }

    /// <summary>Digits of another script match .NET's <c>\d</c> but are no number it reads: once a crash, now the cell's error.</summary>
    [TestCase("２０２４-05-20 06:12")]
    [TestCase("5/٢٠/2024 6:12")]
    public void Read_TimeWrittenInAnotherScriptsDigits_RefusedAtItsCell(string cell)
    {
        var record = Csv($"id,booked_at,charges\nr1,{cell},felony|theft\n", LosAngeles).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Scenario, Is.Null);
            Assert.That(record.Id, Is.EqualTo("r1"));
            Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:4").And.Contain("booked_at"));
        }
    }

    [TestCase("America/Los_Angeles", "2025-03-09 02:30", "does not exist in America/Los_Angeles")]
    [TestCase("America/New_York", "3/9/2025 2:15", "does not exist in America/New_York")]
    [TestCase("America/Los_Angeles", "2025-11-02 01:30", "happens twice in America/Los_Angeles")]
    [TestCase("America/New_York", "11/2/2025 1:59", "first at -04:00, then at -05:00")]
    public void Read_WallClockTimeADaylightSavingChangeSkipsOrRepeats_RefusedNotGuessed(string zone, string cell, string message)
    {
        var record = Csv($"id,booked_at,charges\nr1,{cell},felony|theft\n", JurisdictionTime.Find(zone)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Scenario, Is.Null);
            Assert.That(record.Id, Is.EqualTo("r1"));
            Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:4").And.Contain(message));
        }
    }

    [Test]
    public void Read_TimesEitherSideOfBothChanges_TakeTheOffsetInForceThen()
    {
        var records = Csv("""
            booked_at,charges,release_eligible_at
            2025-03-09 01:59,felony|theft,2025-03-09 03:00
            2025-11-02 00:59,felony|theft,2025-11-02 02:00
            """, NewYork);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records[0].Scenario!.BookedAt.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
            Assert.That(records[0].Scenario!.Custody.ReleaseEligibleAt!.Value - records[0].Scenario!.BookedAt, Is.EqualTo(TimeSpan.FromMinutes(1)), "01:59 EST to 03:00 EDT is one real minute");
            Assert.That(records[1].Scenario!.BookedAt.Offset, Is.EqualTo(TimeSpan.FromHours(-4)));
            Assert.That(records[1].Scenario!.Custody.ReleaseEligibleAt!.Value - records[1].Scenario!.BookedAt, Is.EqualTo(TimeSpan.FromMinutes(121)), "00:59 EDT to 02:00 EST: a minute, then the hour from 01:00 twice");
        }
    }

    [Test]
    public void Read_SpreadsheetConvictionDateWithAZone_ReadMonthFirst()
    {
        var s = One("booked_at,charges,convictions\n2024-05-20 06:12,felony|theft,felony|robbery|3/4/2010|12/31/2012\n", LosAngeles);
        Assert.That((s.Convictions[0].ConvictedOn, s.Convictions[0].ReleasedOn), Is.EqualTo((new DateOnly(2010, 3, 4), (DateOnly?)new DateOnly(2012, 12, 31))));
    }

    [Test]
    public void Read_SlashDateThatIsNoDayMonthFirst_RefusedSayingHowItWasRead()
    {
        var record = Csv("booked_at,charges\n13/5/2024 6:12,felony|theft\n", LosAngeles).Single();
        Assert.That(record.Errors.Single().ToString(), Does.Contain("in.csv:2:1").And.Contain("month first"));
    }
}
