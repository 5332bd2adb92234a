using System.Text.RegularExpressions;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;

namespace DetainerRules.Tests.Agencies;

/// <summary>
/// <c>detainer agencies map</c> on the fixture catalog and roster (<see cref="AgencyFixture"/>) and a Colorado law
/// written here with a hostile title: each state coloured as its fixture law answers, the roster counted per state.
/// </summary>
[TestFixture]
public partial class AgencyMapTests
{
    private const string Hostile = "<script>alert('x')</script> & \"Colorado\" <img src=x onerror=1>";

    private string _rules = null!;

    [OneTimeSetUp]
    public void WriteFixtures()
    {
        _rules = AgencyFixture.Write();
        File.WriteAllText(Path.Combine(_rules, "co-law.yaml"), PolicyTemplate.Yaml("co-law", Hostile, """
              - id: hold
                when: detainer.warrant = administrative
                then: { delay_release: { value: required, limit: clock48 } }
                because: the fixture state has its jails hold on ICE's warrant
                cite: src
            """, "state: CO\ntime_zone: America/Denver"));
        Directory.CreateDirectory(Path.Combine(_rules, "questions", "scenarios"));
        File.WriteAllText(Path.Combine(_rules, "questions", "scenarios", "booking.yaml"), """
            id: admin-warrant-booking
            booked_at: 2025-07-01T09:30:00-06:00
            person: { foreign_born: true, citizenship: noncitizen }
            charges: [ { offense: test, level: felony, category: robbery } ]
            detainer: { form: I-247A, warrant: administrative }
            custody: { release_eligible_at: 2025-07-01T18:00:00-06:00 }
            """);
        File.WriteAllText(Path.Combine(_rules, "questions", "questions.yaml"), """
            questions:
              - id: hold
                ask: Is release delayed on ICE's administrative warrant?
                scenario: scenarios/booking.yaml
                decision: delay_release
              - id: ask
                ask: Do officers ask about status?
                scenario: scenarios/booking.yaml
                decision: ask_immigration_status
              - id: what-happens
                ask: What happens?
                scenario: scenarios/booking.yaml
                decision: outcome
            """);
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_rules, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) =>
        CliRun.RunIsolated(_rules, ["agencies", "map", "--questions", Path.Combine("questions", "questions.yaml"), .. args, "--format", "html", "--rules", _rules]);

    private static string Answer(string page, string state) => Tile().Matches(page).Single(m => m.Groups[1].Value == state).Groups[2].Value;

    private static string Counts(string page, string state) => TileCounts().Matches(page).Single(m => m.Groups[1].Value == state).Groups[2].Value;

    [Test]
    public void EachFixtureState_IsColouredAsItsFixtureLawAnswers()
    {
        var (exit, page, err) = Run("--question", "hold", "--at", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(Tile().Matches(page), Has.Count.EqualTo(51), "the 50 states and the District");
            Assert.That(Answer(page, "WY"), Is.EqualTo("forbidden"), "the fixture Wyoming law forbids holds");
            Assert.That(Answer(page, "CO"), Is.EqualTo("required"), "the fixture Colorado law requires them on an administrative warrant");
            Assert.That(Answer(page, "UT"), Is.EqualTo("none"), "no Utah law in the fixture catalog");
            Assert.That(Answer(page, "TX"), Is.EqualTo("none"));
            Assert.That(page, Does.Contain("<li><span class=\"swatch forbidden\"></span>forbidden: 1</li>").And.Contain("no state policy in the catalog: 49</li>"));
            Assert.That(page, Does.Contain("Is release delayed on ICE&#39;s administrative warrant?"));
        }
    }

