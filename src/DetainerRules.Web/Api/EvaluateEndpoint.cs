using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Reports.PolicyTables;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary><c>POST /v1/evaluate</c>: one scenario under one policy (the answer <c>detainer evaluate --format json</c> prints), or under several (its table).</summary>
public static class EvaluateEndpoint
{
    /// <summary>The response header that says why an asked-for part of the answer is missing, as the command line says it on standard error.</summary>
    public const string NoteHeader = "Detainer-Note";

    public static void Map(IEndpointRouteBuilder routes, CatalogLookup lookup)
    {
        routes.MapPost("/v1/evaluate", async (HttpContext http) =>
        {
            var kind = RequestBody.KindOf(http.Request);
            var body = await RequestBody.ReadText(http.Request, http.RequestAborted);
            return Evaluate(http.Response, lookup.Current(), EvaluateRequest.Read(kind, body, http.Request.Query));
        })
        .WithName("Evaluate")
        .WithSummary("Decide a scenario under one policy (the JSON of `detainer evaluate --format json`) or several (one table, a column per policy)")
        .Accepts<EvaluateRequest>("application/json", "application/yaml")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <exception cref="ProblemException">The request asks for something that cannot be given.</exception>
    /// <exception cref="InvalidInputException">The scenario or a policy has problems.</exception>
    /// <exception cref="EvaluationException">A policy could not decide the scenario.</exception>
    public static IResult Evaluate(HttpResponse response, CatalogSnapshot catalog, EvaluateRequest request)
    {
        var at = Day(request.At);
        var bookings = Bookings(request.TimeZone);
        var names = request.Policies ?? [];
        var count = names.Count + (request.Policy is null ? 0 : 1);
        if (count == 0)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "policies", "name a policy: `policies` (catalog ids or families) or `policy` (a policy's text)");
        }

        if (count > RequestLimits.MaxPolicies)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "policies", $"{count} policies named; the limit is {RequestLimits.MaxPolicies} a request");
        }

        var scenario = ScenarioLoader.Load(request.Scenario, RequestTexts.Scenario, RequestTexts.Scenario);
        var choices = new List<(string Name, bool IsFamily, Func<Policy> Pick)>();
        if (request.Policy is { } text)
        {
            var draft = DetachedPolicy.Parse(catalog.Catalog, text, RequestTexts.Policy);
            choices.Add((draft.Id, false, () => draft));
        }

        for (var i = 0; i < names.Count; i++)
        {
            var choice = catalog.Choose(names[i], $"policies[{i}]");
            choices.Add((choice.Name, choice.IsFamily, () => at is { } day ? choice.On(day) : choice.On(scenario.BookedAt, bookings)));
        }

        if (choices.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "policies", $"`{twice.Key}` is named twice");
        }

        if (choices.Count == 1)
        {
            if (at is not null && !choices[0].IsFamily)
            {
                throw RequestBody.Fail(DiagnosticCodes.Field, "at", $"`at` picks a version within a policy family; `{choices[0].Name}` is a single policy");
            }

            return One(response, catalog, choices[0].Pick(), scenario, at, bookings, request.Explain, request.WhatFlips);
        }

        if (request.Explain || request.WhatFlips)
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, request.Explain ? "explain" : "what_flips", "`explain` and `what_flips` explain one policy's answers; name one policy");
        }

        // Each version compiled once however many columns (and requests) it answers; the delegate twin, as the command line's table uses.
        var columns = choices.Select(c => PolicyColumn.Of(c.Name, c.Pick, policy => catalog.Twin(policy, scenario.BookedAt, at, bookings).Evaluate(scenario))).ToList();
        return JsonAnswer.Of(w => PolicyTableJson.Write(w, new PolicyTable(scenario, at, columns)));
    }

    /// <summary>One policy's answer, as <c>detainer evaluate -p ID --format json</c> gives it, byte for byte.</summary>
    /// <remarks>
    /// The command line decides one scenario on the rule network; a server answering many requests
    /// decides them on the delegate twin, as batch does: the differential suites hold the two to the
    /// same verdict JSON, and the twin is several times cheaper per request.
    /// </remarks>
    private static IResult One(HttpResponse response, CatalogSnapshot catalog, Policy policy, Scenario scenario, DateOnly? at, Model.Time.JurisdictionTime? bookings, bool explain, bool whatFlips)
    {
        // The authorities that bind on the day asked about, else on the scenario's booking day, as the command line judges them.
        var twin = catalog.Twin(policy, scenario.BookedAt, at, bookings);
        var verdict = twin.Evaluate(scenario);

        // A tracer per request: it caches by condition, and each request's conditions are its own.
        var explanations = explain ? DecisionExplanation.Of(verdict, new ConditionTracer()) : null;
        Dictionary<Subject, IReadOnlyList<Flip>>? flips = null;
        if (whatFlips)
        {
            try
            {
                flips = Subject.All.ToDictionary(s => s, s => WhatFlips.For(twin, scenario, s));
            }
            catch (SpaceTooLargeException e)
            {
                // The answer stands without them, as on the command line, which says why on standard error.
                response.Headers[NoteHeader] = $"what_flips not computed: {e.Message}";
            }
        }

        return JsonAnswer.Of(w => JsonReport.Write(w, verdict, explanations, flips));
    }

    /// <summary>The <c>timezone</c> field, read as <c>--timezone</c> is (<see cref="Model.Time.JurisdictionTime.OfBookings"/>): an IANA zone, never <c>local</c>.</summary>
    internal static Model.Time.JurisdictionTime? Bookings(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var zone = Model.Time.JurisdictionTime.OfBookings(text, out var problem);
        return problem is null ? zone : throw RequestBody.Fail(DiagnosticCodes.Field, "timezone", problem);
    }

    /// <summary>The <c>at</c> field, read as <c>--at</c> is: YYYY-MM-DD within the years files may give.</summary>
    internal static DateOnly? Day(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, "at", $"`{text}` is not a date; expected YYYY-MM-DD");
        }

        return day.Year is < Yaml.Documents.InputLimits.MinYear or > Yaml.Documents.InputLimits.MaxYear
            ? throw RequestBody.Fail(DiagnosticCodes.Field, "at", $"`{text}` is out of range: years {Yaml.Documents.InputLimits.MinYear} to {Yaml.Documents.InputLimits.MaxYear} are accepted")
            : day;
    }
}
