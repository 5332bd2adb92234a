using System.Text.Json;
using DetainerRules.Web.Tests;

namespace DetainerRules.Browser.Tests;

/// <summary>Files whose texts are markup that, if a page ever ran it, would set <see cref="Flag"/> on the window: a policy, a policy refused for its rule id, and an expectation file naming a scenario.</summary>
/// <remarks>
/// The page tests (<see cref="PageFixtures.Hostile"/>) check the DOM holds such texts as text; here a
/// browser shows them, and the flag staying undefined says nothing ran. An inline script or handler
/// that slipped through would also be refused by the Content-Security-Policy, so the tests assert
/// that no refusal was reported either (a refusal means the markup reached the DOM).
/// </remarks>
internal static class FlaggedFixtures
{
    /// <summary>The window property a payload sets.</summary>
    public const string Flag = "__detainerRan";

    /// <summary>A script element and an image whose error handler, each setting <see cref="Flag"/> to <paramref name="where"/>.</summary>
    public static string Payload(string where) =>
        $"<script>window.{Flag}='{where}'</script><img src=x onerror=\"window.{Flag}='{where}'\">";

    /// <summary>A policy whose title, summary, rule reason, quote and open question are payloads; its rule holds on an I-247A.</summary>
    public static readonly string Flagged = FixturePolicies.Policy("flagged", Payload("title"), $"""
          - id: hold-flagged
            when: detainer.form = I-247A
            then:
              delay_release: {"{"} value: required, limit: clock48 {"}"}
            because: {Json(Payload("because"))}
            cite:
              - source: src
                at: "s. 1"
                quote: {Json(Payload("quote"))}
                verified: primary
        """, $"summary: {Json(Payload("summary"))}\nopen_questions:\n  - {Json(Payload("question"))}");

    /// <summary>A policy the loader refuses: its rule id is a payload, which the catalog page quotes among the files that did not load.</summary>
    public static readonly string BadRuleId = FixturePolicies.Policy("bad-rule-id", "Bad rule id", $"""
          - id: {Json(Payload("rule-id"))}
            when: detainer.form = I-247A
            then:
              delay_release: {"{"} value: required, limit: clock48 {"}"}
            because: held
            cite: src
        """);

    /// <summary>The expectation file of <c>flagged</c> (<c>tests/expectations/flagged.yaml</c> beside its rules folder): one case whose scenario id is a payload, which the policy page lists.</summary>
    public static readonly string FlaggedExpectations = $"""
        policy: flagged
        cases:
          - scenario: {Json(Payload("scenario-id"))}
            because: the fixture's rule
            expect:
              delay_release: required
        """;

    /// <summary>A JSON string, which YAML reads as a double-quoted scalar: any text stays one value.</summary>
    private static string Json(string text) => JsonSerializer.Serialize(text);
}
