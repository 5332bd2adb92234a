using DetainerRules.Web.Api;
using DetainerRules.Web.Http;
using DetainerRules.Web.Pages;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DetainerRules.Web;

/// <summary>The analyst's workbench: the web app <c>detainer serve</c> runs, built from <see cref="WorkbenchOptions"/> alone.</summary>
/// <remarks>
/// Built on the empty host, so nothing in the environment (<c>ASPNETCORE_URLS</c>, an
/// <c>appsettings.json</c> in the working folder) can change where it listens or what it does,
/// and nothing is logged but what <see cref="WorkbenchOptions.Error"/> is told: request paths and
/// texts are untrusted and never reach the terminal unescaped.
/// </remarks>
public static class Workbench
{
    /// <param name="configure">For tests: runs last on the builder (e.g. to serve in process).</param>
    public static WebApplication Create(WorkbenchOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(Workbench).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.MaxRequestLine;
            kestrel.Listen(options.Host, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddOpenApi();

        // One lookup for the app's life, shared by every request; the container closes its watch when the app stops.
        builder.Services.AddSingleton(_ => new CatalogLookup(options.SearchPath));

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseProblems(options.Error);

        // What routing answers by itself (no such path, a method or body type an endpoint does not take) gets problem details too.
        app.UseStatusCodePages(status => Problems.Write(status.HttpContext, Problems.OfStatus(status.HttpContext)));
        if (options.IsLoopback)
        {
            app.UseLoopbackHostCheck();
        }

        app.UseRouting();

        var lookup = app.Services.GetRequiredService<CatalogLookup>();
        PolicyEndpoints.Map(app, lookup);
        EvaluateEndpoint.Map(app, lookup);
        ValidateEndpoint.Map(app, lookup);
        CompareEndpoint.Map(app, lookup);
        PageEndpoints.Map(app, lookup);
        app.MapOpenApi();
        return app;
    }

    /// <summary>The addresses the started app listens on, e.g. <c>http://127.0.0.1:5080</c>; with port 0, the port the system gave.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
