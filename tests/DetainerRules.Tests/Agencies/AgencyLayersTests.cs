using DetainerRules.Cli;
using DetainerRules.Engine;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary>
/// An agency resolved to the layers that bound it on a booking day (<see cref="AgencyLayers"/>), on fixture
/// policies written for the test: a state law that forbids holds for ICE, and a 287(g) model that requires
/// them on ICE's administrative warrant.
/// </summary>
[TestFixture]
public class AgencyLayersTests
{
    private string _rules = null!;
    private PolicyCatalog _catalog = null!;
    private AgencyRoster _roster = null!;

    [OneTimeSetUp]
    public void WriteFixtures()
    {
        _rules = AgencyFixture.Write();
        _catalog = new PolicyCatalog([_rules]);
        _roster = RosterFolder.Load(RosterFolder.Files(Path.Combine(_rules, "agencies")));
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_rules, recursive: true);

    private static Scenario Booked(string day) => TestScenarios.Parse($$"""
        booked_at: {{day}}T09:30:00-06:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges: [ { offense: test, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        custody: { release_eligible_at: {{day}}T18:00:00-06:00 }
        """);

    private (Verdict Verdict, AgencyLayers.Layered Layered) Decide(string agencyId, string day)
    {
        var agency = _roster.Agencies.Single(a => a.Id == agencyId);
        var layered = new AgencyLayers(_catalog, agency, _roster).On(Booked(day).BookedAt);
        return (PolicyCompiler.Compile(layered.Policy, layered.Authority).Evaluate(Booked(day)), layered);
    }

