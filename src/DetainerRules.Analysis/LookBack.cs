using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis;

/// <summary>The date facet of a conviction: where its dates stand against the look-backs the policies use.</summary>
/// <remarks>
/// A look-back of N years is a cut at N years before the booking day: a date on the cut is within,
/// a day earlier is not. Dates on each cut and a day before it, and the booking day itself, paired
/// as conviction and release dates (release never before conviction), reach every combination of
/// sides the cuts allow: for any real pair, moving each date to the latest day of its interval
/// keeps every answer and lands on one of these dates.
/// </remarks>
internal static class LookBack
{
    public static OffenseFacet Facet(IReadOnlyList<WithinYears> lookBacks, Func<Condition, Func<Scenario, Modality[], OffenseDraft, bool>> compile)
    {
        var booked = ScenarioDraft.BookedOn;
        var fromConviction = lookBacks.Where(l => !l.FromRelease).Select(l => l.Years).Distinct().Order().ToList();
        var fromRelease = lookBacks.Where(l => l.FromRelease).Select(l => l.Years).Distinct().Order().ToList();
        if (lookBacks.Count == 0)
        {
            var only = new RawValue((booked.AddYears(-3), (DateOnly?)null), "any", "at any time before");
            return new OffenseFacet("date", [only], (_, _) => { }, _ => true, []);
        }

        var cuts = fromConviction.Concat(fromRelease).Distinct().Order()
            .SelectMany(n => new[] { booked.AddYears(-n), booked.AddYears(-n).AddDays(-1) })
            .Where(d => d < booked)
            .Append(booked)
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

        return new OffenseFacet(
            "date",
            raws,
            (o, v) => (o.ConvictedOn, o.ReleasedOn) = ((DateOnly, DateOnly?))v!,
            _ => true,
            [.. lookBacks.DistinctBy(l => (l.Years, l.FromRelease)).Select(l => compile(l))]);

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
