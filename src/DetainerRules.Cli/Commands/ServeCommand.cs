using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using DetainerRules.Web;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer serve</c>: the analyst's workbench, a local web app and HTTP API over the same catalog, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = $"Port to listen on (default {WorkbenchOptions.DefaultPort}; 0 takes any free port, printed at start)",
            DefaultValueFactory = _ => WorkbenchOptions.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError($"--port: `{result.GetValueOrDefault<int>()}` is not a port; expected 0 to 65535");
            }
        });
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: 127.0.0.1 (the default) lets only this machine connect; another address opens the workbench, unauthenticated, to whoever can reach it",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var rules = CommonOptions.Rules();
        var command = new Command("serve", "Serve the analyst's workbench: the HTTP JSON API under /v1/ (policies, evaluate, validate) and its OpenAPI document at /openapi/v1.json; Ctrl+C stops it")
        {
            port, host, rules,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(host), parse.GetValue(port), parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string host, int port, string[]? rulesFolders)
    {
        var options = new WorkbenchOptions
        {
            Host = Address(host),
            Port = port,
            SearchPath = context.Catalog(rulesFolders).SearchPath,
            Error = context.Error,
        };
        using var app = Workbench.Create(options);
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            throw new UsageException($"--port: cannot listen on {host} port {port}: {e.Message}");
        }

        foreach (var address in Workbench.Addresses(app))
        {
            context.Output.WriteLine($"Serving the workbench at {address}/ (API under /v1/, OpenAPI at /openapi/v1.json); Ctrl+C stops it");
        }

        if (!options.IsLoopback)
        {
            context.Error.WriteLine($"detainer: listening on {host}, not loopback: anyone who can reach this machine can use the workbench, without a password");
        }

        context.Output.Flush();

        // Ctrl+C and SIGTERM are how a server is stopped, not an interruption: requests under way finish, then the command succeeds.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        app.WaitForShutdown();
        context.Output.WriteLine("Stopped.");
        return ExitCodes.Success;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            app.Lifetime.StopApplication();
        }
    }

    /// <exception cref="UsageException">Not an IP address or <c>localhost</c>.</exception>
    private static IPAddress Address(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new UsageException($"--host: `{host}` is not an IP address; give e.g. 127.0.0.1 (this machine only), ::1, or 0.0.0.0 (every interface)");
}
