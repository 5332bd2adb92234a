namespace DetainerRules.Web.Http;

/// <summary>Headers on every response that keep what the server returns from being used against its user.</summary>
/// <remarks>
/// Text from policies and scenarios is untrusted, and pages show it: besides escaping it, the
/// policy lets a page load nothing but this server's own styles and scripts (no inline script, no
/// network), and no other site frame it. An API answer needs none of it, and the same header costs nothing there.
/// </remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(http);
    });
}
