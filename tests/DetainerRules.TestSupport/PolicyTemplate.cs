namespace DetainerRules.TestSupport;

/// <summary>The text of a fixture policy with the usual boilerplate: one source, two limits, every decision unknown by default; rules and extra sections spliced in.</summary>
/// <remarks>Shared by the suite and the web API's tests, so a fixture reads the same wherever it is written.</remarks>
public static class PolicyTemplate
{
    /// <summary>The policy's id and title, for a test to replace.</summary>
    public const string Id = "test-policy";

    public const string Title = "Test policy";

    /// <summary>One rule, for tests about files rather than rules: a felony charge requires notice at release.</summary>
    public const string FelonyNotice = """
          - id: notify-felony
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [release] } }
            because: felonies are reported
            cite: src
        """;

    public static string Yaml(string rules, string extra = "") => $$"""
        id: {{Id}}
        title: {{Title}}
        jurisdiction: Test
        sources:
          - id: src
            title: Test source
            citation: Test Code 1.1
        limits:
          h48: { hours: 48, exclude: [weekends, federal_holidays] }
          clock48: { hours: 48 }
        {{extra}}
        defaults:
          notify_ice: { value: unknown, because: silent }
          delay_release: { value: unknown, because: silent }
          release_if_ice_absent: { value: unknown, because: silent }
          transfer_to_ice: { value: unknown, because: silent }
          ice_jail_access: { value: unknown, because: silent }
          ask_immigration_status: { value: unknown, because: silent }
          share_criminal_intelligence: { value: unknown, because: silent }
          assist_civil_enforcement: { value: unknown, because: silent }
        rules:
        {{rules}}
        """;

    /// <summary>The template with its id and title replaced (the title written as a JSON string, which YAML reads, so any text is safe).</summary>
    public static string Yaml(string id, string title, string rules, string extra = "") => Yaml(rules, extra)
        .Replace("id: " + Id, "id: " + id, StringComparison.Ordinal)
        .Replace("title: " + Title, "title: " + System.Text.Json.JsonSerializer.Serialize(title), StringComparison.Ordinal);
}
