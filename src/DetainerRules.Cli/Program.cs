using DetainerRules.Cli.Files;

namespace DetainerRules.Cli;

internal static class Program
{
    /// <summary>The build's own step, not a command: the CLI's project runs it on the catalog it ships (<see cref="Yaml.CatalogIndex"/>).</summary>
    internal const string WriteCatalogIndex = "--write-catalog-index";

    private static int Main(string[] args)
    {
        if (args is [WriteCatalogIndex, var folder])
        {
            Console.Out.WriteLine($"{Yaml.CatalogIndex.FileName}: {Yaml.CatalogIndex.Write(folder)} policy files indexed in {folder}");
            return 0;
        }

        // First, before anything reads it (DynamicCode says why).
        if (!DynamicCode.IsNeeded(args))
        {
            AppContext.SetSwitch(DynamicCode.Switch, false);
        }

        return DetainerCli.Run(args, StandardOutput.CreateWriter(), Console.Error, Environment.CurrentDirectory, !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable(Yaml.CatalogSearchPath.Variable));
    }
}
