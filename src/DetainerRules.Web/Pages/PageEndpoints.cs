using DetainerRules.Reports;
using DetainerRules.Web.Api;

namespace DetainerRules.Web.Pages;

/// <summary>The pages: <c>GET /</c> (also <c>/catalog</c>), <c>GET /policies/{id}</c> and <c>GET /evaluate</c> (with its YAML, <c>/evaluate.yaml</c>), and their stylesheet; left out of the OpenAPI document, which describes the JSON API.</summary>
public static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        IResult Catalog()
        {
            var (policies, problems) = CatalogLookup.LoadAll(lookup.Open());
            return CatalogPage.Render(policies, problems);
        }

        routes.MapGet("/", Catalog).ExcludeFromDescription();
        routes.MapGet("/catalog", Catalog).ExcludeFromDescription();

        // An unknown id is 404 and a path-like one 400, as problem details: the same lookup and answer as /v1/policies/{id}.
        routes.MapGet("/policies/{id}", (string id) =>
        {
            var catalog = lookup.Open();
            var policy = CatalogLookup.Load(catalog, id, "id");
            return PolicyPage.Render(policy, PolicyCatalogJson.VersionsOf(policy, CatalogLookup.LoadAll(catalog).Policies));
        }).ExcludeFromDescription();

        // The form is a GET: the booking is the query string. Opened without one, the form is shown empty with one policy chosen.
        routes.MapGet(EvaluatePage.Path, (HttpRequest request) =>
        {
            var catalog = lookup.Open();
            var options = PolicyOptions.Of(CatalogLookup.LoadAll(catalog).Policies);
            var form = BookingForm.Read(request.Query);
            if (!form.Submitted && form.Policies.Count == 0)
            {
                form = form.WithPolicies(options.Default);
            }

            return EvaluatePage.Render(form, options, form.Submitted ? BookingEvaluation.Of(catalog, form) : null);
        }).ExcludeFromDescription();

        // The same booking as a scenario file; one the loader refuses is a 400 with its diagnostics, as from POST /v1/validate's checks.
        routes.MapGet(EvaluatePage.YamlPath, (HttpRequest request) =>
        {
            var form = BookingForm.Read(request.Query);
            BookingEvaluation.Load(form);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(form.ToYaml()), "application/yaml; charset=utf-8", "scenario.yaml");
        }).ExcludeFromDescription();

        // The pages have no icon: a browser asks for one on every page anyway, and a 404 would be logged in its console each time.
        routes.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
        routes.MapGet(Stylesheet.Path, () => Results.Text(Stylesheet.Text, "text/css; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet(EvaluateScript.Path, () => Results.Text(EvaluateScript.Text, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }
}
