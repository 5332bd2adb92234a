namespace DetainerRules.Model.Time;

/// <summary>U.S. federal holidays under 5 U.S.C. 6103(a), on the days they are observed.</summary>
/// <remarks>
/// Inauguration Day is left out: 5 U.S.C. 6103(c) makes it a holiday only in and around
/// Washington, D.C., and no detainer policy here sits there.
/// </remarks>
public static class FederalHolidays
{
    /// <remarks>A Saturday New Year's Day observed on 31 December is in that year's list (<see cref="InYear"/>), so one year is enough.</remarks>
    public static bool IsHoliday(DateOnly day) => InYear(day.Year).Any(h => h.Observed == day);

    /// <summary>The holidays observed in <paramref name="year"/>'s calendar, in date order.</summary>
    /// <remarks>New Year's Day falling on a Saturday is observed on 31 December of the year before, so it is listed there.</remarks>
    public static IReadOnlyList<FederalHoliday> InYear(int year)
    {
        var holidays = new List<FederalHoliday>
        {
            Fixed(year, 1, 1, "New Year's Day"),
            Fixed(year, 7, 4, "Independence Day"),
            Fixed(year, 11, 11, "Veterans Day"),
            Fixed(year, 12, 25, "Christmas Day"),
            new(Nth(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"),
            new(Last(year, 5, DayOfWeek.Monday), "Memorial Day"),
            new(Nth(year, 9, DayOfWeek.Monday, 1), "Labor Day"),
            new(Nth(year, 10, DayOfWeek.Monday, 2), "Columbus Day"),
            new(Nth(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"),
        };

        // Pub. L. 98-144 made the King holiday effective in 1986; Pub. L. 117-17 added Juneteenth in 2021.
        if (year >= 1986)
        {
            holidays.Add(new(Nth(year, 1, DayOfWeek.Monday, 3), "Birthday of Martin Luther King, Jr."));
        }

        if (year >= 2021)
        {
            holidays.Add(Fixed(year, 6, 19, "Juneteenth National Independence Day"));
        }

        var nextNewYear = Fixed(year + 1, 1, 1, "New Year's Day");
        if (nextNewYear.Observed.Year == year)
        {
            holidays.Add(nextNewYear);
        }

        return [.. holidays.Where(h => h.Observed.Year == year).OrderBy(h => h.Observed)];
    }

    /// <summary>A fixed-date holiday moved off a weekend: Saturday to the Friday before, Sunday to the Monday after (5 U.S.C. 6103(b); Executive Order 11582).</summary>
    private static FederalHoliday Fixed(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);
        var observed = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
        return new FederalHoliday(observed, name);
    }

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
