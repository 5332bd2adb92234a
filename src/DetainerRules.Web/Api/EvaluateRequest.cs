using System.ComponentModel;
using System.Text.Json.Serialization;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Api;

/// <summary>What <c>POST /v1/evaluate</c> takes as JSON; with a YAML body, the body is the scenario and the other fields come from the query string.</summary>
/// <remarks>Read by <see cref="RequestFields"/>; this type describes the request in the OpenAPI document.</remarks>
public sealed class EvaluateRequest
{
    public static readonly IReadOnlyList<string> Keys = ["scenario", "policies", "policy", "at", "explain", "what_flips", "timezone"];

    [JsonPropertyName("scenario")]
    [Description("The arrest scenario, as YAML or JSON text (the format of a scenario file)")]
    public required string Scenario { get; init; }

    [JsonPropertyName("policies")]
    [Description("Catalog policy ids or family names (never paths); several give one table with a column each")]
    public IReadOnlyList<string>? Policies { get; init; }

    [JsonPropertyName("policy")]
    [Description("A policy as YAML text, checked as a file is; it extends and is bound by catalog policies by id only")]
    public string? Policy { get; init; }

    [JsonPropertyName("at")]
    [Description("For a family: the date (YYYY-MM-DD) whose version applies; default: the scenario's booking day")]
    public string? At { get; init; }

    [JsonPropertyName("explain")]
    [Description("One policy only: trace each decision's rules with the scenario's values")]
    public bool Explain { get; init; }

    [JsonPropertyName("what_flips")]
    [Description("One policy only: the smallest changes to the scenario that change each decision")]
    public bool WhatFlips { get; init; }

    [JsonPropertyName("timezone")]
    [Description("Where the bookings are (`--timezone`): an IANA time zone (e.g. America/Chicago), the zone of every policy that names none (`time_zone: local`: the federal request, the 287(g) models), its authorities included, for its version, look-backs and hold clocks; default: the scenario's written offset")]
    public string? TimeZone { get; init; }

    /// <summary>The request from a JSON body, or from a YAML body (the scenario) and the query string.</summary>
    public static EvaluateRequest Read(RequestBody.Kind kind, string body, IQueryCollection query)
    {
        var fields = kind == RequestBody.Kind.Json
            ? RequestFields.OfJson(RequestBody.ReadObject(body), Keys)
            : RequestFields.OfQuery(query, [.. Keys.Where(k => k is not "scenario" and not "policy")]);
        return new EvaluateRequest
        {
            Scenario = kind == RequestBody.Kind.Json
                ? fields.Text("scenario") ?? throw RequestBody.Fail(Model.Diagnostics.DiagnosticCodes.Field, "scenario", "required: the scenario as YAML or JSON text")
                : body,
            Policies = fields.Texts("policies"),
            Policy = kind == RequestBody.Kind.Json ? fields.Text("policy") : null,
            At = fields.Text("at"),
            Explain = fields.Flag("explain"),
            WhatFlips = fields.Flag("what_flips"),
            TimeZone = fields.Text("timezone"),
        };
    }
}
