using System.Text;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace DetainerRules.Web.Tests;

/// <summary>A rules folder of fixture policies written for the tests (not catalog policies), the workbench serving it in process, and the command line run on the same folder.</summary>
internal sealed class Workbenches : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Workbenches(string folder, WebApplication app, StringWriter error)
    {
        Folder = folder;
        _app = app;
        Error = error;
        Http = app.GetTestClient();
    }

    /// <summary>The temporary folder: <c>rules/</c> with the fixture policies, <c>scenarios/</c>.</summary>
    public string Folder { get; }

    public string Rules => Path.Combine(Folder, "rules");

    public HttpClient Http { get; }

    /// <summary>The app's services (the catalog lookup, whose counters say whether its cache was used).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>What the server said on its error stream (defects only).</summary>
    public StringWriter Error { get; }

    /// <param name="extra">Policies a fixture adds to <see cref="FixturePolicies.All"/>, written before the server starts, so its catalog holds them from the first request.</param>
    public static async Task<Workbenches> Start(params (string Id, string Text)[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("detainer-web-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(folder, "rules")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "scenarios"));
        foreach (var (id, text) in FixturePolicies.All.Concat(extra))
        {
            await File.WriteAllTextAsync(Path.Combine(rules, id + ".yaml"), text);
        }

        foreach (var (id, text) in FixtureScenarios.All)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "scenarios", id + ".yaml"), text);
        }

        var error = new StringWriter();
        var options = new WorkbenchOptions { SearchPath = CatalogSearchPath.Of([rules]), Error = error };
        var app = Workbench.Create(options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new Workbenches(folder, app, error);
    }

    /// <summary>A page as the server answers it: the response, its text, and the parsed document.</summary>
    public async Task<(HttpResponseMessage Response, string Body, AngleSharp.Dom.IDocument Page)> GetPage(string path)
    {
        var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body));
    }

    /// <summary>The command line, in process, in the fixture folder, its policies looked up in <see cref="Rules"/> first.</summary>
    public (int Exit, string Out, string Err) Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run([.. args, "--rules", Rules], output, error, Folder);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<HttpResponseMessage> PostJson(string path, object body) =>
        Http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostYaml(string path, string yaml) =>
        Http.PostAsync(path, new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
