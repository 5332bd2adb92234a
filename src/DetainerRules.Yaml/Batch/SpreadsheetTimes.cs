using System.Globalization;
using System.Text.RegularExpressions;
using DetainerRules.Model;
using DetainerRules.Model.Time;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Batch;

/// <summary>Dates and times as spreadsheets export them, read as instants in a named time zone (<c>batch --timezone</c>).</summary>
/// <remarks>
/// Accepted without an offset: <c>2024-05-24 18:00</c> (or with <c>T</c>, seconds, decimals) and
/// <c>5/20/2024 6:12</c> (month first, as US spreadsheets write it; <c>AM</c>/<c>PM</c> allowed).
/// Such a time names an instant only in a zone, so it is read only when one is given; a time in
/// the hour a daylight-saving change skips or repeats is an error, not a guess. A time with its
/// offset is left as written, whatever the zone.
/// </remarks>
internal static partial class SpreadsheetTimes
{
    [GeneratedRegex(@"^(?:(?<mo>[0-9]{1,2})/(?<d>[0-9]{1,2})/(?<y>[0-9]{4})|(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2}))(?:(?:[Tt]|[ \t]+)(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?)?(?:[ \t]*(?<ampm>[AaPp][Mm]))?)?$")]
    private static partial Regex LocalForm();

    /// <summary>A time cell as the scenario format writes it (ISO 8601 with the offset in force in <paramref name="zone"/>).</summary>
    /// <param name="dayTime">The time of day a date alone is read at (a map's <c>time</c>); null when a date alone is an error.</param>
    /// <returns>The text to read; the cell unchanged when it is not a local form (the loader then says what is wrong); null with <paramref name="problem"/> otherwise.</returns>
    public static string? Timestamp(string cell, JurisdictionTime? zone, TimeOnly? dayTime, out string? problem)
    {
        problem = null;
        // The local form ends before any offset, so a time written with one is left for the loader as it is.
        if (cell.Length == 0 || LocalForm().Match(cell) is not { Success: true } m)
        {
            return cell;
        }

        var day = Day(m, out problem);
        if (day is null)
        {
            return null;
        }

        TimeOnly time;
        if (m.Groups["h"].Success)
        {
            if (Time(m, out problem) is not { } t)
            {
                return null;
            }

            time = t;
        }
        else if (dayTime is { } given)
        {
            time = given;
        }
        else
        {
            problem = "is a date without a time: give the time, with its UTC offset or `--timezone`";
            return null;
        }

        if (zone?.ZoneId is null)
        {
            problem = "has no UTC offset: add one (e.g. `-08:00`), or name the zone the times were written in with `--timezone` (e.g. `America/Los_Angeles`)";
            return null;
        }

        return zone.InstantAt(day.Value.ToDateTime(time), out problem) is { } instant ? Format.Timestamp(instant) : null;
    }

    /// <summary>A date cell as the scenario format writes it (<c>YYYY-MM-DD</c>); a spreadsheet's <c>5/20/2024</c> (or one with a midnight time) when a zone is given.</summary>
    public static string? Date(string cell, JurisdictionTime? zone, out string? problem)
    {
        problem = null;
        if (cell.Length == 0 || zone?.ZoneId is null || LocalForm().Match(cell) is not { Success: true } m)
        {
            return cell;
        }

        if (m.Groups["h"].Success && (Time(m, out _) is not { } time || time != TimeOnly.MinValue))
        {
            problem = "is a date with a time of day: a conviction or release date is a day, `YYYY-MM-DD`";
            return null;
        }

        return Day(m, out problem)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateOnly? Day(Match m, out string? problem)
    {
        problem = null;
        int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        var (year, month, day) = (Part("y"), Part("mo"), Part("d"));
        if (year is < InputLimits.MinYear or > InputLimits.MaxYear)
        {
            problem = $"is out of range: years {InputLimits.MinYear} to {InputLimits.MaxYear} are accepted";
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = m.Value.Contains('/', StringComparison.Ordinal)
                ? $"has no such day: a date with `/` is read month first (M/D/YYYY), as US spreadsheets write it"
                : $"has no such day: {year:D4}-{month:D2}-{day:D2}";
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static TimeOnly? Time(Match m, out string? problem)
    {
        problem = null;
        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (hour, minute, second) = (Part("h"), Part("mi"), Part("s"));
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                problem = $"has no such time of day: {hour} {m.Groups["ampm"].Value}";
                return null;
            }

            hour = (hour % 12) + (char.ToUpperInvariant(m.Groups["ampm"].Value[0]) == 'P' ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            problem = $"has no such time of day: {hour:D2}:{minute:D2}:{second:D2}";
            return null;
        }

        var fraction = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fraction));
    }
}
