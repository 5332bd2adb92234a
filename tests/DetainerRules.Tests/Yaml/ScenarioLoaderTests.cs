using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

[TestFixture]
public class ScenarioLoaderTests
{
    private const string Valid = """
        id: sample
        description: a robbery arrest
        booked_at: 2025-01-21T09:30:00-08:00
        person:
          foreign_born: true
          citizenship: noncitizen
        charges:
          - offense: robbery
            statute: NRS 200.380
            level: felony
            category: robbery
        convictions:
          - { offense: burglary, level: felony, category: burglary, convicted_on: 2021-06-30 }
        detainer:
          form: I-247A
          warrant: administrative
          received_at: 2025-01-21T12:00:00-08:00
        custody:
          release_eligible_at: 2025-01-21T18:00:00-08:00
        ice:
          present_at_release: false
        requests: [civil_enforcement_operation]
        """;

    private static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(yaml, "case.yaml", "case"))!.Diagnostics;

    [Test]
    public void Load_ValidScenario_ReadsEveryField()
    {
        var s = ScenarioLoader.Load(Valid, "case.yaml", "case");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Id, Is.EqualTo("sample"));
            Assert.That(s.BookedAt, Is.EqualTo(new DateTimeOffset(2025, 1, 21, 9, 30, 0, TimeSpan.FromHours(-8))));
            Assert.That(s.Person, Is.EqualTo(new Person(true, Citizenship.Noncitizen, false, false)));
            Assert.That(s.Charges.Single(), Is.EqualTo(new Charge("robbery", "NRS 200.380", OffenseLevel.Felony, OffenseCategory.Robbery)));
            Assert.That(s.Convictions.Single().ConvictedOn, Is.EqualTo(new DateOnly(2021, 6, 30)));
            Assert.That(s.Detainer, Is.EqualTo(new Detainer(DetainerForm.I247A, WarrantKind.Administrative, new DateTimeOffset(2025, 1, 21, 12, 0, 0, TimeSpan.FromHours(-8)))));
            Assert.That(s.Custody.ReleaseEligibleAt, Is.EqualTo(new DateTimeOffset(2025, 1, 21, 18, 0, 0, TimeSpan.FromHours(-8))));
            Assert.That(s.IcePresentAtRelease, Is.False);
            Assert.That(s.Requests, Is.EquivalentTo(new[] { FederalRequest.CivilEnforcementOperation }));
        }
    }

    [Test]
    public void Load_SameScenarioAsJson_ReadsTheSame()
    {
        const string json = """
            {"id": "sample", "booked_at": "2025-01-21T09:30:00-08:00",
             "person": {"foreign_born": null, "citizenship": "us_citizen"},
             "charges": [{"offense": "dui", "level": "misdemeanor", "category": "dui"}],
             "detainer": null}
            """;
        var s = ScenarioLoader.Load(json, "case.json", "case");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Person.ForeignBorn, Is.Null);
            Assert.That(s.Person.Citizenship, Is.EqualTo(Citizenship.UsCitizen));
            Assert.That(s.Charges.Single().Level, Is.EqualTo(OffenseLevel.Misdemeanor));
            Assert.That(s.Detainer, Is.Null);
        }
    }

    [Test]
    public void Load_NoPersonSection_NothingKnownAndNoRecordOfRegistryOrWatchlist()
    {
        // A booking that says nothing of the person: birthplace and citizenship unknown, and no registry or watchlist match recorded.
        var s = ScenarioLoader.Load("""
            booked_at: 2025-01-17T09:30:00-08:00
            charges:
              - { offense: test, level: felony, category: robbery }
            """, "no-person.yaml", "no-person");

        Assert.That(s.Person, Is.EqualTo(new Person(null, Citizenship.Unknown, false, false)));
    }

    [Test]
    public void Load_NoId_DefaultsToFileName()
    {
        var s = ScenarioLoader.Load(Valid.Replace("id: sample\n", string.Empty, StringComparison.Ordinal), "dir/from-file.yaml", "from-file");

        Assert.That(s.Id, Is.EqualTo("from-file"));
    }

    [TestCase("level: felony", "level: felonyy", 10, 12, "charges[0].level", "did you mean `felony`")]
    [TestCase("category: robbery", "category: robery", 11, 15, "charges[0].category", "did you mean `robbery`")]
    [TestCase("  citizenship: noncitizen", "  citizenship: alien", 6, 16, "person.citizenship", "expected one of `unknown`, `us_citizen`, `noncitizen`")]
    [TestCase("  foreign_born: true", "  foreign_born: yes", 5, 17, "person.foreign_born", "expected `true` or `false`")]
    [TestCase("form: I-247A", "form: I-247B", 15, 9, "detainer.form", "did you mean `I-247A`")]
    [TestCase("booked_at: 2025-01-21T09:30:00-08:00", "booked_at: 2025-01-21T09:30:00", 3, 12, "booked_at", "has no UTC offset")]
    [TestCase("booked_at: 2025-01-21T09:30:00-08:00", "booked_at: 2025-02-30T09:30:00-08:00", 3, 12, "booked_at", "has no such day: 2025-02-30")]
    [TestCase("convicted_on: 2021-06-30", "convicted_on: 30/06/2021", 13, 75, "convictions[0].convicted_on", "expected `YYYY-MM-DD`")]
    [TestCase("  present_at_release: false", "  present_at_release: 1", 21, 23, "ice.present_at_release", "expected `true` or `false`")]
    [TestCase("requests: [civil_enforcement_operation]", "requests: [roundup]", 22, 12, "requests[0]", "expected one of")]
    [TestCase("  foreign_born: true", "  foreign_born: true\n  colour: red", 6, 3, "person.colour", "unknown key `colour`")]
    [TestCase("  foreign_born: true", "  foriegn_born: true", 5, 3, "person.foriegn_born", "did you mean `foreign_born`")]
    [TestCase("  warrant: administrative", "  warant: administrative", 16, 3, "detainer.warant", "did you mean `warrant`")]
    [TestCase("convicted_on: 2021-06-30", "convicted_on: 2025-01-22", 13, 75, "convictions[0].convicted_on", "is after the booking day 2025-01-21")]
    [TestCase("convicted_on: 2021-06-30", "convicted_on: 2021-06-30, released_on: 2025-02-01", 13, 100, "convictions[0].released_on", "release date 2025-02-01 is after the booking day")]
    public void Load_BadValue_ReportsFileLineColumnAndField(string good, string bad, int line, int column, string field, string message)
    {
        var diagnostic = Errors(Valid.Replace(good, bad, StringComparison.Ordinal)).Single(d => d.Field == field);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Span, Is.EqualTo(new SourceSpan("case.yaml", line, column)));
            Assert.That(diagnostic.Field, Is.EqualTo(field));
            Assert.That(diagnostic.Message, Does.Contain(message));
            Assert.That(diagnostic.ToString(), Does.StartWith($"case.yaml:{line}:{column}: error DR10"));
        }
    }

    [Test]
    public void Load_SeveralProblems_ReportsAllInFileOrder()
    {
        var errors = Errors(Valid
            .Replace("level: felony\n", "level: felonyy\n", StringComparison.Ordinal)
            .Replace("form: I-247A", "form: I-247B", StringComparison.Ordinal));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "charges[0].level", "detainer.form" }));
    }

    [Test]
    public void Load_MissingRequiredFields_NamesEachField()
    {
        var errors = Errors("""
            person: { foreign_born: true }
            charges:
              - { offense: x, level: felony }
            """);

        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "booked_at", "charges[0].category" }));
    }

    [Test]
    public void Load_NoCharges_Rejected()
    {
        var error = Errors("booked_at: 2025-01-21T09:30:00-08:00\ncharges: []").Single();

        Assert.That(error.Message, Does.Contain("at least one charge"));
    }

    [Test]
    public void Load_WrongShape_NamesWhatWasExpected()
    {
        var error = Errors(Valid.Replace("requests: [civil_enforcement_operation]", "requests: civil_enforcement_operation", StringComparison.Ordinal)).Single();

        Assert.That(error.Message, Is.EqualTo("expected a list, found a scalar"));
    }

    [Test]
    public void Load_DuplicateKey_Rejected()
    {
        var error = Errors(Valid.Replace("description: a robbery arrest", "description: a\ndescription: b", StringComparison.Ordinal)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Span, Is.EqualTo(new SourceSpan("case.yaml", 3, 1)));
            Assert.That(error.Message, Does.Contain("duplicate key `description`"));
        }
    }

    [Test]
    public void Load_Alias_RefusedWithoutExpansion()
    {
        var error = Errors("a: &x [1, 2]\nb: *x").Single();

        Assert.That(error.Message, Does.Contain("not supported"));
    }

    [Test]
    public void Load_YamlSyntaxError_ReportsPosition()
    {
        var error = Errors("booked_at: 2025-01-21T09:30:00-08:00\ncharges: [ { offense: x\n").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Syntax));
            Assert.That(error.Span.Line, Is.GreaterThan(1));
            Assert.That(error.Message, Does.StartWith("not valid YAML or JSON"));
        }
    }

    [Test]
    public void Load_ReleaseBeforeBooking_Rejected()
    {
        var error = Errors(Valid.Replace("release_eligible_at: 2025-01-21T18:00:00-08:00", "release_eligible_at: 2025-01-20T18:00:00-08:00", StringComparison.Ordinal)).Single();

        Assert.That(error.Field, Is.EqualTo("custody.release_eligible_at"));
    }

    [Test]
    public void LoadFile_Missing_ReportsFile()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioLoader.LoadFile("no/such/file.yaml"))!.Diagnostics.Single();

        Assert.That(error.ToString(), Is.EqualTo("no/such/file.yaml: error DR100: file not found"));
    }
}
