using DetainerRules.Reports;
using DetainerRules.Web.Api;

namespace DetainerRules.Web.Pages;

/// <summary>The pages: <c>GET /</c> (also <c>/catalog</c>), <c>GET /policies/{id}</c>, <c>GET /evaluate</c> (with its YAML, <c>/evaluate.yaml</c>), <c>/draft</c> (with <c>POST /draft.yaml</c>) and <c>GET /compare</c>, and their stylesheet and scripts; left out of the OpenAPI document, which describes the JSON API.</summary>
public static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        IResult Catalog()
        {
            var (policies, problems) = lookup.Current().All;
            return CatalogPage.Render(policies, problems);
        }

        routes.MapGet("/", Catalog).ExcludeFromDescription();
        routes.MapGet("/catalog", Catalog).ExcludeFromDescription();

        // An unknown id is 404 and a path-like one 400, as problem details: the same lookup and answer as /v1/policies/{id}.
        routes.MapGet("/policies/{id}", (string id) =>
        {
            var catalog = lookup.Current();
            var policy = CatalogLookup.Load(catalog.Catalog, id, "id");
            return PolicyPage.Render(policy, PolicyCatalogJson.VersionsOf(policy, catalog.All.Policies), catalog.CasesOf(policy));
        }).ExcludeFromDescription();

        // The form is a GET: the booking is the query string. Opened without one, the form is shown empty with one policy chosen.
        // A row beyond the form's bound is a 400 page that says so.
        routes.MapGet(EvaluatePage.Path, (HttpRequest request) => ProblemPage.Or(() =>
        {
            var catalog = lookup.Current();
            var options = PolicyOptions.Of(catalog.All.Policies);
            var form = BookingForm.Read(request.Query);
            if (!form.Submitted && form.Policies.Count == 0)
            {
                form = form.WithPolicies(options.Default);
            }

            return Task.FromResult(EvaluatePage.Render(form, options, form.Submitted ? BookingEvaluation.Of(catalog, form) : null));
        }, (EvaluatePage.Path, "the Evaluate page"))).ExcludeFromDescription();

        // The same booking as a scenario file; one the loader refuses is a 400 with its diagnostics, as from POST /v1/validate's checks.
        // A time zone is no field of a scenario file: it is named in a comment, with the --timezone that gives the page's answers; one the API refuses is its 400.
        routes.MapGet(EvaluatePage.YamlPath, (HttpRequest request) =>
        {
            var form = BookingForm.Read(request.Query);
            var bookings = TimeZoneInput.Read(form.TimeZone);
            BookingEvaluation.Load(form);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(form.ToYaml(bookings)), "application/yaml; charset=utf-8", "scenario.yaml");
        }).ExcludeFromDescription();

        // The Draft page: opened on a catalog policy's text (by id only, never a path), a draft sent as a form checked and compared with it.
        (string Path, string Name) draft = (DraftPage.Path, "the Draft page");
        routes.MapGet(DraftPage.Path, (HttpRequest request) => ProblemPage.Or(() =>
        {
            var catalog = lookup.Current();
            var options = PolicyOptions.Of(catalog.All.Policies);
            var baseId = request.Query["base"].FirstOrDefault() is { Length: > 0 } id ? id : null;
            var text = baseId is null ? string.Empty : DraftReview.Normalize(Yaml.InputFile.Read(CatalogLookup.FileOf(catalog.Catalog, baseId, "base"), baseId + ".yaml"));
            var zone = TimeZoneInput.Typed(request.Query[TimeZoneInput.Name].FirstOrDefault());
            TimeZoneInput.TryRead(zone, out _, out var refused);
            return Task.FromResult(DraftPage.Render(options, baseId, text, zone, null, refused));
        }, draft)).ExcludeFromDescription();

        // The zone is read before the draft is checked: one the reader refuses is the page's 400, the draft kept in its field.
        routes.MapPost(DraftPage.Path, (HttpRequest request) => ProblemPage.Or(async () =>
        {
            var (text, baseId, zone) = await DraftForm.Read(request);
            var catalog = lookup.Current();
            var options = PolicyOptions.Of(catalog.All.Policies);
            return TimeZoneInput.TryRead(zone, out var bookings, out var refused)
                ? DraftPage.Render(options, baseId, text, zone, DraftReview.Of(catalog, text, baseId, bookings))
                : DraftPage.Render(options, baseId, text, zone, null, refused);
        }, draft)).ExcludeFromDescription();

        // The draft as a file, named by its id when it gives one; its text as sent (line ends as a file has them), nothing checked.
        routes.MapPost(DraftPage.YamlPath, (HttpRequest request) => ProblemPage.Or(async () =>
        {
            var (text, _, _) = await DraftForm.Read(request);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", DraftForm.FileName(text));
        }, draft)).ExcludeFromDescription();

        routes.MapGet(ComparePage.Path, (HttpRequest request) => ComparePage.Render(lookup.Current(), request.Query)).ExcludeFromDescription();

        // The pages have no icon: a browser asks for one on every page anyway, and a 404 would be logged in its console each time.
        routes.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
        routes.MapGet(Stylesheet.Path, () => Results.Text(Stylesheet.Text, "text/css; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet(EvaluateScript.Path, () => Results.Text(EvaluateScript.Text, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet(DraftScript.Path, () => Results.Text(DraftScript.Text, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }
}
