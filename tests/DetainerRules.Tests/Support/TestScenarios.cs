using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Support;

/// <summary>Scenarios for tests, written as the YAML a user would write.</summary>
internal static class TestScenarios
{
    public static Scenario Parse(string yaml, string id = "test") => ScenarioLoader.Load(yaml, id + ".yaml", id);

    /// <summary>A foreign-born noncitizen booked on one charge; other sections are spliced in.</summary>
    public static Scenario Arrest(string level = "felony", string category = "robbery", string extra = "") => Parse($$"""
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges:
          - { offense: test, level: {{level}}, category: {{category}} }
        custody: { release_eligible_at: 2025-01-17T18:00:00-08:00 }
        {{extra}}
        """);

    /// <summary>A booking on one charge, born abroad or not, whose citizenship is not known; for tests that count which rules and conditions a few bookings exercise.</summary>
    public static Scenario Charged(string level, string category, bool foreignBorn) => Parse($$"""
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: {{(foreignBorn ? "true" : "false")}}, citizenship: unknown }
        charges:
          - { offense: test, level: {{level}}, category: {{category}} }
        """);

    public static Scenario Shipped(string id) => ScenarioLoader.LoadFile(Path.Combine(Repository.Scenarios, id + ".yaml"));
}
