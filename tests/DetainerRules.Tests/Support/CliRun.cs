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
}
