using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>The catalog as JSON: every policy with its family, versions, dates and sources; or one policy with its versions and rules.</summary>
/// <remarks>What <c>GET /v1/policies</c> and <c>GET /v1/policies/{id}</c> of <c>detainer serve</c> answer; keys in a fixed order, policies by id.</remarks>
public static class PolicyCatalogJson
{
    /// <param name="problems">Files of the catalog that did not load; listed, not hidden, as <c>detainer list</c> reports them.</param>
    public static string ListToJson(IReadOnlyList<Policy> policies, IReadOnlyList<Diagnostic> problems) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("policies");
        foreach (var policy in policies.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            WriteSummary(w, policy);
            JsonReport.WriteStrings(w, "versions", VersionsOf(policy, policies).Select(v => v.Id));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            FindingsJson.WriteFinding(w, problem);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <param name="catalog">The policies of the catalog, among which <paramref name="policy"/>'s versions are found.</param>
    public static string OneToJson(Policy policy, IReadOnlyList<Policy> catalog) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        WriteSummary(w, policy);
        w.WriteString("summary", policy.Summary);
        w.WriteStartArray("versions");
        foreach (var version in VersionsOf(policy, catalog))
        {
            w.WriteStartObject();
            w.WriteString("id", version.Id);
            w.WriteString("title", version.Title);
            w.WriteString("effective_from", version.EffectiveFrom?.ToString());
            w.WriteString("effective_until", version.EffectiveUntil?.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var rule in policy.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("introduced_by", rule.Origin);
            w.WriteNumber("priority", rule.Priority);
            w.WriteString("when", rule.WhenText.Trim());
            w.WriteString("because", rule.Because);
            w.WriteString("verified", Vocabulary.Word(rule.Verified));
            JsonReport.WriteStrings(w, "cites", rule.Cites.Select(c => c.Text));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonReport.WriteStrings(w, "open_questions", policy.OpenQuestions);
        w.WriteEndObject();
    });

    /// <summary>The policies of <paramref name="policy"/>'s family among <paramref name="catalog"/>, itself included, oldest first; just itself when it names no family.</summary>
    public static List<Policy> VersionsOf(Policy policy, IEnumerable<Policy> catalog) => policy.Family is not { } family
        ? [policy]
        : [.. catalog.Where(p => p.Family == family).OrderBy(p => p.EffectiveFrom?.Earliest ?? DateOnly.MinValue).ThenBy(p => p.Id, StringComparer.Ordinal)];

    private static void WriteSummary(Utf8JsonWriter w, Policy policy)
    {
        w.WriteString("id", policy.Id);
        w.WriteString("family", policy.Family);
        w.WriteString("state", policy.State);
        w.WriteString("title", policy.Title);
        w.WriteString("jurisdiction", policy.Jurisdiction);
        w.WriteString("effective_from", policy.EffectiveFrom?.ToString());
        w.WriteString("effective_until", policy.EffectiveUntil?.ToString());
        w.WriteString("time_zone", policy.Time.Name);
        JsonReport.WriteStrings(w, "lineage", policy.Lineage);
        JsonReport.WriteStrings(w, "bound_by", policy.BoundBy);
        w.WriteNumber("rules_count", policy.Rules.Count);
        w.WriteStartObject("rules_verified");
        foreach (var level in Enum.GetValues<Verification>())
        {
            w.WriteNumber(Vocabulary.Word(level), policy.Rules.Count(r => r.Verified == level));
        }

        w.WriteEndObject();
        w.WriteNumber("answering_defaults_count", PolicyText.AnsweringDefaults(policy));
        w.WriteStartObject("answers_verified");
        foreach (var (level, answers) in PolicyText.AnswersByLevel(policy))
        {
            w.WriteNumber(Vocabulary.Word(level), answers);
        }

        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var source in policy.Sources)
        {
            w.WriteStartObject();
            w.WriteString("id", source.Id);
            w.WriteString("title", source.Title);
            w.WriteString("citation", source.Citation);
            w.WriteString("url", source.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
