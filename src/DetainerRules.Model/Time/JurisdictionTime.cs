using NodaTime;

namespace DetainerRules.Model.Time;

/// <summary>The calendar and clock of a jurisdiction: which day an instant falls on there, and its local time.</summary>
/// <remarks>
/// <para>
/// Law counts days where it applies: a booking at 23:30 in Las Vegas is booked on that Las Vegas
/// day, whether the record wrote the instant as <c>-08:00</c>, <c>Z</c> or <c>+09:00</c>. A policy
/// names its IANA zone; every day-based rule (look-backs, weekends and holidays in a hold, which
/// version of a family is in force) is judged in it, and hours are counted as real elapsed time,
/// so a hold across a daylight-saving change lasts exactly its hours.
/// </para>
/// <para>
/// A policy that names no zone (a draft) is judged in each time's own written offset
/// (<see cref="AsWritten"/>). A policy with no one place, such as the federal request, says so with
/// <c>time_zone: local</c> (<see cref="Local"/>): the same arithmetic, stated rather than left out.
/// The catalog states a zone for every policy. Where the user says where the bookings are
/// (<c>--timezone</c>), that zone takes the place of both (<see cref="ForBookingsIn"/>).
/// </para>
/// </remarks>
public sealed class JurisdictionTime : IEquatable<JurisdictionTime>
{
    /// <summary>The word a policy uses for <see cref="Local"/>.</summary>
    public const string LocalName = "local";

    // NodaTime's bounds on any zone's offset (Offset.MinValue and Offset.MaxValue).
    private static readonly TimeSpan FurthestOffset = TimeSpan.FromHours(18);

    // The zone's id, and the zone itself once a time is computed in it: most commands judge no time in
    // a policy's zone, and loading the database is a share of their start (TzdbZoneIds).
    private readonly string? _zoneId;
    private DateTimeZone? _zone;

    private JurisdictionTime(string? zoneId, string? name)
    {
        _zoneId = zoneId;
        Name = name;
    }

    private JurisdictionTime(DateTimeZone zone)
        : this(zone.Id, zone.Id) => _zone = zone;

    // The database's cache hands every caller the same zone, so threads that race here store the same one.
    private DateTimeZone? Zone => _zoneId is null ? null : _zone ??= DateTimeZoneProviders.Tzdb[_zoneId];

    /// <summary>Days judged in each time's own offset: for policies that name no zone.</summary>
    public static JurisdictionTime AsWritten { get; } = new(null, null);

    /// <summary>Days judged in each time's own offset, by the policy's own statement that it has no one place.</summary>
    public static JurisdictionTime Local { get; } = new(null, LocalName);

    /// <summary>The IANA id (e.g. <c>America/Los_Angeles</c>), or null when days are judged as written.</summary>
    public string? ZoneId => _zoneId;

    /// <summary>What the policy said: an IANA id, <c>local</c>, or null when it said nothing.</summary>
    public string? Name { get; }

    /// <summary>The version of the time zone database the zones come from (e.g. <c>2025b</c>).</summary>
    public static string DatabaseVersion => DateTimeZoneProviders.Tzdb.VersionId;

    /// <summary>Every zone id the database knows, for suggestions.</summary>
    public static IReadOnlyCollection<string> ZoneIds => DateTimeZoneProviders.Tzdb.Ids;

    /// <summary>The zone with IANA id <paramref name="id"/>; null when the database has no such zone.</summary>
    /// <remarks>An id on the database's own list is taken without loading the database (<see cref="TzdbZoneIds"/>); any other word is looked up in it, as the fixed offsets it also accepts (<c>UTC+05:30</c>) are.</remarks>
    public static JurisdictionTime? Find(string id) =>
        id == LocalName ? Local
        : TzdbZoneIds.Contains(id) ? new JurisdictionTime(id, id)
        : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? new JurisdictionTime(zone) : null;

    /// <summary>Where the bookings are, as a user names it (<c>--timezone</c>, an expectation file's <c>timezone</c>, the API's <c>timezone</c>): an IANA zone; null, with <paramref name="problem"/> saying why, for any other word.</summary>
    /// <remarks>Every place that takes the bookings' zone reads it here, so all refuse the same words with the same message. <c>local</c> is refused: it is what the zone replaces, not a place.</remarks>
    public static JurisdictionTime? OfBookings(string id, out string? problem)
    {
        if (Find(id) is { _zoneId: not null } zone)
        {
            problem = null;
            return zone;
        }

        problem = $"`{id}` is not an IANA time zone{Diagnostics.Suggestion.Hint(id, ZoneIds)}: name one such as `America/Los_Angeles` (time zone database {DatabaseVersion})";
        return null;
    }

