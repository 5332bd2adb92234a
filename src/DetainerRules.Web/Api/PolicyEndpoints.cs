using DetainerRules.Reports;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Api;

/// <summary><c>GET /v1/policies</c> and <c>GET /v1/policies/{id}</c>: the catalog, and one policy with its versions, sources and rules.</summary>
public static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        routes.MapGet("/v1/policies", () =>
        {
            var (policies, problems) = lookup.Current().All;
            return JsonAnswer.Of(PolicyCatalogJson.ListToJson(policies, problems));
        })
        .WithName("ListPolicies")
        .WithSummary("Every policy in the catalog: family, versions, dates, time zone, rules and answering defaults by verification level, sources; files that do not load under `problems`")
        .Produces(StatusCodes.Status200OK, contentType: "application/json");

        routes.MapGet("/v1/policies/{id}", (string id) =>
        {
            var catalog = lookup.Current();
            var policy = CatalogLookup.Load(catalog.Catalog, id, "id");
            return JsonAnswer.Of(PolicyCatalogJson.OneToJson(policy, catalog.All.Policies));
        })
        .WithName("ShowPolicy")
        .WithSummary("One policy by id (never a path): its family's versions, sources and rules")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
