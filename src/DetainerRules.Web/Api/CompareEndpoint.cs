using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary><c>POST /v1/compare</c>: where two or more policies answer differently, the JSON <c>detainer compare --format json</c> prints, with its <c>agree</c> flag.</summary>
/// <remarks>
/// 200 whether the policies differ or not (the command line's exit 3 is <c>"agree": false</c> here).
/// The comparison is <see cref="ComparisonRun"/>, the command's own, on the delegate twin as the
/// command's default engine; the policies are picked as the command picks them, all as of one day.
/// </remarks>
public static class CompareEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        routes.MapPost("/v1/compare", async (HttpContext http) =>
        {
            if (RequestBody.KindOf(http.Request) != RequestBody.Kind.Json)
            {
                throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                    $"Content-Type `{http.Request.ContentType}` is not accepted: send `application/json` (the request's fields)");
            }

            var body = await RequestBody.ReadText(http.Request, http.RequestAborted);
            return JsonAnswer.Of(ComparisonJson.ToJson(Compare(lookup.Current(), CompareRequest.Read(body))));
        })
        .WithName("Compare")
        .WithSummary("Where policies answer differently, over the scenario space or given scenarios: the JSON of `detainer compare --format json` (200 whether or not they agree; see `agree`)")
        .Accepts<CompareRequest>("application/json")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The comparison <paramref name="request"/> asks for.</summary>
    /// <exception cref="ProblemException">The request asks for something that cannot be given.</exception>
    /// <exception cref="InvalidInputException">A scenario or a policy has problems.</exception>
    /// <exception cref="SpaceTooLargeException">The space is too large to walk (422, the command line's message).</exception>
    public static PolicyComparison Compare(CatalogSnapshot catalog, CompareRequest request)
    {
        var at = EvaluateEndpoint.Day(request.At);
        var bookings = EvaluateEndpoint.Bookings(request.TimeZone);
        var count = request.Policies.Count + request.InlinePolicies.Count;
        if (count < 2)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "policies", "name two or more policies: `policies` (catalog ids or families) and `inline_policies` (policy texts)");
        }

        if (count > RequestLimits.MaxPolicies)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "policies", $"{count} policies named; the limit is {RequestLimits.MaxPolicies} a request");
        }

        if (request.Space == request.Scenarios.Count > 0)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "space", "give either `space: true` or `scenarios` (a list of scenario texts)");
        }

        if (request.Summary && !request.Space)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "summary", "`summary` counts the cases of the space: give it with `space: true` (scenarios are compared in full)");
        }

        var subjects = Subjects(request.Decisions);
        var filter = Filter(request.WhereClauses());
        var loaded = new List<Policy>();
        for (var i = 0; i < request.InlinePolicies.Count; i++)
        {
            var name = request.InlinePolicies[i].Name ?? $"inline-{i + 1}";
            if (!PolicyIds.IsId(name))
            {
                throw RequestBody.Fail(DiagnosticCodes.Field, $"inline_policies[{i}].name", $"`{name}` is not a name: lowercase letters, digits and dashes");
            }

            loaded.Add(DetachedPolicy.Parse(catalog.Catalog, request.InlinePolicies[i].Text, name));
        }

        for (var i = 0; i < request.Policies.Count; i++)
        {
            loaded.Add(Version(catalog.Choose(request.Policies[i], $"policies[{i}]"), request.Policies[i], at));
        }

        // All as of one day, as PolicySelection.Pick judges them for the command: the date asked, else the day the space is booked on.
        var day = at ?? BookingDay.For(loaded).Day;
        var policies = loaded.Select(p => (IPolicyEvaluator)catalog.Twin(p, day, bookings)).Select(p => (p.Policy.Id, p)).ToList();
        var scenarios = request.Scenarios.Count == 0 ? null : Scenarios(request.Scenarios);
        try
        {
            return ComparisonRun.Of(policies, subjects, filter, at, scenarios, request.Summary);
        }
        catch (SpaceFilterException e)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "where", e.Message);
        }
    }

    /// <summary>The policy a name stands for, as the command line picks it: a family needs <c>at</c>.</summary>
    private static Policy Version(PolicyChoice choice, string name, DateOnly? at) =>
        choice.OnDayOrUndated(at)
        ?? throw RequestBody.Fail(DiagnosticCodes.Field, "at", $"`{name}` is a policy family: name a version, or give `at` (YYYY-MM-DD) to pick the one in force that day");

    private static IReadOnlyList<Subject> Subjects(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (!Subject.All.Any(s => s.Name == names[i]))
            {
                throw RequestBody.Fail(DiagnosticCodes.Field, $"decisions[{i}]",
                    $"unknown decision `{names[i]}`; expected one of {string.Join(", ", Subject.All.Select(s => $"`{s.Name}`"))}");
            }
        }

        return names.Count == 0 ? Subject.All : [.. Subject.All.Where(s => names.Contains(s.Name))];
    }

    private static SpaceFilter Filter(IReadOnlyList<string> clauses)
    {
        try
        {
            return SpaceFilter.Parse(clauses);
        }
        catch (SpaceFilterException e)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "where", e.Message);
        }
    }

    /// <summary>Every scenario text loaded, each named by its place in the list; all their problems at once, as the command line lists a folder's.</summary>
    private static List<Scenario> Scenarios(IReadOnlyList<string> texts)
    {
        var scenarios = new List<Scenario>();
        var problems = new List<Diagnostic>();
        for (var i = 0; i < texts.Count; i++)
        {
            try
            {
                scenarios.Add(ScenarioLoader.Load(texts[i], $"scenarios[{i}]", $"scenario-{i + 1}"));
            }
            catch (InvalidInputException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : scenarios;
    }
}
