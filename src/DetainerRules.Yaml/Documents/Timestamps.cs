using System.Globalization;
using System.Text.RegularExpressions;

namespace DetainerRules.Yaml.Documents;

/// <summary>Reads a date and time with its UTC offset in the forms YAML and ISO 8601 allow, or says exactly what is wrong with it.</summary>
/// <remarks>
/// Accepted: a <c>T</c> (or <c>t</c>, or spaces, as YAML writes it) between date and time;
/// seconds optional, with any number of decimals (kept to the tenth of a microsecond, which is
/// all a <see cref="DateTimeOffset"/> holds); and an offset of <c>Z</c>, <c>-08:00</c>, <c>-0800</c>
/// or <c>-08</c>. The offset itself is required: a time without one is not an instant. Digits are
/// ASCII digits: .NET's <c>\d</c> also matches other scripts' digits, which the numbers cannot be read from.
/// </remarks>
internal static partial class Timestamps
{
    /// <summary>The accepted forms, for the JSON Schema: the same grammar the parser reads (the parser also checks the values are real).</summary>
    public const string Pattern =
        @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?[ \t]*([Zz]|[+-][0-9]{1,2}(:[0-9]{2})?|[+-][0-9]{4})$";

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[Tt]|[ \t]+)(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?)?[ \t]*(?<z>[Zz]|[+-][0-9]{1,2}(?::[0-9]{2})?|[+-][0-9]{4})?$")]
    private static partial Regex Grammar();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")]
    private static partial Regex DateOnlyGrammar();

    /// <returns>The instant, or null with <paramref name="problem"/> saying what is wrong in words a reader can act on.</returns>
    public static DateTimeOffset? Parse(string text, out string? problem)
    {
        problem = null;
        if (!Common(text, out var parts))
        {
            var match = Grammar().Match(text);
            if (!match.Success)
            {
                problem = DateOnlyGrammar().IsMatch(text)
                    ? "is a date without a time: give the time and its UTC offset, e.g. `2025-01-21T09:30:00-08:00`"
                    : "is not a valid date and time: expected ISO 8601 with a UTC offset, e.g. `2025-01-21T09:30:00-08:00`";
                return null;
            }

            int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

            // Decimals beyond the seventh are below the 100 ns a DateTimeOffset can hold; they are dropped, not rounded, so a time never moves to the next second.
            var fraction = match.Groups["f"].Success ? long.Parse(match.Groups["f"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
            parts = new Parts(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), match.Groups["s"].Success ? Part("s") : 0, fraction, match.Groups["z"].Success ? match.Groups["z"].Value : null);
        }

        var (year, month, day, hour, minute, second, ticks, zone) = parts;
        if (year is < InputLimits.MinYear or > InputLimits.MaxYear)
        {
            problem = $"is out of range: years {InputLimits.MinYear} to {InputLimits.MaxYear} are accepted";
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = $"has no such day: {year:D4}-{month:D2}-{day:D2}";
            return null;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            problem = $"has no such time of day: {hour:D2}:{minute:D2}:{second:D2}";
            return null;
        }

        if (zone is null)
        {
            problem = "has no UTC offset: add one, e.g. `-08:00` or `Z`, since a time without it is no single instant";
            return null;
        }

        var offset = Offset(zone);
        if (offset is null)
        {
            problem = $"has an offset out of range ({zone}): offsets go from -14:00 to +14:00";
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, offset.Value).AddTicks(ticks);
    }

    /// <summary>
    /// The parts of the form nearly every file and export writes, <c>2025-01-21T09:30:00-08:00</c> or
    /// <c>2025-01-21T09:30:00Z</c>, read without the regular expression (a batch reads millions);
    /// false for any other text, which the grammar reads. The values are checked after, alike for both.
    /// </summary>
    private static bool Common(string text, out Parts parts)
    {
        parts = default;
        var t = text.AsSpan();
        if (t.Length is not (20 or 25) || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':'
            || !Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second))
        {
            return false;
        }

        var zone = t[19..];
        var written = zone is "Z" || (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':' && Digits(zone, 1, 2, out _) && Digits(zone, 4, 2, out _));
        parts = new Parts(year, month, day, hour, minute, second, 0, written ? text[19..] : null);
        return written;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>A date and time as written, before its values are checked; the zone is null when none was written.</summary>
    private readonly record struct Parts(int Year, int Month, int Day, int Hour, int Minute, int Second, long Ticks, string? Zone);

    private static TimeSpan? Offset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        int hours, minutes;
        if (text.Length == 6 && text[3] == ':' && Digits(text, 1, 2, out hours) && Digits(text, 4, 2, out minutes))
        {
            // -08:00, as nearly every time is written: read in place.
        }
        else
        {
            var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            (hours, minutes) = digits.Length switch
            {
                <= 2 => (int.Parse(digits, CultureInfo.InvariantCulture), 0),
                _ => (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture)),
            };
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return minutes > 59 || offset > TimeSpan.FromHours(14) ? null : sign * offset;
    }
}
