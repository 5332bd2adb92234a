using System.CommandLine;
using DetainerRules.Cli.Commands;

namespace DetainerRules.Cli;

/// <summary>Builds the command tree and runs it; tests call this with their own writers.</summary>
public static class DetainerCli
{
    public static RootCommand CreateRootCommand(CliContext context) =>
        new("Evaluate arrest scenarios against executable ICE-detainer policies.")
        {
            EvaluateCommand.Create(context),
            ListCommand.Create(context),
            TableCommand.Create(context),
            CoverageCommand.Create(context),
            ShowCommand.Create(context),
            CompareCommand.Create(context),
            SpaceCommand.Create(context),
            TestCommand.Create(context),
            ValidateCommand.Create(context),
            SchemaCommand.Create(context),
            GraphCommand.Create(context),
            BatchCommand.Create(context),
            GenerateCommand.Create(context),
        };

    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal = false)
    {
        var context = new CliContext(output, error, workingDirectory) { ErrorIsTerminal = errorIsTerminal };
        var parse = CreateRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"detainer: {problem.Message}");
            }

            error.WriteLine("Run `detainer --help` for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect, not the user's input: one line, no stack trace, and the way to report it.
            error.WriteLine($"detainer: internal error: {e.GetType().Name}: {e.Message} (please report it, with the command you ran)");
            return ExitCodes.InvalidInput;
        }
    }
}
