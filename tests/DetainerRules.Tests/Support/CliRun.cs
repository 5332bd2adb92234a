using DetainerRules.Cli;

namespace DetainerRules.Tests.Support;

/// <summary>Runs the command line in-process, as a user would from <c>workingDirectory</c>, capturing both streams.</summary>
internal static class CliRun
{
    /// <param name="catalog">Look policy ids up in the repository's <c>rules/</c> (adds <c>--rules</c>).</param>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, bool catalog, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(catalog ? [.. args, "--rules", Repository.Rules] : args, output, error, workingDirectory);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs as <see cref="Run"/> does, with no catalog but the folders named by <c>--rules</c>: a fixture catalog stays the whole catalog, whatever laws the shipped one gains.</summary>
    public static (int Exit, string Out, string Err) RunIsolated(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(args, output, error, workingDirectory, shippedCatalog: Path.Combine(workingDirectory, "no-shipped-catalog"));
        return (exit, output.ToString(), error.ToString());
    }
}
