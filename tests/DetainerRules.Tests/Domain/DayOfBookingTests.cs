using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Domain;

/// <summary>Whether a policy was in force on a booking's day, answered without the zone's rules when every day the booking could fall on agrees: it must answer as the day in the zone does.</summary>
[TestFixture]
public class DayOfBookingTests
{
    private static readonly DateOnly Day = new(2025, 3, 9);

    private static readonly LegalDate OnDay = new(Day.Year, Day.Month, Day.Day);

    // The furthest east and west zones, one off the hour (Chatham), one whose clocks change on Day (Los Angeles), and UTC.
    private static readonly string[] Zones = ["Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Chatham", "America/Los_Angeles", "UTC"];

    private static readonly TimeSpan[] WrittenOffsets = [TimeSpan.FromHours(-12), TimeSpan.Zero, TimeSpan.FromHours(14)];

    private static IEnumerable<Policy> Versions(JurisdictionTime time)
    {
        var policy = TestPolicies.Load(PolicyTemplate.FelonyNotice) with { Time = time };
        yield return policy with { EffectiveFrom = OnDay, EffectiveUntil = null };
        yield return policy with { EffectiveFrom = null, EffectiveUntil = OnDay };
        yield return policy with { EffectiveFrom = OnDay, EffectiveUntil = OnDay };
        yield return policy with { EffectiveFrom = new LegalDate(Day.Year, Day.Month, null), EffectiveUntil = new LegalDate(Day.Year, null, null) };
    }

    [Test]
    public void MayBeInForceAt_EveryHalfHourAroundItsFirstAndLastDay_AsTheDayInItsZone([ValueSource(nameof(Zones))] string zone)
    {
        var time = JurisdictionTime.Find(zone)!;
        var differences = new List<string>();
        foreach (var policy in Versions(time))
        {
            for (var at = Day.AddDays(-3).ToDateTime(TimeOnly.MinValue); at <= Day.AddDays(3).ToDateTime(TimeOnly.MinValue); at = at.AddMinutes(30))
            {
                foreach (var offset in WrittenOffsets)
                {
                    var bookedAt = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), TimeSpan.Zero).ToOffset(offset);
                    if (policy.MayBeInForceAt(bookedAt) != policy.MayBeInForceOn(time.DayOf(bookedAt)))
                    {
                        differences.Add($"{policy.EffectiveFrom}..{policy.EffectiveUntil} at {bookedAt:O}");
                    }
                }
            }
        }

        Assert.That(differences, Is.Empty);
    }

    /// <summary>Within 18 hours of the first instant the calendar has, no day before it exists to try: the day is taken in the zone.</summary>
    [Test]
    public void MayBeInForceAt_HoursAfterTheFirstInstant_TheDayInTheZone()
    {
        var policy = TestPolicies.Load(PolicyTemplate.FelonyNotice) with { Time = JurisdictionTime.Find("UTC")!, EffectiveFrom = new LegalDate(1, 1, 2) };

        Assert.That(policy.MayBeInForceAt(new DateTimeOffset(1, 1, 1, 5, 0, 0, TimeSpan.Zero)), Is.False);
    }
}
