using DetainerRules.Analysis.Words;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;

namespace DetainerRules.Analysis.Space;

/// <summary>The moments of a day at which a booking can fall, as the compared jurisdictions' calendars tell them apart.</summary>
/// <remarks>
/// <para>
/// Look-backs count from the booking day in each policy's own time zone. Policies in one zone
/// always see the same day, so one booking moment serves them all. Policies in several zones do
/// not: a booking at 23:30 in Las Vegas is already the next day in New York, and a conviction
/// exactly five years back is within a Nevada look-back but not a New York one. The space then
/// gets a dimension of moments: one for each pattern of days the zones can show at once (each
/// zone's day as a shift from the reference zone's), found by cutting the reference zone's day at
/// every other zone's midnights. Conviction dates are laid out around the reference day shifted
/// by every shift that occurs, so each side of each look-back, in each zone, is reached.
/// </para>
/// <para>
/// A policy that judges days as written (no zone, or <c>local</c>) sees the day of the offset a
/// record is written in; where one is compared, the moments are also written in every whole-hour
/// offset, at the middle and at both ends of each stretch between the zones' midnights, so every
/// pattern such writing makes is reached too (a day is monotone in the offset, so the whole hours
/// from -14:00 to +14:00 reach every day the quarter and half hours do).
/// </para>
/// </remarks>
internal sealed class BookingMoments
{
    /// <summary>The name of the dimension of moments.</summary>
    public const string DimensionName = "booked";

    private readonly IReadOnlyList<JurisdictionTime> _times;

    private BookingMoments(IReadOnlyList<JurisdictionTime> times, List<(DateTimeOffset Instant, int[] Shifts)> moments)
    {
        _times = times;
        Moments = moments;
        Shifts = [.. moments.SelectMany(m => m.Shifts).Append(0).Distinct().Order()];
        ReferenceDay = Reference.DayOf(moments[0].Instant);
    }

    /// <summary>The zone whose day the others are measured from.</summary>
    public JurisdictionTime Reference => _times[0];

    /// <summary>The reference zone's day of the default booking: conviction dates are laid out from it.</summary>
    public DateOnly ReferenceDay { get; }

    /// <summary>Each distinct pattern's representative moment and its shifts, the default booking first.</summary>
    public IReadOnlyList<(DateTimeOffset Instant, int[] Shifts)> Moments { get; }

    /// <summary>Every shift of a zone's day from the reference day that some moment shows, 0 included.</summary>
    public IReadOnlyList<int> Shifts { get; }

    /// <param name="start">The space's default booking: the first moment, and the day the others fall on.</param>
    public static BookingMoments Of(IEnumerable<WithinYears> lookBacks, DateTimeOffset start)
    {
        // Zones that judge days alike count once; named zones first, so the reference is a real place when there is one.
        var times = lookBacks.Select(l => l.Time).DistinctBy(t => t.ZoneId).OrderBy(t => t.ZoneId is null).ThenBy(t => t.ZoneId, StringComparer.Ordinal).ToList();
        if (times.Count == 0)
        {
            times.Add(JurisdictionTime.AsWritten);
        }

        var candidates = new List<DateTimeOffset> { start };
        if (times.Count > 1)
        {
            var reference = times[0];
            var day = reference.DayOf(start);
            var (from, to) = (reference.StartOf(day, start), reference.StartOf(day.AddDays(1), start));
            var cuts = times.Where(t => t.ZoneId is not null)
                .SelectMany(t => Enumerable.Range(-1, 4).Select(d => t.StartOf(day.AddDays(d), start)))
                .Where(c => c > from && c < to)
                .Append(from).Append(to).Distinct().Order().ToList();
            var asWritten = times.Any(t => t.ZoneId is null);
            var instants = cuts.Zip(cuts.Skip(1), (a, b) => a + ((b - a) / 2)).ToList();
            if (asWritten)
            {
                // A record written as-is shows, across the offsets, every day from a stretch's first
                // instant written at -14:00 to its last minute written at +14:00; the middle alone
                // misses the ends (03:54 in New York written at -09:00 is still the day before, which
                // no offset makes of New York's noon). After the middles, so the patterns they reach
                // keep them as their moments.
                instants.AddRange(cuts.Zip(cuts.Skip(1), (a, b) => new[] { a, b - TimeSpan.FromMinutes(1) }).SelectMany(e => e));
            }

            IEnumerable<TimeSpan> offsets = asWritten
                ? Enumerable.Range(-14, 29).Select(h => TimeSpan.FromHours(h))
                : [start.Offset];
            candidates.AddRange(instants.SelectMany(i => offsets.Select(o => i.ToOffset(o))));
        }

        var moments = new List<(DateTimeOffset, int[])>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instant in candidates)
        {
            var shifts = ShiftsOf(times, instant);
            if (seen.Add(Key(shifts)))
            {
                moments.Add((instant, shifts));
            }
        }

        return new BookingMoments(times, moments);
    }

    /// <summary>The index of the moment whose pattern of days a scenario's booking shows; -1 when none has it.</summary>
    public int IndexOf(Scenario scenario)
    {
        var key = Key(ShiftsOf(_times, scenario.BookedAt));
        for (var i = 0; i < Moments.Count; i++)
        {
            if (Key(Moments[i].Shifts) == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The dimension of moments, for a space whose look-backs are judged in more than one calendar.</summary>
    public FieldDimension Dimension() => new(
        DimensionName,
        "booking moment",
        [.. Moments.Select((m, i) => new RawValue(i, Word(m.Shifts), Phrase(m.Shifts)))],
        s => IndexOf(s) is >= 0 and var i ? i : null,
        (d, v) => d.BookedAt = Moments[(int)v!].Instant,
        [.. Moments.Select((_, i) => (Func<Scenario, Model.Decisions.Modality[], bool>)((s, _) => IndexOf(s) == i))]);

    private static int[] ShiftsOf(IReadOnlyList<JurisdictionTime> times, DateTimeOffset instant)
    {
        var reference = times[0].DayOf(instant).DayNumber;
        return [.. times.Select(t => t.DayOf(instant).DayNumber - reference)];
    }

    private static string Key(int[] shifts) => string.Join(",", shifts);

    private string Word(int[] shifts) =>
        shifts.All(s => s == 0) ? "same-day" : string.Join("+", shifts.Select((s, i) => (s, i)).Where(p => p.s != 0).Select(p => $"{Name(p.i)}{p.s:+0;-0}"));

    private string Phrase(int[] shifts) =>
        shifts.All(s => s == 0)
            ? "booked when every jurisdiction is on the same day"
            : "booked when " + Wording.And([.. shifts.Select((s, i) => (s, i)).Where(p => p.s != 0).Select(p => $"it is {(p.s > 0 ? "already the next" : "still the previous")} day {(_times[p.i].ZoneId is { } z ? "in " + z : "as the record is written")}")]);

    private string Name(int index) => _times[index].ZoneId ?? "as-written";
}
