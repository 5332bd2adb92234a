using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Api;

/// <summary>What <c>POST /v1/compare</c> takes: a JSON object only, as its fields are lists and a map that a query string would spell poorly.</summary>
/// <remarks>Read by <see cref="RequestFields"/>; this type describes the request in the OpenAPI document.</remarks>
public sealed class CompareRequest
{
    public static readonly IReadOnlyList<string> Keys = ["policies", "inline_policies", "space", "summary", "scenarios", "where", "decisions", "at", "timezone"];

    [JsonPropertyName("policies")]
    [Description("Catalog policy ids or family names (never paths); with `inline_policies`, two or more in all")]
    public IReadOnlyList<string> Policies { get; init; } = [];

    [JsonPropertyName("inline_policies")]
    [Description("Policies as YAML text, each checked as `policy` of /v1/evaluate is (extends and is bound by catalog policies by id only); labelled by their ids")]
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    [JsonPropertyName("space")]
    [Description("Compare over every case the policies can tell apart (`--space`); give this or `scenarios`")]
    public bool Space { get; init; }

    [JsonPropertyName("summary")]
    [Description("With `space`: count the cases, each pair's agreement and every way the policies split without drawing regions (`--summary`): no limit on the space's size; every split's `regions` is empty and the answer has `\"summary\": true`")]
    public bool Summary { get; init; }

    [JsonPropertyName("scenarios")]
    [Description("Compare over these scenarios instead, each as YAML or JSON text (the format of a scenario file)")]
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    [JsonPropertyName("where")]
    [Description("Narrow the cases (`--where`): field to a value or list of values, or to {\"not\": value or list}, e.g. {\"charge.level\": \"felony\"}")]
    public IReadOnlyDictionary<string, JsonElement>? Where { get; init; }

    [JsonPropertyName("decisions")]
    [Description("Compare only these decisions (and `outcome`), as `--decision`; default: all of them")]
    public IReadOnlyList<string> Decisions { get; init; } = [];

    [JsonPropertyName("at")]
    [Description("The date (YYYY-MM-DD) whose versions and authorities are compared; required when a family is named")]
    public string? At { get; init; }

    [JsonPropertyName("timezone")]
    [Description("Where the bookings are (`--timezone`): an IANA time zone (e.g. America/Chicago), the zone of every compared policy that names none (`time_zone: local`), its authorities included, for look-backs and hold clocks; default: each scenario's written offset")]
    public string? TimeZone { get; init; }

    /// <summary>A policy's text sent with the request, and the name its problems are reported under.</summary>
    public sealed class InlinePolicy
    {
        [JsonPropertyName("name")]
        [Description("The name the text's problems are reported under (lowercase letters, digits and dashes); default `inline-N`")]
        public string? Name { get; init; }

        [JsonPropertyName("text")]
        [Description("The policy as YAML text")]
        public required string Text { get; init; }
    }

    /// <summary>The request from a JSON body.</summary>
    /// <exception cref="ProblemException">400: a field unknown or of the wrong kind.</exception>
    public static CompareRequest Read(string body)
    {
        var fields = RequestFields.OfJson(RequestBody.ReadObject(body), Keys);
        return new CompareRequest
        {
            Policies = fields.Texts("policies"),
            InlinePolicies = Inline(fields.Element("inline_policies")),
            Space = fields.Flag("space"),
            Summary = fields.Flag("summary"),
            Scenarios = fields.Texts("scenarios"),
            Where = fields.Element("where") is { } where
                ? where.ValueKind == JsonValueKind.Object
                    ? where.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
                    : throw RequestFields.Expected("where", "an object of fields", where)
                : null,
            Decisions = fields.Texts("decisions"),
            At = fields.Text("at"),
            TimeZone = fields.Text("timezone"),
        };
    }

    /// <summary>The <c>--where</c> clauses the <c>where</c> object spells: <c>FIELD=A,B</c>, or <c>FIELD!=A,B</c> for <c>{"not": ...}</c>.</summary>
    /// <exception cref="ProblemException">400: a value that is neither text, a list of texts, nor <c>{"not": ...}</c>.</exception>
    public IReadOnlyList<string> WhereClauses() =>
        Where is null ? [] : [.. Where.Select(p => p.Value.ValueKind == JsonValueKind.Object
            ? $"{p.Key}!={Values($"where.{p.Key}.not", Not(p.Key, p.Value))}"
            : $"{p.Key}={Values($"where.{p.Key}", p.Value)}")];

    private static JsonElement Not(string key, JsonElement value)
    {
        var properties = value.EnumerateObject().ToList();
        return properties is [{ Name: "not" } not]
            ? not.Value
            : throw RequestBody.Fail(DiagnosticCodes.Field, $"where.{key}", "expected a value, a list of values, or {\"not\": value or list}");
    }

    private static string Values(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select((item, i) =>
            item.ValueKind == JsonValueKind.String ? item.GetString()! : throw RequestFields.Expected($"{field}[{i}]", "text", item))),
        _ => throw RequestFields.Expected(field, "text or a list of texts", value),
    };

    private static List<InlinePolicy> Inline(JsonElement? given)
    {
        if (given is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw RequestFields.Expected("inline_policies", "a list of {\"name\", \"text\"} objects", list);
        }

        return [.. list.EnumerateArray().Select((item, i) =>
        {
            var field = $"inline_policies[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw RequestFields.Expected(field, "an object with `text` (and `name`)", item);
            }

            var inner = RequestFields.OfJson(item, ["name", "text"]);
            return new InlinePolicy
            {
                Name = inner.Text("name"),
                Text = inner.Text("text") ?? throw RequestBody.Fail(DiagnosticCodes.Field, $"{field}.text", "required: the policy as YAML text"),
            };
        })];
    }
}
