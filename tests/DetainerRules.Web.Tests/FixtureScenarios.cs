namespace DetainerRules.Web.Tests;

/// <summary>Arrest scenarios for these tests, each with an id so a file and a request body name it alike.</summary>
internal static class FixtureScenarios
{
    public const string Detained = """
        id: detained
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true }
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        custody: { release_eligible_at: 2025-01-17T18:00:00-08:00 }
        """;

    public const string Early = """
        id: early
        booked_at: 2019-06-03T09:30:00-07:00
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        detainer: { form: I-247A, warrant: administrative }
        """;

    /// <summary>02:00 UTC on 1 March 2025: 28 February in Los Angeles, five years to the day after the conviction, and 1 March in Tokyo, past them (<see cref="FixturePolicies.LocalLookBack"/>). Not in <see cref="All"/>: the time zone tests write it.</summary>
    public const string AfterDark = """
        id: after-dark
        booked_at: 2025-03-01T02:00:00Z
        person: { foreign_born: true, citizenship: noncitizen }
        charges: [ { offense: robbery, level: felony, category: robbery } ]
        convictions: [ { offense: burglary, level: felony, category: burglary, convicted_on: 2020-02-28 } ]
        """;

    public static readonly IReadOnlyList<(string Id, string Text)> All = [("detained", Detained), ("early", Early)];
}
