using DetainerRules.Cli;
using DetainerRules.Web;
using DetainerRules.Web.Tests;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.Builder;

namespace DetainerRules.Browser.Tests;

/// <summary>The real workbench, Kestrel on 127.0.0.1 at a port the system picks, over a temporary rules folder of fixture policies written for the tests; and the command line run on the same folder.</summary>
internal sealed class ServedWorkbench : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedWorkbench(string folder, WebApplication app, StringWriter error, string address)
    {
        Folder = folder;
        _app = app;
        Error = error;
        Address = address;
    }

    /// <summary>The temporary folder: <c>rules/</c> and <c>tests/expectations/</c>, as a repository lays them out.</summary>
    public string Folder { get; }

    public string Rules => Path.Combine(Folder, "rules");

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; }

    /// <summary>What the server said on its error stream (defects only).</summary>
    public StringWriter Error { get; }

    /// <summary>The fixture policies of the web tests (<see cref="FixturePolicies"/>, <see cref="PageFixtures"/>), the charge-deciding one, and the flagged ones (<see cref="FlaggedFixtures"/>).</summary>
    public static async Task<ServedWorkbench> Start()
    {
        var folder = Directory.CreateTempSubdirectory("detainer-browser-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(folder, "rules")).FullName;
        var expectations = Directory.CreateDirectory(Path.Combine(folder, "tests", "expectations")).FullName;
        IEnumerable<(string Id, string Text)> policies =
        [
            .. FixturePolicies.All,
            .. PageFixtures.All,
            ("charging", FixturePolicies.Charging),
            ("flagged", FlaggedFixtures.Flagged),
            ("bad-rule-id", FlaggedFixtures.BadRuleId),
        ];
        foreach (var (id, text) in policies)
        {
            await File.WriteAllTextAsync(Path.Combine(rules, id + ".yaml"), text);
        }

        await File.WriteAllTextAsync(Path.Combine(expectations, "flagged.yaml"), FlaggedFixtures.FlaggedExpectations);

        var error = new StringWriter();
        var options = new WorkbenchOptions { Port = 0, SearchPath = CatalogSearchPath.Of([rules]), Error = error };
        var app = Workbench.Create(options);
        await app.StartAsync();
        var address = Workbench.Addresses(app).Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new ServedWorkbench(folder, app, error, address);
    }

    /// <summary>The absolute URL of <paramref name="path"/>.</summary>
    public string Url(string path) => Address + path;

    /// <summary>The command line, in process, in the fixture folder, its policies looked up in <see cref="Rules"/> first.</summary>
    public (int Exit, string Out, string Err) Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run([.. args, "--rules", Rules], output, error, Folder);
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