    [Test]
    public void NoAgreement_InAStateWithALaw_TheLawDecides_AndTheRestIsUnknownForWantOfALocalPolicy()
    {
        var (verdict, layered) = Decide("wy-plain-county-sheriffs-office", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Policy.BoundBy, Is.EqualTo(new[] { "wy-law" }));
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Forbidden));
            Assert.That(verdict.Layers[DecisionKind.DelayRelease], Is.EqualTo("wy-law"));
            Assert.That(verdict[DecisionKind.AskImmigrationStatus].Value, Is.EqualTo(Modality.Permitted), "the law's choice stands where the agency is silent");
            Assert.That(verdict[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(verdict[DecisionKind.NotifyIce].Default!.Because, Is.EqualTo("no published local policy"));
            Assert.That(layered.Notes, Does.Contain("287(g): no agreement listed"));
            Assert.That(layered.Notes, Does.Contain("state law: wy-law"));
        }
    }

    [Test]
    public void OwnFamily_BookingBeforeItsFirstVersion_OwnAnswersUnknown_TheStateLawStillDecides()
    {
        var (verdict, layered) = Decide("wy-town-police-department", "2023-06-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Notes, Does.Contain("own policy: `wy-town` was not in force on 2023-06-01, so its own answers are unknown"));
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Forbidden));
            Assert.That(verdict.Layers[DecisionKind.DelayRelease], Is.EqualTo("wy-law"));
            Assert.That(verdict[DecisionKind.AskImmigrationStatus].Value, Is.EqualTo(Modality.Permitted), "the town's own ban on questions dates from 2024");
        }
    }

    [Test]
    public void OwnFamily_BookingInItsDates_ItsVersionDecides()
    {
        var (verdict, layered) = Decide("wy-town-police-department", "2024-06-03");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Notes, Does.Contain("own policy: wy-town-2024 (the version of `wy-town` in force on 2024-06-03)"));
            Assert.That(verdict[DecisionKind.AskImmigrationStatus].Value, Is.EqualTo(Modality.Forbidden));
        }
    }

    [Test]
    public void WsoAgreement_SignedAfterTheBooking_IsNotInForce()
    {
        var (verdict, layered) = Decide("ut-hold-county-sheriffs-office", "2025-05-15");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Policy.BoundBy, Is.Empty);
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(layered.Notes, Does.Contain("287(g): wso signed 2025-06-01: not in force on 2025-05-15"));
            Assert.That(layered.Notes, Does.Contain("state law: the catalog has no policy for Utah's law"));
        }
    }

    [Test]
    public void WsoAgreement_SignedBeforeTheBooking_BindsTheAgency_AndAnEndedAgreementDoesNot()
    {
        var (verdict, layered) = Decide("ut-hold-county-sheriffs-office", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Policy.BoundBy, Is.EqualTo(new[] { "287g-wso" }));
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict.Layers[DecisionKind.DelayRelease], Is.EqualTo("287g-wso"));
            Assert.That(layered.Notes, Does.Contain("287(g): tfm signed 2025-06-01, ended 2025-06-30: not in force on 2025-07-01"));
        }
    }

    [Test]
    public void SignedOnTheBookingDay_IsInForce()
    {
        var (verdict, _) = Decide("ut-hold-county-sheriffs-office", "2025-06-01");
        Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Required));
    }

    [Test]
    public void StateLawThatForbidsWhatTheAgreementRequires_IsReportedAsADisagreement()
    {
        var (verdict, layered) = Decide("wy-hold-county-sheriffs-office", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Policy.BoundBy, Is.EqualTo(new[] { "wy-law", "287g-wso" }));
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Unknown), "two authorities that forbid and require the same thing leave it unknown");
            Assert.That(verdict.Disagreements.Where(d => d.Decision == DecisionKind.DelayRelease).Select(d => (d.Authority, d.AuthorityValue)),
                Is.SupersetOf(new[] { ("wy-law", Modality.Forbidden), ("287g-wso", Modality.Required) }));
        }
    }

    [Test]
    public void OwnCatalogPolicy_IsTheAgencysLayer_UnderTheLawAndTheAgreement()
    {
        var (verdict, layered) = Decide("wy-city-police-department", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Policy.Id, Is.EqualTo("wy-city"));
            Assert.That(layered.Policy.BoundBy, Is.EqualTo(new[] { "wy-law", "287g-wso" }));
            Assert.That(verdict[DecisionKind.AskImmigrationStatus].Value, Is.EqualTo(Modality.Forbidden), "the city's own answer stands where the law only permits");
            Assert.That(verdict.Layers[DecisionKind.AskImmigrationStatus], Is.EqualTo("wy-city"));
            Assert.That(layered.Notes[0], Is.EqualTo("own policy: wy-city"));
        }
    }

    [Test]
    public void Cli_AmbiguousName_ListsTheCandidates_Exit2()
    {
        var (exit, _, err) = CliRun.Run(_rules, false, "evaluate", "--agency", "Hold County Sheriff", "--rules", _rules, Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("names 2 agencies").And.Contain("ut-hold-county-sheriffs-office").And.Contain("wy-hold-county-sheriffs-office"));
        }
    }

    [Test]
    public void Cli_UnknownName_SaysSo_Exit1()
    {
        var (exit, _, err) = CliRun.Run(_rules, false, "evaluate", "--agency", "Nowhere Police Department", "--rules", _rules, Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(err, Does.Contain("no agency `Nowhere Police Department` in the roster"));
        }
    }

    [Test]
    public void Cli_AgencyWithAPolicy_IsRefused()
    {
        var (exit, _, err) = CliRun.Run(_rules, false, "evaluate", "--agency", "City PD", "-p", "wy-law", "--rules", _rules, Path.Combine(Repository.Scenarios, "lv-robbery-no-ice.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("--agency builds the policy from the agency's layers"));
        }
    }

    [Test]
    public void Cli_Text_NamesEachLayer()
    {
        var scenario = Path.Combine(_rules, "agencies", "..", "..", Path.GetFileName(_rules) + "-booking.yaml");
        File.WriteAllText(scenario, """
            booked_at: 2025-07-01T09:30:00-06:00
            charges: [ { offense: test, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative }
            """);
        var (exit, stdout, err) = CliRun.Run(_rules, false, "evaluate", "--agency", "Hold County SO", "--state", "WY", "--rules", _rules, scenario);
        File.Delete(scenario);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(stdout, Does.Contain("Agency: Hold County Sheriff's Office (wy-hold-county-sheriffs-office, WY)"));
            Assert.That(stdout, Does.Contain("  own policy: none published in the catalog, so its own answers are unknown\n  state law: wy-law\n  287(g): wso signed 2025-06-01, in force on 2025-07-01: 287g-wso\n"));
        }
    }
}
