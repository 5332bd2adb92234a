using System.ComponentModel;
using System.Text.Json.Serialization;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Api;

/// <summary>What <c>POST /v1/validate</c> takes as JSON; with a YAML body, the body is the text and <c>strict</c> comes from the query string.</summary>
public sealed class ValidateRequest
{
    public static readonly IReadOnlyList<string> Keys = ["text", "strict"];

    [JsonPropertyName("text")]
    [Description("A policy or a scenario, as YAML or JSON text; which one is told from its keys")]
    public required string Text { get; init; }

    [JsonPropertyName("strict")]
    [Description("Also warn about decisions a policy leaves unknown in every case, and rules not verified in the provision's own text")]
    public bool Strict { get; init; }

    public static ValidateRequest Read(RequestBody.Kind kind, string body, IQueryCollection query)
    {
        if (kind == RequestBody.Kind.Yaml)
        {
            return new ValidateRequest { Text = body, Strict = RequestFields.OfQuery(query, ["strict"]).Flag("strict") };
        }

        var fields = RequestFields.OfJson(RequestBody.ReadObject(body), Keys);
        return new ValidateRequest
        {
            Text = fields.Text("text") ?? throw RequestBody.Fail(Model.Diagnostics.DiagnosticCodes.Field, "text", "required: a policy or scenario as YAML or JSON text"),
            Strict = fields.Flag("strict"),
        };
    }
}
