namespace DetainerRules.Web.Tests;

/// <summary>Policies written for these tests, not law: two that answer a detainer differently, and a family of two versions.</summary>
internal static class FixturePolicies
{
    public static readonly IReadOnlyList<(string Id, string Text)> All =
    [
        ("holding", Policy("holding", "Holding policy", """
              - id: hold
                when: detainer.form = I-247A
                then:
                  delay_release: { value: required, limit: clock48 }
                because: detainers are honoured
                cite: src
            """)),
        ("refusing", Policy("refusing", "Refusing policy", """
              - id: no-hold
                when: detainer.form = I-247A
                then:
                  delay_release: { value: forbidden }
                because: detainers are declined
                cite: src
            """)),
        ("fam-2020", Policy("fam-2020", "Family, first version", "  []", "family: fam\neffective: { from: 2020-01-01, until: 2023-12-31 }")),
        ("fam", Policy("fam", "Family, current version", "  []", "family: fam\neffective: { from: 2024-01-01 }")),
    ];

    /// <summary>Requires ICE notice at release for a robbery charge, and no other: a charge's category decides it. Not in <see cref="All"/>: the page and browser tests add it where they need it.</summary>
    public static readonly string Charging = Policy("charging", "Charging policy", """
          - id: report-robbery
            when: any charge(category = robbery)
            then:
              notify_ice: { value: required, at: [release] }
            because: robbery charges are reported
            cite:
              - source: src
                at: "s. 3"
                quote: Robbery charges shall be reported at release.
                verified: primary
        """);

    /// <summary>The shared template (<see cref="TestSupport.PolicyTemplate"/>) with this id and title.</summary>
    public static string Policy(string id, string title, string rules, string extra = "") => TestSupport.PolicyTemplate.Yaml(id, title, rules, extra);
}
