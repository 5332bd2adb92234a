using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>The date facet of a conviction: where its dates stand against the look-backs the policies use.</summary>
/// <remarks>
/// <para>
/// A look-back of N years is a cut at N years before the booking day: a date on the cut is within,
/// a day earlier is not. Dates on each cut and a day before it, and the booking day itself, paired
/// as conviction and release dates (release never before conviction), reach every combination of
/// sides the cuts allow: for any real pair, moving each date to the latest day of its interval
/// keeps every answer and lands on one of these dates.
/// </para>
/// <para>
/// Where the compared zones can be on different days (<see cref="BookingMoments"/>), each zone's
/// booking day is the reference day shifted by a day or so, and there is a cut for every look-back
/// at every shift. A date's class is where it stands against all of those, read from its own
/// scenario's reference day, so it does not depend on the moment of the booking; the moment itself
/// is a dimension of its own.
/// </para>
/// </remarks>
internal static class LookBack
{
    public static OffenseFacet Facet(IReadOnlyList<WithinYears> lookBacks, BookingMoments moments)
    {
        var booked = moments.ReferenceDay;
        var fromConviction = lookBacks.Where(l => !l.FromRelease).Select(l => l.Years).Distinct().Order().ToList();
        var fromRelease = lookBacks.Where(l => l.FromRelease).Select(l => l.Years).Distinct().Order().ToList();
        if (lookBacks.Count == 0)
        {
            var only = new RawValue((booked.AddYears(-3), (DateOnly?)null), "any", "at any time before");
            return new OffenseFacet("date", [only], (_, _) => { }, _ => true, []);
        }

        var days = moments.Shifts.Select(s => booked.AddDays(s)).ToList();
        var cuts = fromConviction.Concat(fromRelease).Distinct().Order()
            .SelectMany(n => days.SelectMany(d => new[] { d.AddYears(-n), d.AddYears(-n).AddDays(-1) }))
            .Concat(days)
            .Where(d => d <= days[^1])
            .Distinct()
            .OrderDescending()
            .ToList();

        // The booking day last: a conviction entered on the day of the arrest is a poor example.
        cuts = [.. cuts.Where(d => d != booked), booked];
        var raws = new List<RawValue>();
        foreach (var convicted in cuts)
        {
            raws.Add(Raw(convicted, null));
            raws.AddRange(cuts.Where(r => r > convicted).Order().Select(r => Raw(convicted, r)));
        }

        // Each look-back, at each shift of the booking day, as a test of the date against the scenario's own reference day.
        var tests = lookBacks.DistinctBy(l => (l.Years, l.FromRelease))
            .SelectMany(l => moments.Shifts.Select(shift => (Func<Scenario, Modality[], OffenseDraft, bool>)((s, _, o) =>
                WithinYears.Covers(moments.Reference.DayOf(s.BookedAt).AddDays(shift), l.FromRelease ? o.ReleasedOn ?? o.ConvictedOn : o.ConvictedOn, l.Years))))
            .ToList();
        return new OffenseFacet("date", raws, (o, v) => (o.ConvictedOn, o.ReleasedOn) = ((DateOnly, DateOnly?))v!, _ => true, tests, moments.Moments[0].Instant);

        RawValue Raw(DateOnly convicted, DateOnly? released)
        {
            var word = released is { } r ? $"{convicted:yyyy-MM-dd}/{r:yyyy-MM-dd}" : $"{convicted:yyyy-MM-dd}";
            var parts = new List<string>();
            if (fromConviction.Count > 0)
            {
                parts.Add(Bucket("convicted", convicted, fromConviction));
            }

            if (fromRelease.Count > 0)
            {
                // "Released" counts from the conviction when there is no release date, as the look-back does.
                parts.Add(Bucket("released", released ?? convicted, fromRelease));
            }

            return new RawValue((convicted, released), word, string.Join(" and ", parts));
        }

        string Bucket(string verb, DateOnly date, IReadOnlyList<int> years)
        {
            var within = years.FirstOrDefault(n => WithinYears.Covers(booked, date, n), -1);
            if (within < 0)
            {
                return $"{verb} more than {years[^1]} years before";
            }

            var shorter = years.TakeWhile(n => n < within).LastOrDefault(-1);
            return shorter < 0 ? $"{verb} within {within} years" : $"{verb} more than {shorter} but within {within} years";
        }
    }
}
