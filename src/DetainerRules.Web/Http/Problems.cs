using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using Microsoft.AspNetCore.WebUtilities;

namespace DetainerRules.Web.Http;

/// <summary>The one mapping from what went wrong in a request to its status and problem details (RFC 9457), as <c>Failures</c> is for the command line.</summary>
/// <remarks>
/// The body is <c>application/problem+json</c>: <c>type</c> <c>about:blank</c> (the status says
/// what kind of problem it is), <c>title</c> the status phrase, <c>status</c>, <c>detail</c> one
/// line, and <c>diagnostics</c>: every problem in the request's texts with the file, line, column,
/// code, field and message the command line prints. Never a stack trace.
/// </remarks>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The status and problem for <paramref name="e"/>; null for an exception that is a defect, not the request's fault.</summary>
    public static ProblemException? Of(Exception e) => e switch
    {
        ProblemException p => p,
        InvalidInputException input => new ProblemException(StatusCodes.Status400BadRequest, Summary(input), input.Diagnostics),
        EvaluationException or SpaceTooLargeException => new ProblemException(StatusCodes.Status422UnprocessableEntity, e.Message),
        BadHttpRequestException bad => new ProblemException(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? $"the request body is larger than the limit of {RequestLimits.MaxBodyBytes} bytes"
            : bad.Message),
        _ => null,
    };

    /// <summary>The problem for a response routing ended without a body (404, 405, 415).</summary>
    public static ProblemException OfStatus(HttpContext http) => new(http.Response.StatusCode, http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"no such endpoint: {http.Request.Path}; the API is under /v1/, described at /openapi/v1.json",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not a method {http.Request.Path} takes",
        StatusCodes.Status415UnsupportedMediaType => RequestBody.Unsupported(http.Request.ContentType),
        var status => ReasonPhrases.GetReasonPhrase(status),
    });

    /// <summary>Writes <paramref name="problem"/> as the response.</summary>
    public static Task Write(HttpContext http, ProblemException problem)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = ContentType;
        return http.Response.WriteAsync(ToJson(problem) + "\n");
    }

    /// <summary>The problem details document for <paramref name="problem"/>.</summary>
    public static string ToJson(ProblemException problem) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "about:blank");
        w.WriteString("title", ReasonPhrases.GetReasonPhrase(problem.Status));
        w.WriteNumber("status", problem.Status);
        w.WriteString("detail", problem.Message);
        w.WriteStartArray("diagnostics");
        foreach (var d in problem.Diagnostics)
        {
            FindingsJson.WriteFinding(w, RequestTexts.Shown(d));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Summary(InvalidInputException e) => e.Diagnostics.Count switch
    {
        0 => e.Message,
        1 => RequestTexts.Shown(e.Diagnostics[0]).ToString(),
        var n => $"{RequestTexts.Shown(e.Diagnostics[0])} (and {n - 1} more problems)",
    };
}