    [Test]
    public void AnotherQuestion_AnotherAnswer_AndADecisionOnAScenarioFile()
    {
        var (exit, page, err) = Run("--question", "ask", "--at", "2025-07-01");
        var (byDecision, decisionPage, decisionErr) = Run("--question", "ask_immigration_status=" + Path.Combine("questions", "scenarios", "booking.yaml"), "--at", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(Answer(page, "WY"), Is.EqualTo("permitted"), "the fixture Wyoming law permits status questions");
            Assert.That(Answer(page, "CO"), Is.EqualTo("unknown"), "the fixture Colorado law is silent on them");
            Assert.That(byDecision, Is.EqualTo(ExitCodes.Success), decisionErr);
            Assert.That(Answer(decisionPage, "WY"), Is.EqualTo("permitted"));
        }
    }

    [Test]
    public void Tiles_CountTheRostersAgreementsPerModel_AndThePageNamesTheSnapshot()
    {
        var (exit, page, err) = Run("--question", "hold");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(Counts(page, "WY"), Is.EqualTo("J0 W2 T0"), "Hold County and City each have a WSO agreement");
            Assert.That(Counts(page, "UT"), Is.EqualTo("J0 W1 T1"));
            Assert.That(Counts(page, "CO"), Is.EqualTo("no 287(g)"));
            Assert.That(page, Does.Contain("tests, fixture list, as of 2025-07-18"));
            Assert.That(page, Does.Contain("in the catalog on 2025-07-18"), "without --at, the day of the roster's source");
        }
    }

    [Test]
    public void HostileTitle_IsEscaped()
    {
        var (exit, page, err) = Run("--question", "hold", "--at", "2025-07-01");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(page, Does.Contain("co-law: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Colorado&quot; &lt;img src=x onerror=1&gt;"));
            Assert.That(page, Does.Not.Contain("<script").And.Not.Contain("<img"));
        }
    }

    [Test]
    public void OutcomeQuestion_UnknownId_AndBadDecision_AreUsageErrors()
    {
        var (outcome, _, outcomeErr) = Run("--question", "what-happens");
        var (unknown, _, unknownErr) = Run("--question", "nope");
        var (bad, _, badErr) = Run("--question", "delay_relase=x.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(ExitCodes.Usage));
            Assert.That(outcomeErr, Does.Contain("answered by the outcome"));
            Assert.That(unknown, Is.EqualTo(ExitCodes.Usage));
            Assert.That(unknownErr, Does.Contain("its ids: hold, ask, what-happens"));
            Assert.That(bad, Is.EqualTo(ExitCodes.Usage));
            Assert.That(badErr, Does.Contain("`delay_relase` is not a decision").And.Contain("delay_release"));
        }
    }

    [Test]
    public void QuestionsFile_WithAnIdTwice_IsRefusedAtTheSecond()
    {
        File.WriteAllText(Path.Combine(_rules, "questions", "twice.yaml"), """
            questions:
              - { id: hold, ask: one, scenario: scenarios/booking.yaml, decision: delay_release }
              - { id: HOLD, ask: two, scenario: scenarios/booking.yaml, decision: notify_ice }
            """);
        var (exit, _, err) = CliRun.RunIsolated(_rules, "agencies", "map", "--questions", Path.Combine("questions", "twice.yaml"), "--question", "hold", "--rules", _rules);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(err, Does.Contain("twice.yaml:3:").And.Contain("`HOLD` names another question of this file"));
        }
    }

    [Test]
    public void Output_NeverReplacesAnInput()
    {
        var (exit, _, err) = Run("--question", "hold", "--output", Path.Combine("questions", "questions.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(err, Does.Contain("--output"));
            Assert.That(File.ReadAllText(Path.Combine(_rules, "questions", "questions.yaml")), Does.StartWith("questions:"));
        }
    }

    [GeneratedRegex("<g class=\"state\" id=\"state-([A-Z]{2})\" data-answer=\"([a-z]+)\">")]
    private static partial Regex Tile();

    [GeneratedRegex("id=\"state-([A-Z]{2})\"[^\\n]*\\n(?:[^\\n]*\\n){3}<text class=\"counts\"[^>]*>([^<]*)</text>")]
    private static partial Regex TileCounts();
}
