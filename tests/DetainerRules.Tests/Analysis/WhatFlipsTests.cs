using DetainerRules.Analysis;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

[TestFixture]
public class WhatFlipsTests
{
    [Test]
    public void For_TrafficArrestUnderLvmpd2023_NoticeFollowsIfTheChargeWereDuiOrDomesticViolence()
    {
        var policy = TestPolicies.ShippedDelegate("lvmpd-2023");
        var scenario = TestScenarios.Shipped("lv-traffic-detainer");

        var flips = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce));

        var flip = flips.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flip.Answer.Text, Is.EqualTo("required (booking, release)"));
            Assert.That(flip.Changes.Single().Dimension, Is.EqualTo("the charge's category"));
            Assert.That(flip.Changes.Single().To, Is.EqualTo("domestic violence or DUI"));
        }
    }

    [Test]
    public void For_ConvictionJustOutsideCaliforniasLookBack_FlipsWhenTheDateIsWithin15Years()
    {
        // The shipped scenario's current charge is petty theft, which may be a misdemeanor Proposition
        // 47 reduced; Gov. Code 7282.5(a)(6) (SB 54, Stats. 2017, ch. 495) then bars cooperation under
        // 7282.5 whatever the conviction's date. With a trespass charge instead, only the 15-year
        // window of 7282.5(a)(3) decides, and moving the conviction inside it makes notice permitted.
        var policy = TestPolicies.ShippedDelegate("california");
        var text = File.ReadAllText(Path.Combine(Repository.Scenarios, "ca-burglary-conviction-15-years-and-a-day.yaml"))
            .Replace("offense: petty theft", "offense: trespass").Replace("category: theft", "category: public_order");
        var scenario = TestScenarios.Parse(text, "ca-burglary-conviction-15-years-and-a-day-trespass");

        var flips = WhatFlips.For(policy, scenario, Subject.Of(DecisionKind.NotifyIce));

        Assert.That(
            flips.Select(f => $"{f.Answer.Text} if {f.Changes.Single().Dimension} were {f.Changes.Single().To}"),
            Does.Contain("permitted (release) if the conviction's date were convicted within 5 years or convicted more than 5 but within 15 years"));
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
                    }
                }
            }
        }
    }
}
