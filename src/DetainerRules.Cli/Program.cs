namespace DetainerRules.Cli;

internal static class Program
{
    private static int Main(string[] args) => DetainerCli.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, !Console.IsErrorRedirected);
}