    /// <summary>The calendar to judge days in when the bookings are known to be in <paramref name="bookings"/> (<c>--timezone</c>): that zone for a policy that names none (<c>local</c>, or a draft), this one otherwise or when <paramref name="bookings"/> is null.</summary>
    /// <remarks>
    /// A policy with no one place judges days in the offset each record is written in, so one
    /// instant written in two offsets could fall on two days. Where the user says where the
    /// bookings are, that place's calendar is the jurisdiction's for such a policy; a policy that
    /// names its own zone keeps it.
    /// </remarks>
    public JurisdictionTime ForBookingsIn(JurisdictionTime? bookings) =>
        _zoneId is null && bookings is { _zoneId: not null } ? bookings : this;

    /// <summary>The day <paramref name="instant"/> falls on in the jurisdiction.</summary>
    public DateOnly DayOf(DateTimeOffset instant) =>
        Zone is not { } zone
            ? DateOnly.FromDateTime(instant.DateTime)
            : Instant.FromDateTimeOffset(instant).InZone(zone).Date.ToDateOnly();

    /// <summary>Whether <paramref name="test"/> holds of the day <paramref name="instant"/> falls on in the jurisdiction.</summary>
    /// <remarks>
    /// A zone's offset is never more than 18 hours from UTC, so the instant falls on one of the days
    /// within 18 hours of it wherever the zone is. When the test gives the same answer for each of them
    /// (as a question of dates years apart does), that is its answer and the zone is never loaded;
    /// otherwise the day is taken in the zone (<see cref="DayOf"/>).
    /// </remarks>
    public bool HoldsOnDayOf(DateTimeOffset instant, Func<DateOnly, bool> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var ticks = instant.UtcTicks;
        if (_zoneId is not null && ticks >= FurthestOffset.Ticks && ticks <= DateTime.MaxValue.Ticks - FurthestOffset.Ticks)
        {
            var first = DateOnly.FromDateTime(instant.UtcDateTime - FurthestOffset);
            var last = DateOnly.FromDateTime(instant.UtcDateTime + FurthestOffset);
            var answer = test(first);
            var day = first.AddDays(1);
            while (day <= last && test(day) == answer)
            {
                day = day.AddDays(1);
            }

            if (day > last)
            {
                return answer;
            }
        }

        return test(DayOf(instant));
    }

    /// <summary>The same instant, written with the jurisdiction's offset at that moment (the local wall-clock time).</summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) =>
        Zone is not { } zone ? instant : Instant.FromDateTimeOffset(instant).InZone(zone).ToDateTimeOffset();

    /// <summary>The instant a wall-clock time names in the jurisdiction (a record written without an offset), or null with the reason when it names none or two.</summary>
    /// <remarks>
    /// A daylight-saving change skips an hour in spring and repeats one in autumn: a time in the
    /// skipped hour names no instant, one in the repeated hour names two. Neither is guessed at;
    /// the record must then say its offset. Null also when no zone is named.
    /// </remarks>
    public DateTimeOffset? InstantAt(DateTime wallClock, out string? problem)
    {
        problem = null;
        if (Zone is not { } zone)
        {
            problem = "has no UTC offset and no time zone is named";
            return null;
        }

        var mapping = zone.MapLocal(LocalDateTime.FromDateTime(wallClock));
        switch (mapping.Count)
        {
            case 1:
                return mapping.Single().ToDateTimeOffset();
            case 0:
                problem = $"does not exist in {zone.Id}: the clocks skipped that hour for daylight saving; write the offset the record meant";
                return null;
            default:
                problem = $"happens twice in {zone.Id} (the clocks went back an hour for daylight saving, first at {Offset(mapping.First().Offset)}, then at {Offset(mapping.Last().Offset)}): write the offset";
                return null;
        }
    }

    /// <summary>The first instant of <paramref name="day"/> in the jurisdiction; <paramref name="reference"/> gives the offset when no zone is named.</summary>
    /// <remarks>Where a daylight-saving change skips midnight, the day starts at the first instant it has.</remarks>
    public DateTimeOffset StartOf(DateOnly day, DateTimeOffset reference) =>
        Zone is not { } zone
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), reference.Offset)
            : zone.AtStartOfDay(LocalDate.FromDateOnly(day)).ToDateTimeOffset();

    /// <summary>An offset as timestamps write it: <c>-07:00</c>.</summary>
    private static string Offset(NodaTime.Offset offset) =>
        (offset.Seconds < 0 ? "-" : "+") + offset.ToTimeSpan().Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    public bool Equals(JurisdictionTime? other) => other is not null && Name == other.Name;

    public override bool Equals(object? obj) => Equals(obj as JurisdictionTime);

    public override int GetHashCode() => Name?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Name ?? "as written";
}
