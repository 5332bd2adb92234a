using System.Globalization;

namespace DetainerRules.Model.Policies;

/// <summary>A date known to the year, the month or the day, as sources give them.</summary>
/// <remarks>Sources often say only "amended in 2023"; inventing a day would be a false precision.</remarks>
public readonly record struct LegalDate(int Year, int? Month, int? Day)
{
    /// <summary>The first day the date can mean.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the date can mean.</summary>
    public DateOnly Latest => Month is not { } m
        ? new DateOnly(Year, 12, 31)
        : new DateOnly(Year, m, Day ?? DateTime.DaysInMonth(Year, m));

    public static bool TryParse(string text, out LegalDate date)
    {
        date = default;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        for (var i = 0; i < formats.Length; i++)
        {
            if (DateTime.TryParseExact(text, formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = new LegalDate(d.Year, i <= 1 ? d.Month : null, i == 0 ? d.Day : null);
                return true;
            }
        }

        return false;
    }

    public override string ToString() =>
        Day is { } day ? $"{Year:D4}-{Month:D2}-{day:D2}" : Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";
}
