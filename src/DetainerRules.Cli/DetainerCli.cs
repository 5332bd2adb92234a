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
            CodesCommand.Create(context),
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
            ServeCommand.Create(context),
        };

    /// <param name="rulesVariable">The value of <c>DETAINER_RULES</c> (<see cref="Yaml.CatalogSearchPath.Variable"/>); the entry point reads it, so a test's run does not depend on the environment it runs in.</param>
    /// <param name="shippedCatalog">The folder taken for the program's own catalog; by default <c>rules/</c> beside the program.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal = false, string? rulesVariable = null, string? shippedCatalog = null)
    {
        var context = new CliContext(output, error, workingDirectory)
        {
            ErrorIsTerminal = errorIsTerminal,
            RulesVariable = rulesVariable,
            ShippedCatalog = shippedCatalog ?? CliContext.ProgramsCatalog,
        };

        var parse = CreateRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                context.Error.WriteLine($"detainer: {problem.Message}");
            }

            context.Error.WriteLine("Run `detainer --help` for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            // Help is a document with its own line breaks; whatever the library writes to error is diagnostics.
            var exit = parse.Invoke(new InvocationConfiguration { Output = context.Document, Error = context.Error, EnableDefaultExceptionHandler = false });
            output.Flush();
            return exit;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var exit = Failures.Report(context, e);
            if (e is not Files.OutputException)
            {
                // What was written before the failure is still delivered; the failure's exit code stands whatever the flush meets.
                try
                {
                    output.Flush();
                }
                catch (Files.OutputException)
                {
                }
            }

            return exit;
        }
    }
}
