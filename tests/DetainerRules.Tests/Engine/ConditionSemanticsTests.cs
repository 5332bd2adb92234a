using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

[TestFixture]
public class ConditionSemanticsTests
{
    private static bool Holds(string when, string scenarioExtra = "", string level = "felony", string category = "robbery", string extra = "")
    {
        var policy = TestPolicies.Compile($$"""
              - id: probe
                when: "{{when.Replace("\"", "\\\"", StringComparison.Ordinal)}}"
                then: { ice_jail_access: permitted }
                because: probe
                cite: src
            """, extra);
        var verdict = policy.Evaluate(TestScenarios.Arrest(level, category, scenarioExtra));
        return verdict[DecisionKind.IceJailAccess].Value == Modality.Permitted;
    }

    [TestCase("detainer.form = I-247A", false)]
    [TestCase("detainer.form != I-247A", true)]
    [TestCase("detainer.warrant not in [judicial]", true)]
    [TestCase("detainer.warrant in [judicial, administrative]", false)]
    [TestCase("detainer.form is not known", true)]
    [TestCase("detainer", false)]
    [TestCase("not detainer", true)]
    public void Evaluate_NoDetainer_ComparisonsFailClosed(string when, bool expected) =>
        Assert.That(Holds(when), Is.EqualTo(expected));

    [TestCase("person.foreign_born", false)]
    [TestCase("person.foreign_born = false", false)]
    [TestCase("person.foreign_born != true", true)]
    [TestCase("person.foreign_born is not known", true)]
    public void Evaluate_BirthplaceUnknown_TreatedAsUnknownNotFalse(string when, bool expected)
    {
        var policy = TestPolicies.Compile($$"""
              - id: probe
                when: {{when}}
                then: { ice_jail_access: permitted }
                because: probe
                cite: src
            """);
        var scenario = TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: null }
            charges: [ { offense: x, level: felony, category: robbery } ]
            """);

        Assert.That(policy.Evaluate(scenario)[DecisionKind.IceJailAccess].Value == Modality.Permitted, Is.EqualTo(expected));
    }

    [TestCase("2020-01-17", true, TestName = "Evaluate_ConvictionExactlyFiveYearsBeforeBooking_IsWithin")]
    [TestCase("2020-01-16", false, TestName = "Evaluate_ConvictionFiveYearsAndOneDayBeforeBooking_IsNotWithin")]
    public void Evaluate_LookBack(string convictedOn, bool expected) =>
        Assert.That(
            Holds("any conviction(category = burglary and within 5 years)", $"convictions: [ {{ offense: b, level: felony, category: burglary, convicted_on: {convictedOn} }} ]"),
            Is.EqualTo(expected));

    [Test]
    public void Covers_DateAfterTheBookingDay_IsNotAPriorEvent() =>
        Assert.That(DetainerRules.Model.Conditions.WithinYears.Covers(new DateOnly(2025, 1, 17), new DateOnly(2025, 1, 18), 5), Is.False);

    [Test]
    public void Evaluate_LookBackFromRelease_UsesReleaseDateWhenGiven()
    {
        const string conviction = "convictions: [ { offense: b, level: felony, category: burglary, convicted_on: 2010-01-01, released_on: 2021-03-01 } ]";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Holds("any conviction(within 5 years of release)", conviction), Is.True);
            Assert.That(Holds("any conviction(within 5 years)", conviction), Is.False);
        }
    }

    [TestCase("level >= gross_misdemeanor", "felony", true)]
    [TestCase("level >= gross_misdemeanor", "misdemeanor", false)]
    [TestCase("level < felony", "gross_misdemeanor", true)]
    public void Evaluate_LevelsAreOrdered(string inner, string level, bool expected) =>
        Assert.That(Holds($"any charge({inner})", level: level), Is.EqualTo(expected));

    [Test]
    public void Evaluate_Quantifiers_AnyNoEvery()
    {
        const string two = "charges: [ { offense: a, level: felony, category: robbery }, { offense: b, level: misdemeanor, category: traffic } ]";
        var policy = (string when) => TestPolicies.Compile($$"""
              - id: probe
                when: {{when}}
                then: { ice_jail_access: permitted }
                because: probe
                cite: src
            """);
        var scenario = TestScenarios.Parse($"""
            booked_at: 2025-01-17T09:30:00-08:00
            {two}
            """);
        bool Run(string when) => policy(when).Evaluate(scenario)[DecisionKind.IceJailAccess].Value == Modality.Permitted;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run("any charge(level = felony)"), Is.True);
            Assert.That(Run("every charge(level = felony)"), Is.False);
            Assert.That(Run("no charge(category = homicide)"), Is.True);
            Assert.That(Run("no charge(category = traffic)"), Is.False);
            Assert.That(Run("every conviction(level = felony)"), Is.True, "every over no convictions is vacuously true");
            Assert.That(Run("any conviction"), Is.False);
        }
    }

    [Test]
    public void Evaluate_NamedListAndNamedCondition_ResolveInsideQuantifier()
    {
        const string extra = """
            offense_lists:
              violent: [homicide, robbery, kidnapping]
            conditions:
              violent_felony: category in violent and level = felony
            """;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Holds("any charge(violent_felony)", extra: extra), Is.True);
            Assert.That(Holds("any charge(violent_felony)", level: "misdemeanor", extra: extra), Is.False);
            Assert.That(Holds("any charge(violent_felony)", category: "theft", extra: extra), Is.False);
        }
    }

    [Test]
    public void Evaluate_RequestsAndStatute_Tested()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Holds("requests has civil_enforcement_operation", "requests: [civil_enforcement_operation]"), Is.True);
            Assert.That(Holds("requests has jail_access", "requests: [civil_enforcement_operation]"), Is.False);
            Assert.That(Holds("any charge(statute is known)"), Is.False);
            Assert.That(Holds("any charge(offense = 'test')"), Is.True);
        }
    }
}
