using DetainerRules.Analysis.Checks;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary><c>POST /v1/validate</c>: a policy or scenario text checked as <c>detainer validate --format json</c> checks a file, every finding with its line and column.</summary>
/// <remarks>The findings are the answer (200), errors or not; a request that cannot be read is a problem (4xx).</remarks>
public static class ValidateEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        routes.MapPost("/v1/validate", async (HttpContext http) =>
        {
            var kind = RequestBody.KindOf(http.Request);
            var body = await RequestBody.ReadText(http.Request, http.RequestAborted);
            var request = ValidateRequest.Read(kind, body, http.Request.Query);
            return JsonAnswer.Of(FindingsJson.ToJson(Findings(lookup.Open(), request.Text, request.Strict), 1));
        })
        .WithName("Validate")
        .WithSummary("Check a policy or scenario text: the findings of `detainer validate --format json`, each with line, column, code and field")
        .Accepts<ValidateRequest>("application/json", "application/yaml")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The findings this endpoint answers for <paramref name="text"/>: <see cref="Check"/>'s, each file named by the request's field, none twice; the Draft page lists the same.</summary>
    public static IReadOnlyList<Diagnostic> Findings(PolicyCatalog catalog, string text, bool strict) =>
        [.. Check(catalog, text, strict).Select(RequestTexts.Shown).DistinctBy(f => f.ToString())];

    /// <summary>What the command line finds in a file of the same text: a policy loaded, compiled and checked for rules that never fire or conflict; a scenario loaded.</summary>
    /// <remarks>The command line's checks (<see cref="Validation"/>), on a text: what the Draft page shows as it is typed, too.</remarks>
    public static IReadOnlyList<Diagnostic> Check(PolicyCatalog catalog, string text, bool strict) => Validation.Run(RequestTexts.Text, () =>
    {
        switch (InputKind.Detect(text, RequestTexts.Text))
        {
            case FileKind.Policy:
                return Validation.Policy(DetachedPolicy.Parse(catalog, text, RequestTexts.Text), catalog.Authority, strict);
            case FileKind.Scenario:
                ScenarioLoader.Load(text, RequestTexts.Text, RequestTexts.Text);
                return [];
            default:
                // Expectation and questions files name other files, which a request may not.
                return [Diagnostic.Error(new SourceSpan(RequestTexts.Text, 1, 1), DiagnosticCodes.UnknownKind, string.Empty,
                    "cannot tell what this text is: a policy has `rules` and `defaults`, a scenario `booked_at` and `charges`")];
        }
    });
}
