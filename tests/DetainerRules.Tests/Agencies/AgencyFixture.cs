using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Agencies;

/// <summary>
/// A catalog folder written for the agency tests: a Wyoming law that forbids holds for ICE, a 287(g) WSO model that
/// requires them on ICE's administrative warrant, two agencies' own policies (one a family in force from 2024), and a
/// roster of agencies with and without agreements.
/// </summary>
internal static class AgencyFixture
{
    public const string Roster = """
        source: { title: fixture list, publisher: tests, as_of: 2025-07-18 }
        agencies:
          - id: wy-plain-county-sheriffs-office
            name: "Plain County Sheriff's Office"
            type: sheriff
            state: WY
          - id: wy-hold-county-sheriffs-office
            name: "Hold County Sheriff's Office"
            type: sheriff
            state: WY
            agreements: [ { model: wso, signed: 2025-06-01 } ]
          - id: ut-hold-county-sheriffs-office
            name: "Hold County Sheriff's Office"
            type: sheriff
            state: UT
            agreements: [ { model: wso, signed: 2025-06-01 }, { model: tfm, signed: 2025-06-01, ends: 2025-06-30 } ]
          - id: wy-city-police-department
            name: City Police Department
            type: local_police
            state: WY
            policy: wy-city
            agreements: [ { model: wso, signed: 2025-06-01 } ]
          - id: wy-town-police-department
            name: Town Police Department
            type: local_police
            state: WY
            policy: wy-town
        """;

    /// <summary>Writes the folder (the caller deletes it) and returns its path.</summary>
    public static string Write()
    {
        var rules = Directory.CreateTempSubdirectory("detainer-layers-").FullName;
        Policy(rules, "wy-law", """
              - id: no-holds
                when: true
                then: { delay_release: forbidden, ask_immigration_status: permitted }
                because: the fixture state forbids holds for ICE
                cite: src
            """, "state: WY\ntime_zone: America/Denver");
        Policy(rules, "287g-wso", """
              - id: hold-on-warrant
                when: detainer.warrant = administrative
                then: { delay_release: { value: required, limit: clock48 } }
                because: the fixture agreement has officers hold on ICE's warrant
                cite: src
            """, "state: US\ntime_zone: local");
        Policy(rules, "wy-city", """
              - id: no-questions
                when: true
                then: { ask_immigration_status: forbidden }
                because: the fixture city's officers do not ask
                cite: src
            """, "state: WY\ntime_zone: America/Denver");
        Policy(rules, "wy-town-2024", """
              - id: no-questions
                when: true
                then: { ask_immigration_status: forbidden }
                because: the fixture town's officers do not ask
                cite: src
            """, "state: WY\ntime_zone: America/Denver\nfamily: wy-town\neffective: { from: 2024-01-01 }");
        Directory.CreateDirectory(Path.Combine(rules, "agencies"));
        File.WriteAllText(Path.Combine(rules, "agencies", "roster.yaml"), Roster);
        return rules;
    }

    private static void Policy(string rules, string id, string body, string extra) =>
        File.WriteAllText(Path.Combine(rules, id + ".yaml"), TestPolicies.Yaml(body, extra).Replace("id: test-policy", "id: " + id, StringComparison.Ordinal));
}
