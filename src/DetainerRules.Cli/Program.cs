using DetainerRules.Cli.Files;

namespace DetainerRules.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // First, before anything reads it (DynamicCode says why).
        if (!DynamicCode.IsNeeded(args))
        {
            AppContext.SetSwitch(DynamicCode.Switch, false);
        }

        return DetainerCli.Run(args, StandardOutput.CreateWriter(), Console.Error, Environment.CurrentDirectory, !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable(Yaml.CatalogSearchPath.Variable));
    }
}
