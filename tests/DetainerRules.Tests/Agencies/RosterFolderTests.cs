using DetainerRules.Cli;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary>The roster in a rules folder's <c>agencies/</c>: its files merge by id, it answers <c>agencies list|show|summary</c>, and it never passes for a policy.</summary>
[TestFixture]
public class RosterFolderTests
{
    private const string IceFile = """
        source: { title: ICE list, publisher: ICE, as_of: 2025-07-18 }
        agencies:
          - id: nv-lyon-county-sheriffs-office
            name: "Lyon County Sheriff's Office"
            type: sheriff
            state: NV
            agreements:
              - { model: jem, signed: 2025-06-03 }
              - { model: wso, signed: 2025-06-03 }
          - id: nv-test-police-department
            name: Test Police Department
            type: local_police
            state: NV
            agreements: [ { model: wso, signed: 2025-06-16 } ]
          - id: tx-test-police-department
            name: Test Police Department
            type: local_police
            state: TX
            agreements: [ { model: tfm, signed: 2025-01-02 } ]
        refused:
          - { line: 7, agency: "Lyon County Sheriff's Office", reason: "SIGNED: `7/72025` is not a date" }
        """;

    private const string CatalogFile = """
        source: { title: catalog, publisher: tests, as_of: 2026-01-01 }
        agencies:
          - id: nv-test-police-department
            name: Test Police Department
            type: local_police
            state: NV
            policy: test-policy
        """;

    private string _rules = null!;

    [SetUp]
    public void WriteRules()
    {
        _rules = Directory.CreateTempSubdirectory("detainer-roster-").FullName;
        File.WriteAllText(Path.Combine(_rules, "test-policy.yaml"), TestPolicies.Yaml("""
              - id: ask
                when: true
                then: { ask_immigration_status: permitted }
                because: the test says so
                cite: src
            """));
        Directory.CreateDirectory(Path.Combine(_rules, "agencies"));
        File.WriteAllText(Path.Combine(_rules, "agencies", "ice.yaml"), IceFile);
        File.WriteAllText(Path.Combine(_rules, "agencies", "catalog.yaml"), CatalogFile);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_rules, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_rules, false, [.. args, "--rules", _rules]);

