using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// What each construct of the condition language means, on both engines: every operator on each
/// side of its boundary, missing values, the quantifiers over empty lists, lists where every element
/// passes, none does and some do, and the look-back edges.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class ConditionSemanticsTests(EngineKind engine)
{
    private const string Lists = """
        offense_lists:
          violent: [homicide, robbery, kidnapping]
          minor: [traffic]
        conditions:
          violent_felony: category in violent and level = felony
          serious_charge: any charge(violent_felony)
          serious_and_abroad: serious_charge and person.foreign_born
        """;

    private static readonly Dictionary<string, string> Bookings = new(StringComparer.Ordinal)
    {
        ["felony robbery"] = Booking("- { offense: test, level: felony, category: robbery }"),
        ["gross misdemeanor theft"] = Booking("- { offense: test, level: gross_misdemeanor, category: theft }"),
        ["misdemeanor traffic"] = Booking("- { offense: driving, statute: VC 12500, level: misdemeanor, category: traffic }"),
        ["infraction other"] = Booking("- { offense: test, level: infraction, category: other }"),
        ["homicide and other"] = Booking("- { offense: a, level: felony, category: homicide }\n  - { offense: b, level: felony, category: other }"),
        ["felony and misdemeanor"] = Booking("- { offense: a, level: felony, category: robbery }\n  - { offense: b, level: misdemeanor, category: traffic }"),
        ["two felonies"] = Booking("- { offense: a, level: felony, category: robbery }\n  - { offense: b, level: felony, category: burglary }"),
        ["two misdemeanors"] = Booking("- { offense: a, level: misdemeanor, category: theft }\n  - { offense: b, level: misdemeanor, category: traffic }"),
    };

    private bool Holds(string when, Scenario scenario, string extra = Lists)
    {
        var policy = TestPolicies.Compile(engine, $$"""
              - id: probe
                when: "{{when.Replace("\"", "\\\"", StringComparison.Ordinal)}}"
                then: { ice_jail_access: permitted }
                because: probe
                cite: src
            """, extra);
        return Engines.Evaluate(policy, scenario)[DecisionKind.IceJailAccess].Value == Modality.Permitted;
    }

    private static Scenario Booked(string key) => TestScenarios.Parse(Bookings[key], key.Replace(' ', '-'));

    private static string Booking(string charges, string extra = "") => $$"""
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges:
          {{charges}}
        {{extra}}
        """;

    [TestCase("level < gross_misdemeanor", "misdemeanor traffic", true)]
    [TestCase("level < gross_misdemeanor", "gross misdemeanor theft", false)]
    [TestCase("level <= gross_misdemeanor", "gross misdemeanor theft", true)]
    [TestCase("level <= gross_misdemeanor", "felony robbery", false)]
    [TestCase("level <= misdemeanor", "infraction other", true)]
    [TestCase("level > gross_misdemeanor", "felony robbery", true)]
    [TestCase("level > gross_misdemeanor", "gross misdemeanor theft", false)]
    [TestCase("level >= gross_misdemeanor", "gross misdemeanor theft", true)]
    [TestCase("level >= gross_misdemeanor", "misdemeanor traffic", false)]
    [TestCase("level >= infraction", "infraction other", true)]
    [TestCase("level = gross_misdemeanor", "gross misdemeanor theft", true)]
    [TestCase("level = gross_misdemeanor", "felony robbery", false)]
    [TestCase("level != gross_misdemeanor", "felony robbery", true)]
    [TestCase("level != gross_misdemeanor", "gross misdemeanor theft", false)]
    [TestCase("level in [infraction, felony]", "infraction other", true)]
    [TestCase("level in [infraction, felony]", "misdemeanor traffic", false)]
    [TestCase("level not in [infraction, felony]", "misdemeanor traffic", true)]
    [TestCase("level not in [infraction, misdemeanor, felony]", "felony robbery", false)]
    public void Evaluate_LevelOperators_OrderedFromInfractionToFelony(string inner, string booking, bool expected) =>
        Assert.That(Holds($"any charge({inner})", Booked(booking)), Is.EqualTo(expected));

    // Lists of more than two categories are tested as a bit mask: the first and the last member of
    // the enumeration are the edges of the mask.
    [TestCase("category = robbery", "felony robbery", true)]
    [TestCase("category = robbery", "misdemeanor traffic", false)]
    [TestCase("category != robbery", "misdemeanor traffic", true)]
    [TestCase("category != robbery", "felony robbery", false)]
    [TestCase("category in [robbery, theft]", "gross misdemeanor theft", true)]
    [TestCase("category in [robbery, theft]", "misdemeanor traffic", false)]
    [TestCase("category in [homicide, theft, other]", "infraction other", true)]
    [TestCase("category in [homicide, theft, other]", "felony robbery", false)]
    [TestCase("category in [homicide, robbery, other]", "homicide and other", true)]
    [TestCase("category not in [homicide, theft, other]", "felony robbery", true)]
    [TestCase("category not in [homicide, theft, other]", "infraction other", false)]
    [TestCase("category not in [robbery, traffic]", "gross misdemeanor theft", true)]
    [TestCase("category in violent", "felony robbery", true)]
    [TestCase("category in violent", "gross misdemeanor theft", false)]
    [TestCase("category not in violent", "gross misdemeanor theft", true)]
    [TestCase("category not in minor", "misdemeanor traffic", false)]
    [TestCase("category in minor", "misdemeanor traffic", true)]
    public void Evaluate_CategoryOperators_InlineAndNamedLists(string inner, string booking, bool expected) =>
        Assert.That(Holds($"any charge({inner})", Booked(booking)), Is.EqualTo(expected));

    [TestCase("statute = 'VC 12500'", "misdemeanor traffic", true)]
    [TestCase("statute = 'VC 12501'", "misdemeanor traffic", false)]
    [TestCase("statute != 'VC 12501'", "misdemeanor traffic", true)]
    [TestCase("statute != 'VC 12500'", "misdemeanor traffic", false)]
    [TestCase("statute = 'VC 12500'", "felony robbery", false)]
    [TestCase("statute != 'VC 12500'", "felony robbery", true)]
    [TestCase("statute in ['PC 187', 'VC 12500']", "misdemeanor traffic", true)]
    [TestCase("statute not in ['PC 187', 'VC 12500']", "felony robbery", true)]
    [TestCase("statute not in ['PC 187', 'VC 12500']", "misdemeanor traffic", false)]
    [TestCase("statute is known", "misdemeanor traffic", true)]
    [TestCase("statute is known", "felony robbery", false)]
    [TestCase("statute is not known", "felony robbery", true)]
    [TestCase("statute is not known", "misdemeanor traffic", false)]
    [TestCase("offense = \"driving\"", "misdemeanor traffic", true)]
    [TestCase("offense = \"Driving\"", "misdemeanor traffic", false)]
    [TestCase("offense != \"driving\"", "felony robbery", true)]
    [TestCase("offense != \"driving\"", "misdemeanor traffic", false)]
    [TestCase("offense in ['test', 'x']", "felony robbery", true)]
    [TestCase("offense not in ['test', 'x']", "felony robbery", false)]
    public void Evaluate_TextOperators_ExactAndAMissingStatuteIsUnknown(string inner, string booking, bool expected) =>
        Assert.That(Holds($"any charge({inner})", Booked(booking)), Is.EqualTo(expected));

    [TestCase("detainer.form = I-247A", false)]
    [TestCase("detainer.form != I-247A", true)]
    [TestCase("detainer.form in [I-247A, I-247N, I-203]", false)]
    [TestCase("detainer.form not in [I-247A, I-247N, I-203]", true)]
    [TestCase("detainer.warrant not in [judicial]", true)]
    [TestCase("detainer.warrant in [judicial, administrative]", false)]
    [TestCase("detainer.form is not known", true)]
    [TestCase("detainer.form is known", false)]
    [TestCase("detainer.warrant is known", false)]
    [TestCase("detainer", false)]
    [TestCase("detainer = false", true)]
    [TestCase("detainer != true", true)]
    [TestCase("not detainer", true)]
    public void Evaluate_NoDetainer_ComparisonsFailClosed(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Arrest()), Is.EqualTo(expected));

    [TestCase("detainer", true)]
    [TestCase("detainer = true", true)]
    [TestCase("detainer.form = I-203", true)]
    [TestCase("detainer.form = I-247A", false)]
    [TestCase("detainer.form != I-247A", true)]
    [TestCase("detainer.form in [I-247N, I-203]", true)]
    [TestCase("detainer.form in [I-247A, I-247N]", false)]
    [TestCase("detainer.form not in [I-247A, I-247N]", true)]
    [TestCase("detainer.warrant = judicial", true)]
    [TestCase("detainer.warrant != judicial", false)]
    [TestCase("detainer.warrant in [none, administrative]", false)]
    [TestCase("detainer.form is known", true)]
    [TestCase("detainer.warrant is not known", false)]
    public void Evaluate_DetainerPresent_ComparedByValue(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Arrest(extra: "detainer: { form: I-203, warrant: judicial }")), Is.EqualTo(expected));

    [TestCase("person.foreign_born", false)]
    [TestCase("person.foreign_born = true", false)]
    [TestCase("person.foreign_born = false", false)]
    [TestCase("person.foreign_born != true", true)]
    [TestCase("person.foreign_born != false", true)]
    [TestCase("person.foreign_born in [true, false]", false)]
    [TestCase("person.foreign_born not in [true, false]", true)]
    [TestCase("person.foreign_born is not known", true)]
    [TestCase("person.foreign_born is known", false)]
    [TestCase("not person.foreign_born", true)]
    public void Evaluate_BirthplaceUnknown_TreatedAsUnknownNotFalse(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: null }
            charges: [ { offense: x, level: felony, category: robbery } ]
            """)), Is.EqualTo(expected));

    [TestCase("person.foreign_born", true)]
    [TestCase("person.foreign_born = false", false)]
    [TestCase("person.foreign_born != false", true)]
    [TestCase("person.foreign_born is known", true)]
    [TestCase("person.citizenship = noncitizen", true)]
    [TestCase("person.citizenship != noncitizen", false)]
    [TestCase("person.citizenship in [us_citizen, unknown]", false)]
    [TestCase("person.citizenship not in [us_citizen, unknown]", true)]
    [TestCase("person.citizenship in [unknown, us_citizen, noncitizen]", true)]
    [TestCase("person.registered_sex_offender", false)]
    [TestCase("person.registered_sex_offender = false", true)]
    [TestCase("person.on_terrorist_watchlist", true)]
    [TestCase("person.on_terrorist_watchlist != true", false)]
    [TestCase("person.lawful_status_proof", false)]
    [TestCase("not person.lawful_status_proof", true)]
    [TestCase("ice.present_at_release", true)]
    [TestCase("ice.present_at_release = false", false)]
    [TestCase("requests has jail_access", true)]
    [TestCase("requests has interview", false)]
    [TestCase("requests has civil_enforcement_operation", true)]
    [TestCase("not requests has criminal_intelligence", true)]
    public void Evaluate_ScenarioFields_ReadAsWritten(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: true, citizenship: noncitizen, on_terrorist_watchlist: true }
            charges: [ { offense: x, level: felony, category: robbery } ]
            ice: { present_at_release: true }
            requests: [jail_access, civil_enforcement_operation]
            """)), Is.EqualTo(expected));

    [TestCase("any charge(level = felony)", "felony and misdemeanor", true)]
    [TestCase("any charge(level = felony)", "two misdemeanors", false)]
    [TestCase("no charge(level = felony)", "two misdemeanors", true)]
    [TestCase("no charge(level = felony)", "felony and misdemeanor", false)]
    [TestCase("no charge(level = felony)", "two felonies", false)]
    [TestCase("every charge(level = felony)", "two felonies", true)]
    [TestCase("every charge(level = felony)", "felony and misdemeanor", false)]
    [TestCase("every charge(level = felony)", "two misdemeanors", false)]
    [TestCase("every charges(level >= misdemeanor)", "felony and misdemeanor", true)]
    [TestCase("any charge", "two misdemeanors", true)]
    [TestCase("no charge", "two misdemeanors", false)]
    [TestCase("every charge", "two misdemeanors", true)]
    [TestCase("not no charge(category = traffic) and any charge(category = robbery)", "felony and misdemeanor", true)]
    [TestCase("not every charge(category in [robbery, burglary])", "two felonies", false)]
    [TestCase("every charge(not (category = traffic or level = infraction))", "two felonies", true)]
    [TestCase("no charge(category in [theft, traffic] and level = misdemeanor)", "two misdemeanors", false)]
    public void Evaluate_QuantifiersOverCharges_SomeAllOrNonePassing(string when, string booking, bool expected) =>
        Assert.That(Holds(when, Booked(booking)), Is.EqualTo(expected));

    [TestCase("any conviction", false)]
    [TestCase("no conviction", true)]
    [TestCase("every conviction", true)]
    [TestCase("any conviction(level = felony)", false)]
    [TestCase("no conviction(level = felony)", true)]
    [TestCase("every conviction(level = felony)", true)]
    [TestCase("not every conviction(level = felony)", false)]
    [TestCase("every convictions(within 5 years) and no convictions(within 5 years)", true)]
    public void Evaluate_QuantifiersOverNoConvictions_AnyFalseNoAndEveryTrue(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Arrest()), Is.EqualTo(expected));

    [TestCase("any conviction(level = felony)", true)]
    [TestCase("no conviction(level = felony)", false)]
    [TestCase("every conviction(level = felony)", false)]
    [TestCase("every conviction(level >= misdemeanor)", true)]
    [TestCase("no conviction(category = homicide)", true)]
    [TestCase("any conviction(category = theft and within 5 years)", false)]
    [TestCase("any conviction(category = theft and within 10 years)", true)]
    [TestCase("every conviction(within 10 years)", true)]
    [TestCase("every conviction(within 5 years)", false)]
    [TestCase("no conviction(within 5 years)", false)]
    [TestCase("no conviction(within 1 year)", true)]
    [TestCase("any conviction(within 0 years)", false)]
    public void Evaluate_QuantifiersOverConvictions(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Arrest(extra: """
            convictions:
              - { offense: a, level: felony, category: robbery, convicted_on: 2022-03-01 }
              - { offense: b, level: misdemeanor, category: theft, convicted_on: 2016-05-05 }
            """)), Is.EqualTo(expected));

    [TestCase("2020-01-17", true, "exactly five years before booking: within")]
    [TestCase("2020-01-16", false, "five years and a day before booking: not within")]
    [TestCase("2025-01-17", true, "on the booking day: within")]
    public void Evaluate_LookBack(string convictedOn, bool expected, string what) =>
        Assert.That(
            Holds("any conviction(category = burglary and within 5 years)", TestScenarios.Arrest(extra: $"convictions: [ {{ offense: b, level: felony, category: burglary, convicted_on: {convictedOn} }} ]")),
            Is.EqualTo(expected),
            what);

    [TestCase("2021-03-01", "within 5 years of release", true)]
    [TestCase("2021-03-01", "within 5 years", false)]
    [TestCase("2020-01-17", "within 5 years of release", true)]
    [TestCase("2020-01-16", "within 5 years of release", false)]
    [TestCase(null, "within 5 years of release", false)]
    [TestCase(null, "within 15 years of release", true)]
    public void Evaluate_LookBackFromRelease_UsesReleaseDateWhenGivenElseConviction(string? releasedOn, string lookBack, bool expected)
    {
        var released = releasedOn is null ? string.Empty : $", released_on: {releasedOn}";
        var scenario = TestScenarios.Arrest(extra: $"convictions: [ {{ offense: b, level: felony, category: burglary, convicted_on: 2010-01-17{released} }} ]");

        Assert.That(Holds($"any conviction({lookBack})", scenario), Is.EqualTo(expected));
    }

    [Test]
    public void Covers_DateAfterTheBookingDay_IsNotAPriorEvent() =>
        Assert.That(DetainerRules.Model.Conditions.WithinYears.Covers(new DateOnly(2025, 1, 17), new DateOnly(2025, 1, 18), 5), Is.False);

    [TestCase("any charge(violent_felony)", "felony robbery", true)]
    [TestCase("any charge(violent_felony)", "gross misdemeanor theft", false)]
    [TestCase("any charge(violent_felony)", "two felonies", true)]
    [TestCase("serious_charge", "felony robbery", true)]
    [TestCase("serious_charge", "two misdemeanors", false)]
    [TestCase("serious_and_abroad", "felony robbery", true)]
    [TestCase("not serious_and_abroad", "felony robbery", false)]
    [TestCase("every charge(not violent_felony)", "two misdemeanors", true)]
    public void Evaluate_NamedListsAndConditions_ResolveWhereUsed(string when, string booking, bool expected) =>
        Assert.That(Holds(when, Booked(booking)), Is.EqualTo(expected));

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("not false and (false or true)", true)]
    [TestCase("true and false or true", true)]
    [TestCase("true and (false or false)", false)]
    [TestCase("not (true or false)", false)]
    [TestCase("person.foreign_born and not detainer or false", true)]
    public void Evaluate_AndBindsTighterThanOr(string when, bool expected) =>
        Assert.That(Holds(when, TestScenarios.Arrest()), Is.EqualTo(expected));

    [TestCase("any charge(person.foreign_born and level = felony)", "felony robbery", true)]
    [TestCase("every charge(person.citizenship = noncitizen)", "two misdemeanors", true)]
    [TestCase("no charge(person.foreign_born)", "felony robbery", false)]
    public void Evaluate_ScenarioFieldInsideAQuantifier_ReadsTheScenario(string when, string booking, bool expected) =>
        Assert.That(Holds(when, Booked(booking)), Is.EqualTo(expected));
}
