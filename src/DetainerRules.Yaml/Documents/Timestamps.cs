using System.Globalization;
using System.Text.RegularExpressions;

namespace DetainerRules.Yaml.Documents;

/// <summary>Reads a date and time with its UTC offset in the forms YAML and ISO 8601 allow, or says exactly what is wrong with it.</summary>
/// <remarks>
/// Accepted: a <c>T</c> (or <c>t</c>, or spaces, as YAML writes it) between date and time;
/// seconds optional, with any number of decimals (kept to the tenth of a microsecond, which is
/// all a <see cref="DateTimeOffset"/> holds); and an offset of <c>Z</c>, <c>-08:00</c>, <c>-0800</c>
/// or <c>-08</c>. The offset itself is required: a time without one is not an instant.
/// </remarks>
internal static partial class Timestamps
{
    /// <summary>The accepted forms, for the JSON Schema: the same grammar the parser reads (the parser also checks the values are real).</summary>
    public const string Pattern =
        @"^\d{4}-\d{1,2}-\d{1,2}([Tt]|[ \t]+)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?[ \t]*([Zz]|[+-]\d{1,2}(:\d{2})?|[+-]\d{4})$";

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[Tt]|[ \t]+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d+))?)?[ \t]*(?<z>[Zz]|[+-]\d{1,2}(?::\d{2})?|[+-]\d{4})?$")]
    private static partial Regex Grammar();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex DateOnlyGrammar();

    /// <returns>The instant, or null with <paramref name="problem"/> saying what is wrong in words a reader can act on.</returns>
    public static DateTimeOffset? Parse(string text, out string? problem)
    {
        problem = null;
        var match = Grammar().Match(text);
        if (!match.Success)
        {
            problem = DateOnlyGrammar().IsMatch(text)
                ? "is a date without a time: give the time and its UTC offset, e.g. `2025-01-21T09:30:00-08:00`"
                : "is not a valid date and time: expected ISO 8601 with a UTC offset, e.g. `2025-01-21T09:30:00-08:00`";
            return null;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"));
        var second = match.Groups["s"].Success ? Part("s") : 0;
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

        if (!match.Groups["z"].Success)
        {
            problem = "has no UTC offset: add one, e.g. `-08:00` or `Z`, since a time without it is no single instant";
            return null;
        }

        var offset = Offset(match.Groups["z"].Value);
        if (offset is null)
        {
            problem = $"has an offset out of range ({match.Groups["z"].Value}): offsets go from -14:00 to +14:00";
            return null;
        }

        // Decimals beyond the seventh are below the 100 ns a DateTimeOffset can hold; they are dropped, not rounded, so a time never moves to the next second.
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value.PadRight(7, '0')[..7] : "0";
        return new DateTimeOffset(year, month, day, hour, minute, second, offset.Value).AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
    }

    private static TimeSpan? Offset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var (hours, minutes) = digits.Length switch
        {
            <= 2 => (int.Parse(digits, CultureInfo.InvariantCulture), 0),
            _ => (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture)),
        };
        var offset = new TimeSpan(hours, minutes, 0);
        return minutes > 59 || offset > TimeSpan.FromHours(14) ? null : sign * offset;
    }
}
