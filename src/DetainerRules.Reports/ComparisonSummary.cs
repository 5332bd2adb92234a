using System.Globalization;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;

namespace DetainerRules.Reports;

/// <summary>The sentences every comparison format shares, so the formats cannot drift apart.</summary>
public static class ComparisonSummary
{
    /// <summary>"Comparing A and B over the scenario space".</summary>
    public static string Heading(PolicyComparison c)
    {
        var names = string.Join(", ", c.Policies.Take(c.Policies.Count - 1)) + " and " + c.Policies[^1];
        return c.OverSpace ? $"Comparing {names} over the scenario space" : $"Comparing {names} on {c.ScenarioCount} {(c.ScenarioCount == 1 ? "scenario" : "scenarios")}";
    }

    /// <summary>What was compared: the size of the space, its dimensions, the filter, excluded files.</summary>
    public static IEnumerable<string> Scope(PolicyComparison c)
    {
        var space = c.Space;
        if (c.OverSpace)
        {
            var shape = string.Join(" x ", space.Dimensions.Where(d => d.Count > 1).Select(d => $"{d.Count} {d.Title}"));
            yield return $"The space has {space.Size.ToString("N0", CultureInfo.InvariantCulture)} cases ({(shape.Length == 0 ? "one case" : shape)}); each subject is compared over the dimensions that can change it.";
            if (Booking(space.Booking) is { } booking)
            {
                yield return booking;
            }
        }

        if (c.Summary)
        {
            yield return "Counted without regions (--summary): each way the policies split is counted, not described; regions were not drawn.";
        }

        if (space.Filter.Clauses.Count > 0)
        {
            yield return "Narrowed to: " + string.Join("; ", space.Filter.Clauses);
        }

        if (c.Excluded > 0)
        {
            yield return $"{c.Excluded} scenario {(c.Excluded == 1 ? "file falls" : "files fall")} outside the narrowed space and {(c.Excluded == 1 ? "was" : "were")} left out.";
        }
    }

    /// <summary>Where the examples' booking day needs saying: when some compared policy was not, or may not have been, in force on it; null otherwise.</summary>
    public static string? Booking(BookingDay booking)
    {
        var day = booking.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return booking switch
        {
            { NotInForce.Count: > 0 } => $"No day is known on which all the compared policies were in force: examples are booked on {day}, when {string.Join(", ", booking.NotInForce)} {(booking.NotInForce.Count == 1 ? "was" : "were")} not.",
            { Certain: false } => $"The sources date the policies too loosely to know a day all were in force: examples are booked on {day}, when all may have been.",
            _ => null,
        };
    }

    /// <summary>"lvmpd-2019: unknown; lvmpd-2023: required (booking, release)", with policies that agree named together.</summary>
    public static string Camps(IReadOnlyList<string> policies, Split split) =>
        string.Join("; ", split.Camps.Select(c => $"{string.Join(", ", c.Policies.Select(p => policies[p]))}: {c.Answer.Text}"));

    public static string Percent(long part, long whole) =>
        (whole == 0 ? 100.0 : 100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
