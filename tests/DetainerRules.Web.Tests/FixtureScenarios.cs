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

    public static readonly IReadOnlyList<(string Id, string Text)> All = [("detained", Detained), ("early", Early)];
}
