using DetainerRules.Web.Http;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DetainerRules.Web.Pages;

/// <summary>The Draft page's form as a browser sends it: <c>text</c>, <c>base</c> and <c>timezone</c>, URL-encoded, read within the request limits as any request body is.</summary>
public static class DraftForm
{
    /// <summary>The draft's text (line ends as a textarea's value has them), the base's id (null when none is chosen) and the time zone as typed (<see cref="TimeZoneInput.Typed"/>: null when empty).</summary>
    /// <exception cref="ProblemException">413: the body is larger than the limit; 415: not a form; 400: not UTF-8.</exception>
    public static async Task<(string Text, string? Base, string? TimeZone)> Read(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type `{request.ContentType}` is not accepted: the Draft page's form is sent as `application/x-www-form-urlencoded`");
        }

        // Read whole and bounded first (RequestBody's limit and 413), then parsed: the form reader's own limits are larger.
        var body = await RequestBody.ReadText(request, request.HttpContext.RequestAborted);
        var fields = new FormReader(body).ReadForm();
        var text = fields.TryGetValue("text", out var t) ? t.FirstOrDefault() ?? string.Empty : string.Empty;
        var chosen = fields.TryGetValue("base", out var b) && b.FirstOrDefault() is { Length: > 0 } id ? id : null;
        var zone = TimeZoneInput.Typed(fields.TryGetValue(TimeZoneInput.Name, out var z) ? z.FirstOrDefault() : null);
        return (DraftReview.Normalize(text), chosen, zone);
    }

    /// <summary>The download's name: the id the draft gives, when it is an id (so never a path), else <c>draft.yaml</c>.</summary>
    public static string FileName(string text) =>
        ScenarioLoader.ReadId(text, DraftReview.DraftLabel, DraftReview.DraftLabel) is { } id && PolicyIds.IsId(id) ? id + ".yaml" : "draft.yaml";
}
