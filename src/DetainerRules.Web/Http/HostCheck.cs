namespace DetainerRules.Web.Http;

/// <summary>On loopback, answers only requests addressed to this machine's own names.</summary>
/// <remarks>
/// A page on another site can make a browser send requests to 127.0.0.1; one whose name was
/// pointed at 127.0.0.1 (DNS rebinding) could read the answers too, were its name accepted as
/// the request's <c>Host</c>. Refused as problem details, like any other bad request.
/// </remarks>
public static class HostCheck
{
    public static readonly IReadOnlyList<string> LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public static IApplicationBuilder UseLoopbackHostCheck(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var host = http.Request.Host.Host;
        return LoopbackNames.Contains(host, StringComparer.OrdinalIgnoreCase) || host == "::1"
            ? next(http)
            : throw new ProblemException(StatusCodes.Status400BadRequest,
                $"the request is addressed to `{host}`, not to this machine: the workbench listens on loopback and answers only localhost, 127.0.0.1 and [::1]");
    });
}
