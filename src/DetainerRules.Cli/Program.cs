using DetainerRules.Cli.Files;

namespace DetainerRules.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        DetainerCli.Run(args, StandardOutput.CreateWriter(), Console.Error, Environment.CurrentDirectory, !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable(Yaml.CatalogSearchPath.Variable));
}
