using DetainerRules.Reports;
using DetainerRules.Web.Api;

namespace DetainerRules.Web.Pages;

/// <summary>The pages: <c>GET /</c> (also <c>/catalog</c>) and <c>GET /policies/{id}</c>, and their stylesheet; left out of the OpenAPI document, which describes the JSON API.</summary>
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

        routes.MapGet(Stylesheet.Path, () => Results.Text(Stylesheet.Text, "text/css; charset=utf-8")).ExcludeFromDescription();
    }
}
