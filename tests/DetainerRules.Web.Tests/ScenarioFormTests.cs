using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Web.Pages;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DetainerRules.Web.Tests;

/// <summary>A scenario typed into the Evaluate page's form (<see cref="ScenarioForm"/>): its link's query, read back as the page reads it and written as the loader reads it, is the same scenario.</summary>
[TestFixture]
public class ScenarioFormTests
{
    private const string Full = """
        id: full
        booked_at: 2024-03-05T22:15:00+05:30
        person: { foreign_born: false, citizenship: noncitizen, registered_sex_offender: true, on_terrorist_watchlist: true, lawful_status_proof: true }
        charges:
          - { offense: "assault \"with\" intent", level: felony, category: aggravated_assault }
          - { offense: theft, level: misdemeanor, category: theft }
        convictions:
          - { offense: burglary, level: felony, category: burglary, convicted_on: 2015-02-01, released_on: 2018-06-30 }
          - { offense: dui, level: misdemeanor, category: dui, convicted_on: 2021-11-11 }
        detainer: { form: I-247N, warrant: judicial, warrant_court: state, warrant_offense: immigration_crime, received_at: 2024-03-06T01:00:00+05:30 }
        custody: { release_eligible_at: 2024-03-07T09:00:00+05:30 }
        ice: { present_at_release: true }
        requests: [ release_date_information, jail_access ]
        """;

    private static string Json(Scenario s) => ScenarioJson.ToJson(new Scenario(s) { Id = "same", Description = null });

    /// <summary>Scenario → query → the page's form → its YAML → the loader.</summary>
    private static Scenario RoundTrip(Scenario scenario, string[] policies, out BookingForm read)
    {
        var query = ScenarioForm.Of(scenario, policies)!.Query();
        read = BookingForm.Read(new QueryCollection(QueryHelpers.ParseQuery(query)));
        return ScenarioLoader.Load(read.ToYaml(), "scenario", "scenario");
    }

    [TestCase(Full)]
    [TestCase(FixtureScenarios.Detained)]
    [TestCase(FixtureScenarios.Early)]
    public void ScenarioToQueryToFormToLoader_TheSameScenario(string text)
    {
        var scenario = ScenarioLoader.Load(text, "given", "given");
        var back = RoundTrip(scenario, ["holding", "refusing"], out var form);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Json(back), Is.EqualTo(Json(scenario)));
            Assert.That(form.Submitted, Is.True);
            Assert.That(form.Policies, Is.EqualTo(new[] { "holding", "refusing" }));
        }
    }

    [Test]
    public void WhatTheFormCannotHold_NoLink()
    {
        var scenario = ScenarioLoader.Load(FixtureScenarios.Detained, "given", "given");
        var cited = new Scenario(scenario) { Charges = [new Charge("robbery", "NRS 200.380", OffenseLevel.Felony, OffenseCategory.Robbery)] };
        var many = new Scenario(scenario) { Charges = [.. Enumerable.Repeat(scenario.Charges[0], BookingForm.Rows + 1)] };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ScenarioForm.Of(cited, ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(many, ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(new Scenario(scenario) { Charges = [.. Enumerable.Repeat(scenario.Charges[0], BookingForm.Rows)] }, ["holding"]), Is.Not.Null);
        }
    }
}
