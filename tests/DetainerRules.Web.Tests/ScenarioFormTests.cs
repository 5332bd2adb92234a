using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Web.Pages;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

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

    /// <summary>Seven charges and seven convictions, each citing its statute, the last charge's with markup and quotes in it: more rows than the form shows at first.</summary>
    public static string Seven()
    {
        var w = new System.Text.StringBuilder("id: seven\nbooked_at: 2025-01-17T09:30:00-08:00\ncharges:\n");
        string[] levels = ["felony", "misdemeanor"];
        string[] categories = ["robbery", "theft", "burglary", "dui", "weapons", "fraud", "arson"];
        for (var i = 0; i < 6; i++)
        {
            w.Append($"  - {{ offense: \"count {i + 1}\", statute: \"NRS 200.{380 + i}\", level: {levels[i % 2]}, category: {categories[i]} }}\n");
        }

        w.Append("  - { offense: \"<b>seventh</b>\", statute: '8 U.S.C. \"1326\" <i>', level: felony, category: other }\n");
        w.Append("convictions:\n");
        for (var i = 0; i < 7; i++)
        {
            var released = i % 2 == 0 ? $", released_on: 201{i}-06-30" : string.Empty;
            w.Append($"  - {{ offense: \"prior {i + 1}\", statute: \"PC {187 + i}\", level: {levels[(i + 1) % 2]}, category: {categories[6 - i]}, convicted_on: 201{i}-02-01{released} }}\n");
        }

        w.Append("detainer: { form: I-247A, warrant: administrative }\n");
        return w.ToString();
    }

    [Test]
    public void SevenCharges_WithStatutes_ScenarioToQueryToFormToLoader_TheSameScenario()
    {
        var scenario = ScenarioLoader.Load(Seven(), "given", "given");
        var back = RoundTrip(scenario, ["holding"], out var form);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Charges, Has.Count.EqualTo(7));
            Assert.That(scenario.Convictions, Has.Count.EqualTo(7));
            Assert.That(scenario.Charges.Select(c => c.Statute), Has.All.Not.Null);
            Assert.That(Json(back), Is.EqualTo(Json(scenario)));
            Assert.That(back.Charges[6].Statute, Is.EqualTo("8 U.S.C. \"1326\" <i>"));

            // Every row filled, and one blank after them to type the next.
            Assert.That(form.RowsOf("charge"), Is.EqualTo(8));
            Assert.That(form.RowsOf("conviction"), Is.EqualTo(8));
            Assert.That(form.Filled("charge"), Is.EqualTo(Enumerable.Range(1, 7)));
        }
    }

    [Test]
    public void WhatTheFormCannotHold_NoLink_AndWhatItCan_ALink()
    {
        var scenario = ScenarioLoader.Load(FixtureScenarios.Detained, "given", "given");
        var robbery = scenario.Charges[0];
        Scenario With(params Charge[] charges) => new(scenario) { Charges = charges };

        using (Assert.EnterMultipleScope())
        {
            // A statute, and as many rows as the form may have: held.
            Assert.That(ScenarioForm.Of(With(robbery with { Statute = "NRS 200.380" }), ["holding"]), Is.Not.Null);
            Assert.That(ScenarioForm.Of(With([.. Enumerable.Repeat(robbery, BookingForm.MaxRows)]), ["holding"])?.RowsOf("charge"), Is.EqualTo(BookingForm.MaxRows));

            // More rows than that; an empty statute or offense, which an empty field cannot say.
            Assert.That(ScenarioForm.Of(With([.. Enumerable.Repeat(robbery, BookingForm.MaxRows + 1)]), ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(With(robbery with { Statute = string.Empty }), ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(With(robbery with { Offense = string.Empty }), ["holding"]), Is.Null);
            // A text longer than its field holds (BookingForm.MaxLength), though the address would be short; and every text at
            // its bound in characters sent as nine bytes each, each field held but the address too long for a link.
            var longest = robbery with { Offense = new string('\u2019', 200), Statute = new string('\u2019', 100) };
            var convicted = new Conviction(longest.Offense, longest.Statute, longest.Level, longest.Category, new DateOnly(2019, 3, 4), null);
            Assert.That(ScenarioForm.Of(With(robbery with { Offense = new string('x', 201) }), ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(With(robbery with { Statute = new string('x', 101) }), ["holding"]), Is.Null);
            Assert.That(ScenarioForm.Of(With(longest), ["holding"]), Is.Not.Null, "at the bound, held");
            Assert.That(ScenarioForm.Of(new Scenario(scenario) { Charges = [.. Enumerable.Repeat(longest, BookingForm.MaxRows)], Convictions = [.. Enumerable.Repeat(convicted, BookingForm.MaxRows)] }, ["holding"]), Is.Null);
        }
    }

    [TestCase("charge51_offense=x", "charges")]
    [TestCase("conviction51_statute=", "prior convictions")]
    [TestCase("charge99999999999999999999_level=felony", "charges")]
    [TestCase("charge50_offense=&add=charge", "charges")]
    public void ARowBeyondTheBound_Refused_400(string query, string said)
    {
        var e = Assert.Throws<Http.ProblemException>(() => BookingForm.Read(new QueryCollection(QueryHelpers.ParseQuery("?booked_at=x&" + query))));
        Assert.That(e!.Status, Is.EqualTo(400));
        Assert.That(e.Message, Does.Contain($"at most {BookingForm.MaxRows} {said}"));
    }

    private static readonly object[] FieldsAtTheirBound =
    [
        new object[] { "charge3_offense", 200 },
        new object[] { "conviction50_statute", 100 },
        new object[] { "conviction2_released_on", 64 },
        new object[] { "citizenship", 64 },
        new object[] { BookingForm.TimeZoneField, TimeZoneInput.MaxLength },
    ];

    /// <summary>Each field holds as many characters as its <c>maxlength</c> says, and one more is a 400 that names the field and its bound.</summary>
    [TestCaseSource(nameof(FieldsAtTheirBound))]
    public void AValueLongerThanItsFieldHolds_Refused_400(string field, int most)
    {
        static BookingForm Read(string field, int length) =>
            BookingForm.Read(new QueryCollection(new Dictionary<string, StringValues> { ["booked_at"] = "x", [field] = new string('\u2019', length) }));

        Assert.That(BookingForm.MaxLength(field), Is.EqualTo(most));
        Assert.That(Read(field, most)[field], Has.Length.EqualTo(most), "at the bound, held");
        var e = Assert.Throws<Http.ProblemException>(() => Read(field, most + 1));
        Assert.That(e!.Status, Is.EqualTo(400));
        Assert.That(e.Message, Does.Contain($"`{field}` holds at most {most} characters and was sent {most + 1}"));
    }

    [TestCase("policy")]
    [TestCase("request")]
    [TestCase("columns")]
    [TestCase("charge_offense")]
    [TestCase("charge1_verdict")]
    public void KeysTheFormDoesNotBound_HaveNoLength(string key) => Assert.That(BookingForm.MaxLength(key), Is.Null);

    [Test]
    public void Rows_AsManyAsSentOrFilled_OneBlankAfter_OneMoreWhenAdded()
    {
        static BookingForm Read(string query) => BookingForm.Read(new QueryCollection(QueryHelpers.ParseQuery("?booked_at=x&" + query)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read(string.Empty).RowsOf("charge"), Is.EqualTo(BookingForm.MinRows));
            Assert.That(Read("charge5_offense=x").RowsOf("charge"), Is.EqualTo(6), "a blank row after the last filled");
            Assert.That(Read("charge7_offense=").RowsOf("charge"), Is.EqualTo(7), "the rows the form was sent with, empty or not");
            Assert.That(Read("charge7_offense=&add=charge").RowsOf("charge"), Is.EqualTo(8));
            Assert.That(Read("charge7_offense=&add=charge").RowsOf("conviction"), Is.EqualTo(BookingForm.MinRows));
            Assert.That(Read("add=conviction").RowsOf("conviction"), Is.EqualTo(BookingForm.MinRows + 1));
            Assert.That(Read($"charge{BookingForm.MaxRows}_offense=x").RowsOf("charge"), Is.EqualTo(BookingForm.MaxRows), "no blank row past the bound");

            // Keys the form does not have are ignored, as before: a row 0, a leading zero, a part no row has.
            Assert.That(Read("charge0_offense=x&charge01_offense=y&charge9_colour=z").Filled("charge"), Is.Empty);
            Assert.That(Read("charge0_offense=x&charge01_offense=y&charge9_colour=z").RowsOf("charge"), Is.EqualTo(BookingForm.MinRows));
        }
    }
}
