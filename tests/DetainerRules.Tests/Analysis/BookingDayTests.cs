using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>Counter-examples are booked on a day the compared policies were in force, or the report says there is none.</summary>
[TestFixture]
public class BookingDayTests
{
    // A recent conviction matters to one policy only, so the examples carry a conviction date too.
    private const string NotifyOnRecentConviction = """
          - id: recent-conviction
            when: any conviction(within 5 years)
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
        """;

    private static DelegatePolicy Policy(string id, string effective, string rules = NotifyOnRecentConviction) =>
        DelegatePolicy.From(PolicyCompiler.Compile(TestPolicies.Load(rules, "effective: " + effective) with { Id = id }));

    private static DelegatePolicy Silent(string id, string effective) => Policy(id, effective, """
          - id: never
            when: person.foreign_born and not person.foreign_born
            then: { ice_jail_access: permitted }
            because: b
            cite: src
        """);

    [Test]
    public void OverSpace_PoliciesInForceTogetherInThePast_ExamplesAreBookedWhileBothWere()
    {
        IReadOnlyList<(string, IPolicyEvaluator)> policies = [("old", Policy("old", "{ from: 2018-07-01, until: 2021-06-30 }")), ("older", Silent("older", "{ from: 2016-01-01, until: 2020-12-31 }"))];
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.NotifyIce)]);

        var example = comparison.Subjects.Single().Splits.Single().Regions[0].Example;
        var day = DateOnly.FromDateTime(example.BookedAt.DateTime);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(day, Is.InRange(new DateOnly(2018, 7, 1), new DateOnly(2020, 12, 31)), "inside both policies' effective dates");
            Assert.That(day.DayOfWeek, Is.EqualTo(DayOfWeek.Wednesday));
            Assert.That(example.Convictions.Single().ConvictedOn, Is.LessThan(day).And.AtLeast(day.AddYears(-5)), "the conviction is laid out from the booking day");
            Assert.That(space.Booking.NotInForce, Is.Empty);
            Assert.That(ComparisonSummary.Scope(comparison), Has.None.Contains("in force"), "nothing to say when the day is sound");
        }
    }

    [Test]
    public void OverSpace_SuccessiveVersions_SaysNoDaySuitsBoth()
    {
        IReadOnlyList<(string, IPolicyEvaluator)> policies = [("v1", Policy("v1", "{ from: 2019-01-01, until: 2022-12-31 }")), ("v2", Silent("v2", "{ from: 2023-01-01 }"))];
        var space = ScenarioSpace.For([.. policies.Select(p => p.Item2)]);

        var comparison = PolicyComparer.OverSpace(policies, space, [Subject.Of(DecisionKind.NotifyIce)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(space.Booking.NotInForce, Is.EqualTo(new[] { "v1" }));
            Assert.That(ComparisonSummary.Scope(comparison), Has.One.EqualTo("No day is known on which all the compared policies were in force: examples are booked on 2025-03-12, when v1 was not."));
        }
    }

    [Test]
    public void For_DatesKnownOnlyToTheYear_TakesADayBothMayHaveBeenInForceAndSaysSo()
    {
        var booking = BookingDay.For([Policy("a", "{ until: 2023 }").Policy, Policy("b", "{ from: 2023 }").Policy]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(booking.Day.Year, Is.EqualTo(2023));
            Assert.That(booking.Certain, Is.False);
            Assert.That(ComparisonSummary.Booking(booking), Does.Contain("too loosely"));
        }
    }

    [Test]
    public void For_DayAsked_IsTakenAsItIs()
    {
        var booking = BookingDay.For([Policy("a", "{ from: 2020-01-01 }").Policy], new DateOnly(2019, 5, 3));

        Assert.That(booking, Is.EqualTo(new BookingDay(new DateOnly(2019, 5, 3), ["a"], true)).Using<BookingDay>((x, y) => x.Day == y.Day && x.NotInForce.SequenceEqual(y.NotInForce)));
    }

    [Test]
    public void For_PolicyInForceToday_KeepsThePreferredDay() =>
        Assert.That(BookingDay.For([Policy("a", "{ from: 2020-01-01 }").Policy]).Day, Is.EqualTo(BookingDay.Preferred));
}
