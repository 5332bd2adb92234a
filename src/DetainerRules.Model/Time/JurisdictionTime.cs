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

    private readonly DateTimeZone? _zone;

    private JurisdictionTime(DateTimeZone? zone, string? name)
    {
        _zone = zone;
        Name = name;
    }

    /// <summary>Days judged in each time's own offset: for policies that name no zone.</summary>
    public static JurisdictionTime AsWritten { get; } = new(null, null);

    /// <summary>Days judged in each time's own offset, by the policy's own statement that it has no one place.</summary>
    public static JurisdictionTime Local { get; } = new(null, LocalName);

    /// <summary>The IANA id (e.g. <c>America/Los_Angeles</c>), or null when days are judged as written.</summary>
    public string? ZoneId => _zone?.Id;

    /// <summary>What the policy said: an IANA id, <c>local</c>, or null when it said nothing.</summary>
    public string? Name { get; }

    /// <summary>The version of the time zone database the zones come from (e.g. <c>2025b</c>).</summary>
    public static string DatabaseVersion => DateTimeZoneProviders.Tzdb.VersionId;

    /// <summary>Every zone id the database knows, for suggestions.</summary>
    public static IReadOnlyCollection<string> ZoneIds => DateTimeZoneProviders.Tzdb.Ids;

    /// <summary>The zone with IANA id <paramref name="id"/>; null when the database has no such zone.</summary>
    public static JurisdictionTime? Find(string id) =>
        id == LocalName ? Local : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? new JurisdictionTime(zone, zone.Id) : null;

    /// <summary>Where the bookings are, as a user names it (<c>--timezone</c>, an expectation file's <c>timezone</c>, the API's <c>timezone</c>): an IANA zone; null, with <paramref name="problem"/> saying why, for any other word.</summary>
    /// <remarks>Every place that takes the bookings' zone reads it here, so all refuse the same words with the same message. <c>local</c> is refused: it is what the zone replaces, not a place.</remarks>
    public static JurisdictionTime? OfBookings(string id, out string? problem)
    {
        if (Find(id) is { _zone: not null } zone)
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
        _zone is null && bookings is { _zone: not null } ? bookings : this;

    /// <summary>The day <paramref name="instant"/> falls on in the jurisdiction.</summary>
    public DateOnly DayOf(DateTimeOffset instant) =>
        _zone is null
            ? DateOnly.FromDateTime(instant.DateTime)
            : Instant.FromDateTimeOffset(instant).InZone(_zone).Date.ToDateOnly();

    /// <summary>The same instant, written with the jurisdiction's offset at that moment (the local wall-clock time).</summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) =>
        _zone is null ? instant : Instant.FromDateTimeOffset(instant).InZone(_zone).ToDateTimeOffset();

    /// <summary>The instant a wall-clock time names in the jurisdiction (a record written without an offset), or null with the reason when it names none or two.</summary>
    /// <remarks>
    /// A daylight-saving change skips an hour in spring and repeats one in autumn: a time in the
    /// skipped hour names no instant, one in the repeated hour names two. Neither is guessed at;
    /// the record must then say its offset. Null also when no zone is named.
    /// </remarks>
    public DateTimeOffset? InstantAt(DateTime wallClock, out string? problem)
    {
        problem = null;
        if (_zone is null)
        {
            problem = "has no UTC offset and no time zone is named";
            return null;
        }

        var mapping = _zone.MapLocal(LocalDateTime.FromDateTime(wallClock));
        switch (mapping.Count)
        {
            case 1:
                return mapping.Single().ToDateTimeOffset();
            case 0:
                problem = $"does not exist in {_zone.Id}: the clocks skipped that hour for daylight saving; write the offset the record meant";
                return null;
            default:
                problem = $"happens twice in {_zone.Id} (the clocks went back an hour for daylight saving, first at {Offset(mapping.First().Offset)}, then at {Offset(mapping.Last().Offset)}): write the offset";
                return null;
        }
    }

    /// <summary>The first instant of <paramref name="day"/> in the jurisdiction; <paramref name="reference"/> gives the offset when no zone is named.</summary>
    /// <remarks>Where a daylight-saving change skips midnight, the day starts at the first instant it has.</remarks>
    public DateTimeOffset StartOf(DateOnly day, DateTimeOffset reference) =>
        _zone is null
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), reference.Offset)
            : _zone.AtStartOfDay(LocalDate.FromDateOnly(day)).ToDateTimeOffset();

    /// <summary>An offset as timestamps write it: <c>-07:00</c>.</summary>
    private static string Offset(NodaTime.Offset offset) =>
        (offset.Seconds < 0 ? "-" : "+") + offset.ToTimeSpan().Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    public bool Equals(JurisdictionTime? other) => other is not null && Name == other.Name;

    public override bool Equals(object? obj) => Equals(obj as JurisdictionTime);

    public override int GetHashCode() => Name?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Name ?? "as written";
}
