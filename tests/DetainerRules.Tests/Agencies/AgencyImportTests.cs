using DetainerRules.Cli;
using DetainerRules.Model.Agencies;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary><c>detainer agencies import</c> on a real excerpt of ICE's list (tests/agencies/ice-287g-excerpt.csv, rows of participatingAgencies07182025pm with ICE's own slips).</summary>
[TestFixture]
public class AgencyImportTests
{
    private static readonly string Excerpt = Path.Combine(Repository.Root, "tests", "agencies", "ice-287g-excerpt.csv");
    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-agencies-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err, Roster? Roster) Import(string input, params string[] more)
    {
        var output = Path.Combine(_dir, "roster.yaml");
        var (exit, stdout, err) = CliRun.Run(_dir, false, ["agencies", "import", input, "-o", output, "--as-of", "2025-07-18", .. more]);
        return (exit, stdout, err, File.Exists(output) ? RosterLoader.LoadFile(output) : null);
    }

    [Test]
    public void Excerpt_EveryRowIsInTheRosterOrRefusedByLineAndReason()
    {
        var (exit, _, err, roster) = Import(Excerpt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
            Assert.That(roster, Is.Not.Null, "the rows that could be read are written");
            Assert.That(roster!.Agencies, Has.Count.EqualTo(20));
            Assert.That(roster.Agencies.Sum(a => a.Agreements.Count), Is.EqualTo(24));

            // 27 rows with data: 24 agreements, 3 refused; the 3 blank rows are named, not lost.
            Assert.That(roster.Refused.Select(r => (r.Line, r.Agency)), Is.EqualTo(new (long, string?)[]
            {
                (19, "Grundy County Sheriff's Office"), (23, "Tooele County Sheriff's Office"), (24, "Campbell County Sheriff's Office"),
            }));
            Assert.That(err, Does.Contain("ice-287g-excerpt.csv:19:88: error DR102: SIGNED: `5025-07-07` is out of range"));
            Assert.That(err, Does.Contain("ice-287g-excerpt.csv:23:82: error DR102: SIGNED: `7/72025` is not a date"));
            Assert.That(err, Does.Contain("ice-287g-excerpt.csv:24:83: error DR102: SIGNED: `05/082025` is not a date"));
            Assert.That(err, Does.Contain("3 blank rows skipped: lines 29-31"));
            Assert.That(err, Does.Contain("columns not read: `MOA`, `ADDENDUM`"));
            Assert.That(err, Does.Contain("30 rows read: 20 agencies with 24 agreements; 3 rows refused"));
        }
    }

    [Test]
    public void Excerpt_OneAgencyGetsEveryAgreementItHas_HoweverItsNameIsSpelled()
    {
        var roster = Import(Excerpt).Roster!;
        var colbert = roster.Agencies.Single(a => a.Id == "al-colbert-county-sheriffs-office");

        // ICE writes Wharton's name once with a typographic apostrophe, once with a straight one.
        var wharton = roster.Agencies.Single(a => a.Id == "tx-wharton-county-sheriffs-office");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(colbert.Agreements, Is.EqualTo(new[]
            {
                new Agreement(AgreementModel.Jem, new DateOnly(2025, 5, 8)),
                new Agreement(AgreementModel.Wso, new DateOnly(2025, 5, 8)),
                new Agreement(AgreementModel.Tfm, new DateOnly(2025, 7, 2)),
            }));
            Assert.That(colbert.Type, Is.EqualTo(AgencyType.Sheriff));
            Assert.That(wharton.Agreements.Select(a => a.Model), Is.EqualTo(new[] { AgreementModel.Jem, AgreementModel.Wso }));
            Assert.That(roster.Agencies.Count(a => a.Name.StartsWith("Campbell County", StringComparison.Ordinal)), Is.EqualTo(1), "Virginia's row is refused; Wyoming's agency stands alone");
            Assert.That(roster.Agencies.Single(a => a.Id == "wy-campbell-county-sheriffs-office").State, Is.EqualTo("WY"));
        }
    }

    [Test]
    public void Excerpt_CellsAreReadAsIceMeansThem()
    {
        var roster = Import(Excerpt).Roster!;
        Agency Of(string id) => roster.Agencies.Single(a => a.Id == id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Of("fl-florida-department-of-highway-safety-and-motor-vehicles-division-of-highway-patrol").Name,
                Is.EqualTo("Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol"), "a quoted comma is part of the name");
            Assert.That(Of("fl-florida-department-of-highway-safety-and-motor-vehicles-division-of-highway-patrol").County, Is.Null, "`#N/A` is a failed lookup, not a county");
            Assert.That(Of("fl-florida-department-of-highway-safety-and-motor-vehicles-division-of-highway-patrol").Type, Is.EqualTo(AgencyType.StateAgency));
            Assert.That(Of("ak-alaska-department-of-corrections").Type, Is.EqualTo(AgencyType.Corrections));
            Assert.That(Of("ny-camden-police-department").Name, Is.EqualTo("Camden Police Department"), "trailing spaces are not part of a name");
            Assert.That(Of("ny-camden-police-department").Type, Is.EqualTo(AgencyType.LocalPolice));
            Assert.That(Of("nv-douglas-county-sheriffs-office").County, Is.EqualTo("Douglas County"));
            Assert.That(Of("fl-st-johns-county-sheriffs-office").Agreements.Single().Model, Is.EqualTo(AgreementModel.Jem), "`Jail Enforcement Model ` with ICE's trailing space");
            Assert.That(Of("ar-miller-county-sheriffs-office").Agreements.Single(), Is.EqualTo(new Agreement(AgreementModel.Tfm, new DateOnly(2025, 7, 11))));
            Assert.That(roster.Source.AsOf, Is.EqualTo(new DateOnly(2025, 7, 18)));
            Assert.That(roster.Source.Publisher, Is.EqualTo("U.S. Immigration and Customs Enforcement"));
        }
    }

    [Test]
    public void Import_IsByteForByteTheSameEachRun()
    {
        Import(Excerpt, "--snapshot", "https://example.invalid/list.xlsx");
        var first = File.ReadAllBytes(Path.Combine(_dir, "roster.yaml"));
        Import(Excerpt, "--snapshot", "https://example.invalid/list.xlsx");
        Assert.That(File.ReadAllBytes(Path.Combine(_dir, "roster.yaml")), Is.EqualTo(first));
    }

    [Test]
    public void Import_WithNoRowRefused_ExitsZero()
    {
        var clean = Path.Combine(_dir, "clean.csv");
        File.WriteAllLines(clean, File.ReadAllLines(Excerpt).Where(l => !l.Contains("5025-", StringComparison.Ordinal) && !l.Contains("72025", StringComparison.Ordinal) && !l.Contains("082025", StringComparison.Ordinal)));
        var (exit, _, err, roster) = Import(clean);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(roster!.Refused, Is.Empty);
            Assert.That(roster.Agencies.Sum(a => a.Agreements.Count), Is.EqualTo(24));
        }
    }

    [Test]
    public void Import_OutputThatIsTheInput_IsRefusedAndTheInputKept()
    {
        var copy = Path.Combine(_dir, "list.csv");
        File.Copy(Excerpt, copy);
        var before = File.ReadAllBytes(copy);
        var (exit, _, err) = CliRun.Run(_dir, false, "agencies", "import", "list.csv", "-o", "list.csv", "--as-of", "2025-07-18");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("is the same file as the input"));
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(before));
        }
    }

    [Test]
    public void Import_HeaderWithoutTheModelColumn_WritesNothing()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "STATE,LAW ENFORCEMENT AGENCY,SIGNED\nNEVADA,Lyon County Sheriff's Office,2025-06-03\n");
        var (exit, _, err, roster) = Import(bad);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(err, Does.Contain("bad.csv:1:1: error DR102: SUPPORT TYPE: no column for the model: expected one headed `SUPPORT TYPE`"));
            Assert.That(roster, Is.Null);
        }
    }

    [Test]
    public void Import_WithoutADate_AsksForOne()
    {
        var (exit, _, err) = CliRun.Run(_dir, false, "agencies", "import", Excerpt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("--as-of is needed"));
        }
    }

    [Test]
    public void Import_DateInIcesFileName_IsTheRostersDate()
    {
        var named = Path.Combine(_dir, "participatingAgencies07182025pm.csv");
        File.Copy(Excerpt, named);
        var (_, stdout, _) = CliRun.Run(_dir, false, "agencies", "import", named);
        Assert.That(RosterLoader.Load(stdout, "stdout.yaml").Source.AsOf, Is.EqualTo(new DateOnly(2025, 7, 18)));
    }

    [Test]
    public void Import_HostileNames_AreQuotedAndComeBackAsTheyWere()
    {
        var hostile = Path.Combine(_dir, "hostile.csv");
        const string Name = "Evil \"PD\"\nagencies: []\n\u001b]52;c;x\u0007 \\ # \u202e";
        File.WriteAllText(hostile, "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\nTEXAS,\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",Task Force Model,2025-01-02\n");
        var (exit, _, err, roster) = Import(hostile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(roster!.Agencies.Single().Name, Is.EqualTo(string.Join(' ', Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "roster.yaml")), Does.Not.Contain("\u001b").And.Not.Contain("\u202e"));
        }
    }

    [TestCase("TEXAS,Some Police Department,Sheriff Model,2025-01-02", "SUPPORT TYPE: `Sheriff Model` is not a 287(g) model", TestName = "Import_UnknownModel_IsRefused")]
    [TestCase("TEXAS,Some Police Department,Task Force Model,45000", "a spreadsheet's serial date?", TestName = "Import_SerialDate_IsRefusedWithAHint")]
    [TestCase("TEXIS,Some Police Department,Task Force Model,2025-01-02", "STATE: `TEXIS` is not a state's name or postal code", TestName = "Import_UnknownState_IsRefused")]
    [TestCase("TEXAS,,Task Force Model,2025-01-02", "LAW ENFORCEMENT AGENCY: no agency named", TestName = "Import_NoAgency_IsRefused")]
    [TestCase("TEXAS,Some Police Department,Task Force Model,2025-01-02,surplus", "more cells than the header has columns", TestName = "Import_SurplusCell_IsRefused")]
    [TestCase("TEXAS,\"Some Police Department,Task Force Model,2025-01-02", "quote", TestName = "Import_UnclosedQuote_IsRefused")]
    public void Import_BadRow_IsRefusedAndTheOthersRead(string row, string reason)
    {
        var file = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(file, $"STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\nTX,Good County Sheriff's Office,WSO,1/2/2025\n{row}\nTX,Other Police Department,jem,2025-03-04\n");
        var (exit, _, err, roster) = Import(file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
            Assert.That(err, Does.Contain("rows.csv:3:"));
            Assert.That(err, Does.Contain(reason));
            Assert.That(roster!.Refused.Single().Line, Is.EqualTo(3));
            Assert.That(roster.Agencies.Select(a => a.Id), Is.EquivalentTo(new[] { "tx-good-county-sheriffs-office", "tx-other-police-department" }));
        }
    }

    [Test]
    public void Import_RepeatedRow_IsOneAgreement_AndSaysSo()
    {
        var file = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(file, "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\nNV,Lyon County Sheriff's Office,WSO,2025-06-03\nNEVADA,Lyon County Sheriffs Office,Warrant Service Officer,6/3/2025\n");
        var (exit, _, err, roster) = Import(file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(roster!.Agencies.Single().Agreements, Has.Count.EqualTo(1));
            Assert.That(err, Does.Contain("line 3 repeats line 2"));
        }
    }
}
