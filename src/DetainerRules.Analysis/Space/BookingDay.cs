using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Analysis.Space;

/// <summary>The day a space's scenarios are booked on: one on which every compared policy was in force, where there is one.</summary>
/// <param name="Day">The booking day.</param>
/// <param name="NotInForce">The compared policies that were not (or may not have been) in force that day; empty when all were.</param>
/// <param name="Certain">False when the sources date some policy too loosely to say it was in force that day, only that it may have been.</param>
/// <remarks>
/// <para>
/// An example booked on a day when a compared policy had not yet been adopted, or had been
/// replaced, answers a question no one could ask: "what would the 2019 policy have done in 2025".
/// So the day is taken inside every compared policy's effective dates: the day asked about with
/// <c>--at</c>; otherwise the day nearest 12 March 2025 on which all were certainly in force, or
/// failing that may have been (dates known only to the month or year). Where the policies were
/// never in force together (two successive versions), the day is one on which as many of them as
/// possible were, and <see cref="NotInForce"/> names the others so reports can say so.
/// </para>
/// <para>
/// Within those bounds the day is a Wednesday away from federal holidays, so hold clocks that skip
/// weekends and holidays run on ordinary working days, as they do for the preferred day.
/// </para>
/// </remarks>
public sealed record BookingDay(DateOnly Day, IReadOnlyList<string> NotInForce, bool Certain)
{
    /// <summary>The day chosen where the policies allow any: a Wednesday in a week with no holiday.</summary>
    public static readonly DateOnly Preferred = new(2025, 3, 12);

    /// <summary>The preferred day, for a space no policy bounds.</summary>
    public static BookingDay Default { get; } = new(Preferred, [], true);

    /// <summary>The booking: 08:00 at UTC-4 on the day, which is noon UTC and the same day in every zone from UTC-11 to UTC+11, every U.S. state and territory's among them.</summary>
    public DateTimeOffset BookedAt => new(Day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(-4));

    /// <param name="at">The day the comparison is about (<c>--at</c>), when one is given: it is taken as it is.</param>
    public static BookingDay For(IReadOnlyList<Policy> policies, DateOnly? at = null)
    {
        if (at is { } asked)
        {
            return new(asked, Outside(policies, asked), true);
        }

        if (Within(policies, certain: true) is { } sure)
        {
            return new(Pick(sure), [], true);
        }

        if (Within(policies, certain: false) is { } maybe)
        {
            return new(Pick(maybe), [], false);
        }

        // Never in force together: the day on which the most were, nearest the preferred day.
        var candidates = policies.SelectMany(p => new[] { p.EffectiveFrom?.Earliest, p.EffectiveUntil?.Latest }).OfType<DateOnly>().Append(Preferred).Distinct();
        var best = candidates
            .OrderByDescending(d => policies.Count(p => p.MayBeInForceOn(d)))
            .ThenBy(d => Math.Abs(d.DayNumber - Preferred.DayNumber))
            .ThenBy(d => d)
            .First();
        var inForce = policies.Where(p => p.MayBeInForceOn(best)).ToList();
        var day = Within(inForce, certain: false) is { } bounds ? Pick(bounds) : best;
        return new(day, Outside(policies, day), false);
    }

    private static List<string> Outside(IReadOnlyList<Policy> policies, DateOnly day) =>
        [.. policies.Where(p => !p.MayBeInForceOn(day)).Select(p => p.Id).Distinct(StringComparer.Ordinal)];

    /// <summary>The days on which every policy was (or, not <paramref name="certain"/>, may have been) in force; null when there are none.</summary>
    private static (DateOnly From, DateOnly Until)? Within(IReadOnlyList<Policy> policies, bool certain)
    {
        var from = policies.Select(p => p.EffectiveFrom is { } f ? (certain ? f.Latest : f.Earliest) : DateOnly.MinValue).DefaultIfEmpty(DateOnly.MinValue).Max();
        var until = policies.Select(p => p.EffectiveUntil is { } u ? (certain ? u.Earliest : u.Latest) : DateOnly.MaxValue).DefaultIfEmpty(DateOnly.MaxValue).Min();
        return from <= until ? (from, until) : null;
    }

    /// <summary>The day nearest the preferred one within the bounds, moved to the nearest Wednesday off federal holidays the bounds allow.</summary>
    private static DateOnly Pick((DateOnly From, DateOnly Until) bounds)
    {
        var near = Preferred < bounds.From ? bounds.From : Preferred > bounds.Until ? bounds.Until : Preferred;
        for (var distance = 0; distance <= 60; distance++)
        {
            foreach (var day in new[] { near.AddDays(-distance), near.AddDays(distance) })
            {
                if (day >= bounds.From && day <= bounds.Until && day.DayOfWeek == DayOfWeek.Wednesday && !FederalHolidays.IsHoliday(day) && !FederalHolidays.IsHoliday(day.AddDays(1)) && !FederalHolidays.IsHoliday(day.AddDays(2)))
                {
                    return day;
                }
            }
        }

        return near;
    }
}
