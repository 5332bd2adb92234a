using DetainerRules.Model.Time;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class FederalHolidaysTests
{
    [Test]
    public void InYear_2025_ElevenHolidaysOnTheirObservedDates()
    {
        var dates = FederalHolidays.InYear(2025).Select(h => h.Observed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(dates, Is.EqualTo(new[]
        {
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
            "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
        }));
    }

    [TestCase("2022-12-26", true, "Christmas on Sunday 2022: observed Monday")]
    [TestCase("2022-12-25", false, "Christmas Sunday 2022: not the observed day")]
    [TestCase("2021-06-18", true, "Juneteenth on Saturday 2021: observed Friday")]
    [TestCase("2020-06-19", false, "Juneteenth 2020: not yet a holiday")]
    [TestCase("2021-12-31", true, "New Year 2022 on Saturday: observed on 31 December 2021")]
    [TestCase("2026-07-03", true, "Independence Day on Saturday 2026: observed Friday")]
    [TestCase("2025-01-21", false, "an ordinary Tuesday: false")]
    public void IsHoliday(string date, bool expected, string what) =>
        Assert.That(FederalHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected), what);

    [Test]
    public void InYear_2025_EachHolidayByItsNameIn6103()
    {
        // 5 U.S.C. 6103(a) names them so; the order is the calendar's.
        Assert.That(FederalHolidays.InYear(2025).Select(h => h.Name), Is.EqualTo(new[]
        {
            "New Year's Day", "Birthday of Martin Luther King, Jr.", "Washington's Birthday", "Memorial Day",
            "Juneteenth National Independence Day", "Independence Day", "Labor Day", "Columbus Day", "Veterans Day",
            "Thanksgiving Day", "Christmas Day",
        }));
    }

    [Test]
    public void InYear_TheKingHolidayFrom1986_NotBefore()
    {
        // Pub. L. 98-144 made it effective in 1986: its first observance was Monday 20 January 1986.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FederalHolidays.IsHoliday(new DateOnly(1986, 1, 20)), Is.True);
            Assert.That(FederalHolidays.IsHoliday(new DateOnly(1985, 1, 21)), Is.False);
            Assert.That(FederalHolidays.InYear(1985), Has.Count.EqualTo(9));
        }
    }

    [Test]
    public void InYear_2021_ListsTheObservedNewYear2022()
    {
        var names = FederalHolidays.InYear(2021).Where(h => h.Observed == new DateOnly(2021, 12, 31)).Select(h => h.Name);

        Assert.That(names, Is.EqualTo(new[] { "New Year's Day" }));
    }
}
