using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

[TestFixture]
public class WhatFlipsTests
{
    [Test]
    public void For_TrafficArrest_NoticeFollowsIfTheChargeWereDuiOrDomesticViolence()
    {
        var policy = DelegatePolicy.Compile(PolicyLoader.LoadFile(Fixtures.Policy("notice-2023")), PolicyLoader.LoadBeside);
        var scenario = ScenarioLoader.LoadFile(Path.Combine(Fixtures.Scenarios, "traffic-abroad-no-warrant.yaml"));

        var flips = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce));

        // A violent felony would need two changes (level and category): one change is enough here.
        var flip = flips.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flip.Answer.Text, Is.EqualTo("required (booking, release)"));
            Assert.That(flip.Changes.Single().Dimension, Is.EqualTo("the charge's category"));
            Assert.That(flip.Changes.Single().To, Is.EqualTo("domestic violence or DUI"));
        }
    }

    [Test]
    public void For_ValueInAClassOfSeveral_SaysTheScenariosOwnValueIsNow()
    {
        // Three violent categories are one class to this policy, and citizenship splits only into known and unknown.
        var policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: notice-on-violence
                when: any charge(category in [homicide, robbery, assault_on_officer]) and person.citizenship != unknown
                then: { notify_ice: { value: required, at: [booking] } }
                because: v
                cite: src
            """));
        var scenario = TestScenarios.Arrest(category: "assault_on_officer");

        var changes = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce)).Select(f => f.Changes.Single()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes.Single(c => c.Dimension == "the charge's category").From, Is.EqualTo("assault on officer"), "not the whole class (homicide, robbery or assault on officer)");
            Assert.That(changes.Single(c => c.Dimension == "citizenship").From, Is.EqualTo("a noncitizen"), "not every known citizenship");
        }
    }

    [Test]
    public void For_ConvictionJustOutsideALookBack_FlipsWhenTheDateIsWithinIt()
    {
        var policy = DelegatePolicy.From(TestPolicies.Compile("""
              - id: notice-on-a-recent-burglary
                when: any conviction(category = burglary and within 15 years)
                then: { notify_ice: { value: permitted, at: [release] } }
                because: b
                cite: src
              - id: notice-at-booking-with-a-detainer
                when: any conviction(category = burglary and within 5 years) and detainer
                then: { notify_ice: { value: required, at: [booking] } }
                because: b
                cite: src
            """));
        var scenario = TestScenarios.Arrest(extra: "convictions: [ { offense: b, level: felony, category: burglary, convicted_on: 2010-01-16 } ]");

        var flips = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce));

        // Without a detainer the 5-year edge changes nothing, so both classes inside 15 years flip alike.
        Assert.That(
            flips.Where(f => f.Changes.Count == 1).Select(f => $"{f.Answer.Text} if {f.Changes.Single().Dimension} were {f.Changes.Single().To}"),
            Is.EqualTo(new[] { "permitted (release) if the conviction's date were convicted within 5 years or convicted more than 5 but within 15 years" }));
    }

    [Test]
    public void For_ConvictionJustOutsideCaliforniasLookBack_WithAPettyTheftCharge_TheDateAloneDoesNotFlipNotice()
    {
        // Gov. Code 7282.5(a)(6): "In no case shall cooperation occur pursuant to this section for
        // individuals arrested, detained, or convicted of misdemeanors that were previously felonies"
        // before Proposition 47; the petty theft may be one, so notice stays unknown inside the window.
        var policy = TestPolicies.ShippedDelegate("california");
        var scenario = TestScenarios.Shipped("ca-burglary-conviction-15-years-and-a-day");

        var flips = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce))
            .Select(f => $"{f.Answer.Text} if {f.Changes.Single().Dimension} were {f.Changes.Single().To}").ToList();

        Assert.That(flips, Has.None.StartsWith("permitted"));
    }

    [Test]
    public void For_RandomScenarios_EveryFlipsExampleGetsTheFlippedAnswer()
    {
        var flipsChecked = 0;
        foreach (var id in new[] { "lvmpd-2023", "nyc", "california", "texas-sb4" })
        {
            var policy = TestPolicies.ShippedDelegate(id);
            foreach (var scenario in RandomScenarios.Generate(seed: 21, count: 15))
            {
                foreach (var subject in Subject.All)
                {
                    var current = subject.AnswerFrom(policy, scenario);
                    foreach (var flip in WhatFlips.For(policy, scenario, subject))
                    {
                        using (Assert.EnterMultipleScope())
                        {
                            Assert.That(flip.Answer, Is.Not.EqualTo(current), $"{id} {subject} {scenario.Id}");
                            Assert.That(subject.AnswerFrom(policy, flip.Example), Is.EqualTo(flip.Answer), $"{id} {subject} {scenario.Id}: {string.Join(" and ", flip.Changes)}");
                        }

                        flipsChecked++;
                    }
                }
            }
        }

        Assert.That(flipsChecked, Is.GreaterThan(50), "the property was checked on many flips");
    }
}