    [Test]
    public void Files_MergeByIdIntoOneAgency()
    {
        var roster = RosterFolder.Load(RosterFolder.Files(Path.Combine(_rules, "agencies")));
        var merged = roster.Agencies.Single(a => a.Id == "nv-test-police-department");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(roster.Agencies, Has.Count.EqualTo(3));
            Assert.That(merged.Policy, Is.EqualTo("test-policy"));
            Assert.That(merged.Agreements, Is.EqualTo(new[] { new Agreement(AgreementModel.Wso, new DateOnly(2025, 6, 16)) }));
            Assert.That(roster.Rosters.Select(r => Path.GetFileName(r.Path)), Is.EqualTo(new[] { "catalog.yaml", "ice.yaml" }));
        }
    }

    [Test]
    public void Files_ThatDisagreeAboutAnAgency_AreRefused()
    {
        File.WriteAllText(Path.Combine(_rules, "agencies", "catalog.yaml"), CatalogFile.Replace("type: local_police", "type: sheriff", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidInputException>(() => RosterFolder.Load(RosterFolder.Files(Path.Combine(_rules, "agencies"))))!;
        Assert.That(e.Diagnostics.Single().ToString(), Does.Contain("error DR201: agencies: agency `nv-test-police-department` is also in").And.Contain("catalog.yaml"));
    }

    [TestCase("agencies:\n  - id: x\n", "source: required field is missing", TestName = "Roster_WithoutSource_IsRefused")]
    [TestCase("state: NV", "state: ZZ", TestName = "Roster_UnknownState_IsRefused")]
    [TestCase("model: jem", "model: jail", TestName = "Roster_UnknownModel_IsRefused")]
    [TestCase("signed: 2025-06-03 }\n      - { model: wso", "signed: 2025-06-03, ends: 2024-01-01 }\n      - { model: wso", TestName = "Roster_EndBeforeSigning_IsRefused")]
    [TestCase("id: nv-test-police-department\n    name: Test Police Department\n    type: local_police\n    state: TX", "id: nv-test-police-department\n    name: Test Police Department\n    type: local_police\n    state: TX", TestName = "Roster_SameIdTwice_IsRefused")]
    public void Roster_WithAProblem_IsRefusedWithItsPosition(string good, string bad)
    {
        var text = good.StartsWith("agencies:", StringComparison.Ordinal) ? good : IceFile.Replace(good, bad, StringComparison.Ordinal);
        if (TestContext.CurrentContext.Test.Name == "Roster_SameIdTwice_IsRefused")
        {
            text = IceFile.Replace("id: tx-test-police-department", "id: nv-test-police-department", StringComparison.Ordinal);
        }

        Assert.That(text, Is.Not.EqualTo(IceFile));
        var e = Assert.Throws<InvalidInputException>(() => RosterLoader.Load(text, "roster.yaml"))!;
        Assert.That(e.Diagnostics, Is.Not.Empty);
        Assert.That(e.Diagnostics[0].Span.Line, Is.GreaterThan(0), e.Diagnostics[0].ToString());
    }

    [Test]
    public void List_ByStateAndModel()
    {
        var (exit, stdout, err) = Run("agencies", "list", "--state", "nv", "--model", "WSO");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(stdout, Does.Contain("nv-lyon-county-sheriffs-office").And.Contain("jem 2025-06-03, wso 2025-06-03"));
            Assert.That(stdout, Does.Contain("nv-test-police-department").And.Contain("test-policy"));
            Assert.That(stdout, Does.Not.Contain("tx-test-police-department"));
            Assert.That(stdout, Does.EndWith("2 agencies\n"));
        }
    }

    [Test]
    public void Show_SaysWhereEachFactComesFrom_AndTheRowsNotRead()
    {
        var (exit, stdout, err) = Run("agencies", "show", "Lyon County SO");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(stdout, Does.Contain("Jail Enforcement Model (jem): signed 2025-06-03; policy 287g-jem"));
            Assert.That(stdout, Does.Contain("own policy in the catalog: none (no published local policy in the catalog)"));
            Assert.That(stdout, Does.Contain("(ICE, ICE list, as of 2025-07-18)"));
            Assert.That(stdout, Does.Contain("line 7: SIGNED: `7/72025` is not a date"));
        }
    }

    [Test]
    public void Show_AmbiguousName_ListsTheCandidates_Exit2()
    {
        var (exit, _, err) = Run("agencies", "show", "Test PD");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("`Test PD` names 2 agencies; give the id (or --state): nv-test-police-department (Test Police Department, NV); tx-test-police-department (Test Police Department, TX)"));
        }
    }

    [Test]
    public void Show_UnknownName_SaysSo_Exit1()
    {
        var (exit, _, err) = Run("agencies", "show", "Lyon County Police Department");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(err, Does.Contain("error DR202: agency: no agency `Lyon County Police Department` in the roster"));
        }
    }

    [Test]
    public void Roster_IsNoPolicy_ForTheCommandsThatEnumeratePolicies()
    {
        // A roster file named like a policy id must not be taken for one.
        File.Copy(Path.Combine(_rules, "agencies", "ice.yaml"), Path.Combine(_rules, "agencies", "test-policy-2.yaml"));
        var list = Run("list");
        var coverage = Run("coverage");
        var evaluate = Run("show", "--policy", "test-policy-2");
        var validate = CliRun.Run(_rules, false, "validate", ".", "--rules", _rules);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Exit, Is.EqualTo(ExitCodes.Success), list.Err);
            Assert.That(list.Out, Does.Contain("test-policy").And.Not.Contain("Lyon").And.Not.Contain("test-policy-2"));
            Assert.That(coverage.Exit, Is.EqualTo(ExitCodes.Success), coverage.Err);
            Assert.That(evaluate.Exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(evaluate.Err, Does.Contain("no policy or policy family `test-policy-2`"));

            // validate of the folder reads the roster as a roster: no DR103, and its problems would be found.
            Assert.That(validate.Exit, Is.EqualTo(ExitCodes.Success), validate.Out);
            Assert.That(validate.Out, Does.Contain("4 files checked: 0 errors"));
        }
    }

    [Test]
    public void Validate_FindsAProblemInARoster()
    {
        File.WriteAllText(Path.Combine(_rules, "agencies", "ice.yaml"), IceFile.Replace("model: tfm", "model: tmf", StringComparison.Ordinal));
        var (exit, stdout, _) = CliRun.Run(_rules, false, "validate", "agencies");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stdout, Does.Contain("agencies/ice.yaml:").And.Contain("error DR102: agencies[2].agreements[0].model: `tmf` is not allowed here; expected one of `jem`, `wso`, `tfm`"));
        }
    }

    [Test]
    public void Summary_CountsAgenciesAndAgreementsPerStateAndModel()
    {
        var (exit, stdout, err) = Run("agencies", "summary");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(stdout, Does.Contain("| Nevada (NV) | 2 | 1 | 2 | 0 | 1 |"));
            Assert.That(stdout, Does.Contain("| Texas (TX) | 1 | 0 | 0 | 1 | 0 |"));
            Assert.That(stdout, Does.Contain("| all | 3 | 1 | 2 | 1 | 1 |"));
            Assert.That(stdout, Does.Contain("1 row of the source was not read"));
        }
    }
}
