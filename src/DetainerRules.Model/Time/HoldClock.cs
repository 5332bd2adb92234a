namespace DetainerRules.Model.Time;

/// <summary>When a hold of a given length ends, with the clock optionally stopped on weekends and federal holidays (8 CFR 287.7(d)).</summary>
public static class HoldClock
{
    /// <summary>The end of a hold of <paramref name="hours"/> countable hours starting at <paramref name="start"/>.</summary>
    /// <remarks>
    /// Days are judged in the local time of <paramref name="start"/>'s own offset, and the result keeps
    /// that offset. A start on an excluded day waits for the next countable midnight; an end that
    /// falls exactly at midnight stays there rather than running on past excluded days.
    /// </remarks>
    public static DateTimeOffset End(DateTimeOffset start, int hours, bool excludeWeekends, bool excludeFederalHolidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        if (!excludeWeekends && !excludeFederalHolidays)
        {
            return start.AddHours(hours);
        }

        var remaining = TimeSpan.FromHours(hours);
        var now = start;
        while (remaining > TimeSpan.Zero)
        {
            var day = DateOnly.FromDateTime(now.DateTime);
            var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), start.Offset);
            if (Excluded(day, excludeWeekends, excludeFederalHolidays))
            {
                now = midnight;
                continue;
            }

            var countable = midnight - now;
            if (countable >= remaining)
            {
                return now + remaining;
            }

            remaining -= countable;
            now = midnight;
        }

        return now;
    }

    private static bool Excluded(DateOnly day, bool weekends, bool holidays) =>
        (weekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        || (holidays && FederalHolidays.IsHoliday(day));
}
