namespace DetainerRules.Model.Time;

/// <summary>When a hold of a given length ends, with the clock optionally stopped on weekends and federal holidays (8 CFR 287.7(d)).</summary>
public static class HoldClock
{
    /// <summary>The end of a hold of <paramref name="hours"/> countable hours starting at <paramref name="start"/>, in the jurisdiction's local time.</summary>
    /// <remarks>
    /// Days are judged in the jurisdiction's calendar (<paramref name="time"/>), and hours are real
    /// elapsed time, so a hold across a daylight-saving change lasts exactly its hours. A start on
    /// an excluded day waits for the next countable midnight; an end that falls exactly at midnight
    /// stays there rather than running on past excluded days.
    /// </remarks>
    public static DateTimeOffset End(DateTimeOffset start, int hours, bool excludeWeekends, bool excludeFederalHolidays, JurisdictionTime time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentNullException.ThrowIfNull(time);
        if (!excludeWeekends && !excludeFederalHolidays)
        {
            return time.LocalTime(start.AddHours(hours));
        }

        var remaining = TimeSpan.FromHours(hours);
        var now = start;
        while (remaining > TimeSpan.Zero)
        {
            var day = time.DayOf(now);
            var midnight = time.StartOf(day.AddDays(1), start);
            if (Excluded(day, excludeWeekends, excludeFederalHolidays))
            {
                now = midnight;
                continue;
            }

            var countable = midnight - now;
            if (countable >= remaining)
            {
                return time.LocalTime(now + remaining);
            }

            remaining -= countable;
            now = midnight;
        }

        return time.LocalTime(now);
    }

    private static bool Excluded(DateOnly day, bool weekends, bool holidays) =>
        (weekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        || (holidays && FederalHolidays.IsHoliday(day));
}
