using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>The frame every page shares: the document head, the stylesheet and the way back to the catalog.</summary>
/// <remarks>
/// Pages are plain server-rendered HTML: no inline script or style (the Content-Security-Policy
/// allows only the server's own stylesheet, <see cref="Stylesheet.Path"/>, and scripts), nothing
/// from the network. A page works without script; the Evaluate and Draft pages' scripts only save a click.
/// </remarks>
public static class PageLayout
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>A whole page: <paramref name="body"/> writes what goes inside <c>main</c>.</summary>
    /// <param name="title">Untrusted; encoded here.</param>
    /// <param name="status">The response's status: a form sent with problems is shown again with 400.</param>
    /// <param name="script">The path of a script the server serves itself (<c>script-src 'self'</c>), for a page that works without it; never text from a request.</param>
    public static IResult Page(string title, Action<TextWriter> body, int status = StatusCodes.Status200OK, string? script = null)
    {
        using var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>{HtmlText.Encode(title)} · detainer workbench</title>");
        w.WriteLine($"<link rel=\"stylesheet\" href=\"{Stylesheet.Path}\">");
        if (script is not null)
        {
            w.WriteLine($"<script src=\"{script}\" defer></script>");
        }

        w.WriteLine("</head><body>");
        w.WriteLine($"<header class=\"site\"><a href=\"/\">detainer workbench</a> <nav aria-label=\"Pages\"><a href=\"/catalog\">Catalog</a> · <a href=\"{EvaluatePage.Path}\">Evaluate</a> · <a href=\"{DraftPage.Path}\">Draft</a> · <a href=\"{ComparePage.Path}\">Compare</a></nav></header>");
        w.WriteLine("<main>");
        body(w);
        w.WriteLine("</main>");
        w.WriteLine("<footer class=\"site\">Policy texts are the analysts' readings of their sources; each rule shows the words it rests on and how they were checked. JSON of the same: <a href=\"/v1/policies\">/v1/policies</a>.</footer>");
        w.WriteLine("</body></html>");
        return Results.Content(w.ToString(), ContentType, statusCode: status);
    }

    /// <summary>The page of a policy by id (an id matches the id pattern, but is encoded all the same).</summary>
    public static string PolicyHref(string id) => "/policies/" + Uri.EscapeDataString(id);

    /// <summary>A link to a policy's page showing its id.</summary>
    public static string PolicyLink(string id) => $"<a href=\"{HtmlText.Encode(PolicyHref(id))}\"><code>{HtmlText.Encode(id)}</code></a>";

    /// <summary>A policy's dates as a reader says them: <c>2020-01-01 to 2023-12-31</c>, <c>2024-01-01 onward (no end date)</c>.</summary>
    public static string Dates(Model.Policies.Policy p)
    {
        if (p.EffectiveFrom is null && p.EffectiveUntil is null)
        {
            return "dates not given";
        }

        var from = p.EffectiveFrom is { } f ? $"<time datetime=\"{f}\">{f}</time>" : "start not given";
        return p.EffectiveUntil is { } u ? $"{from} to <time datetime=\"{u}\">{u}</time>" : $"{from} onward";
    }

    /// <summary>A verification level as a labelled badge; its class is the vocabulary's word, never text from a file.</summary>
    public static string Level(Model.Policies.Verification level) =>
        $"<span class=\"level {Model.Vocabulary.Word(level)}\">{Model.Vocabulary.Word(level)}</span>";
}
