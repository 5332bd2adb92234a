using DetainerRules.Model.Conditions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Domain;

/// <summary>
/// <see cref="ConditionPrinter"/> writes a bound condition back in the condition language: every
/// operator, quantifier, look-back and decision read in the words rules/README.md gives them, a
/// group in brackets only where leaving them out would change its meaning, named conditions by name
/// and named offense lists as the categories they stand for. Explanations and the draft page show
/// this text, and the generated policies of the differential tests are written with it.
/// </summary>
[TestFixture]
public class ConditionPrinterTests
{
    private const string Extra = """
        offense_lists: { violent: [homicide, robbery] }
        conditions: { born_abroad: person.foreign_born }
        """;

    private static Condition Bind(string when) => TestPolicies.Load($$"""
          - id: printed
            when: '{{when.Replace("'", "''", StringComparison.Ordinal)}}'
            then: { ice_jail_access: permitted }
            because: test
            cite: src
        """, Extra).Rules.Single().When;

    [TestCase("true", "true")]
    [TestCase("false", "false")]
    [TestCase("person.foreign_born", "person.foreign_born")]
    [TestCase("person.foreign_born is known", "person.foreign_born is known")]
    [TestCase("person.foreign_born is not known", "person.foreign_born is not known")]
    [TestCase("requests has interview", "requests has interview")]
    [TestCase("detainer.form = I-247A", "detainer.form = I-247A")]
    [TestCase("detainer.form != I-247A", "detainer.form != I-247A")]
    [TestCase("detainer.warrant in [judicial]", "detainer.warrant = judicial")]
    [TestCase("detainer.warrant not in [judicial]", "detainer.warrant != judicial")]
    [TestCase("detainer.warrant in [administrative, judicial]", "detainer.warrant in [administrative, judicial]")]
    [TestCase("detainer.warrant not in [administrative, judicial]", "detainer.warrant not in [administrative, judicial]")]
    [TestCase("any charge(level < felony)", "any charge(level < felony)")]
    [TestCase("any charge(level <= misdemeanor)", "any charge(level <= misdemeanor)")]
    [TestCase("any charge(level > infraction)", "any charge(level > infraction)")]
    [TestCase("any charge(level >= gross_misdemeanor)", "any charge(level >= gross_misdemeanor)")]
    [TestCase("no charge(category = traffic)", "no charge(category = traffic)")]
    [TestCase("every conviction(level = felony)", "every conviction(level = felony)")]
    [TestCase("any conviction(within 5 years)", "any conviction(within 5 years)")]
    [TestCase("no conviction(within 10 years of release)", "no conviction(within 10 years of release)")]
    [TestCase("any conviction(category in violent and within 10 years)", "any conviction(category in [homicide, robbery] and within 10 years)")]
    [TestCase("any charge(category = theft or level = felony)", "any charge(category = theft or level = felony)")]
    [TestCase("detainer or person.foreign_born and ice.present_at_release", "detainer or (person.foreign_born and ice.present_at_release)")]
    [TestCase("(detainer or person.foreign_born) and ice.present_at_release", "(detainer or person.foreign_born) and ice.present_at_release")]
    [TestCase("not (detainer and person.foreign_born)", "not (detainer and person.foreign_born)")]
    [TestCase("not (detainer or person.foreign_born)", "not (detainer or person.foreign_born)")]
    [TestCase("not detainer", "not detainer")]
    [TestCase("born_abroad and detainer", "born_abroad and detainer")]
    [TestCase("decision.notify_ice = required", "decision.notify_ice = required")]
    [TestCase("decision.notify_ice != forbidden", "decision.notify_ice != forbidden")]
    [TestCase("decision.delay_release in [required, permitted]", "decision.delay_release in [required, permitted]")]
    [TestCase("decision.delay_release not in [unknown, forbidden]", "decision.delay_release not in [unknown, forbidden]")]
    public void Print_EachConstruct_WrittenAsTheLanguageWritesIt(string when, string printed) =>
        Assert.That(ConditionPrinter.Print(Bind(when)), Is.EqualTo(printed));

    /// <summary>
    /// Text is written in double quotes and a yes/no value as a word. Asserted in one test, not as
    /// cases: Stryker's runner could not ask NUnit again for cases whose names hold escaped quotes
    /// (tests/README.md, the Model run).
    /// </summary>
    [Test]
    public void Print_TextAndYesNoOperands_QuotedTextAndWords()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ConditionPrinter.Print(Bind("any charge(statute = 'NRS 200.380')")), Is.EqualTo("any charge(statute = \"NRS 200.380\")"));
            Assert.That(ConditionPrinter.Print(Bind("any charge(offense != 'driving')")), Is.EqualTo("any charge(offense != \"driving\")"));
            Assert.That(ConditionPrinter.Print(Bind("person.foreign_born = false")), Is.EqualTo("person.foreign_born = false"));
            Assert.That(ConditionPrinter.Print(Bind("person.foreign_born != true")), Is.EqualTo("person.foreign_born != true"));
        }
    }

    /// <summary>What the printer writes binds to a condition that prints the same: the text shown is one an analyst can paste into a rule.</summary>
    [TestCase("detainer or person.foreign_born and not (ice.present_at_release or requests has jail_access)")]
    [TestCase("any conviction(category in violent and within 10 years of release) and decision.notify_ice in [required, permitted]")]
    public void Print_Reparsed_PrintsTheSame(string when)
    {
        var printed = ConditionPrinter.Print(Bind(when));
        Assert.That(ConditionPrinter.Print(Bind(printed)), Is.EqualTo(printed));
    }
}
