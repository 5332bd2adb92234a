namespace DetainerRules.TestSupport;

/// <summary>
/// One booking whose answer depends on where it is: the fixture the command line's time zone tests
/// (<c>TimezoneCompareTests</c>, <c>TimezoneExpectationTests</c>) and the workbench's
/// (<c>ZoneFixtures</c>) share, so both read the same policy, booking and expectation files.
/// </summary>
/// <remarks>
/// <see cref="LocalLookBack"/> names no zone and requires notice at booking for a conviction within
/// five years of the booking day; <see cref="AfterDark"/> is booked at 02:00 UTC on 1 March 2025,
/// 18:00 on 28 February in Los Angeles (within the five years: notice required) and 11:00 on 1 March
/// in Tokyo or as written (a day past them: unknown). So <c>notify_ice</c> says which day was counted.
/// </remarks>
public static class TwoZoneFixture
{
    public const string PolicyId = "local-lookback";

    public const string BookingId = "after-dark";

    /// <summary>Notice at booking for a conviction within five years of the booking day, the day judged where the bookings are (<c>time_zone: local</c>).</summary>
    public static readonly string LocalLookBack = PolicyTemplate.Yaml(PolicyId, "Local look-back", """
          - id: recent
            when: any conviction(within 5 years)
            then: { notify_ice: { value: required, at: [booking] } }
            because: a recent conviction is reported
            cite: src
        """, "time_zone: local");

    /// <summary>02:00 UTC on 1 March 2025: 18:00 on 28 February in Los Angeles, five years to the day after the conviction; 11:00 on 1 March in Tokyo, a day past them.</summary>
    public const string AfterDark = """
        id: after-dark
        booked_at: 2025-03-01T02:00:00Z
        person: { foreign_born: true, citizenship: noncitizen }
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        convictions: [ { offense: burglary, level: felony, category: burglary, convicted_on: 2020-02-28 } ]
        """;

    /// <summary>An expectation file for <see cref="LocalLookBack"/> pinning <see cref="AfterDark"/> in Los Angeles by the file's <c>timezone</c> (notice required) and in Tokyo by a case's own (unknown): the file-level key, and a case's over it.</summary>
    public static readonly string FileZoneExpectations = PinnedInTwoZones(losAngelesForTheFile: true);

    /// <summary>The same two cases with no file-level zone, each case naming its own (<c>cases[i].timezone</c>): the case-level key alone.</summary>
    public static readonly string CaseZoneExpectations = PinnedInTwoZones(losAngelesForTheFile: false);

    /// <summary><see cref="AfterDark"/> as an expectation case's <c>scenario:</c> (indented six spaces), its id replaced by <paramref name="id"/>.</summary>
    public static string CaseScenario(string id = BookingId) =>
        string.Join("\n", AfterDark.Replace("id: " + BookingId, "id: " + id, StringComparison.Ordinal).Split('\n').Select(l => "      " + l));

    private static string PinnedInTwoZones(bool losAngelesForTheFile)
    {
        var file = losAngelesForTheFile ? "timezone: America/Los_Angeles\n" : string.Empty;
        var inCase = losAngelesForTheFile ? string.Empty : "timezone: America/Los_Angeles\n    ";
        return $"""
            policy: {PolicyId}
            {file}cases:
              - {inCase}because: 28 February in Los Angeles
                expect: {"{"} notify_ice: required {"}"}
                scenario:
            {CaseScenario()}
              - timezone: Asia/Tokyo
                because: 1 March in Tokyo
                expect: {"{"} notify_ice: unknown {"}"}
                scenario:
            {CaseScenario(BookingId + "-tokyo")}
            """;
    }
}
