using System.CommandLine;
using DetainerRules.Cli.Commands;

namespace DetainerRules.Cli;

/// <summary>Builds the command tree and runs it; tests call this with their own writers.</summary>
public static class DetainerCli
{
    /// <summary>Every command, by the name it is given on the command line, in the order help lists them.</summary>
    internal static IReadOnlyList<(string Name, Func<CliContext, Command> Create)> Commands => Table;

    /// <remarks>
    /// An array, read with loops: queries and read-only lists over its tuples were compiled at every start (about twenty
    /// methods), because ReadyToRun cannot hold the framework's generic code instantiated over them.
    /// </remarks>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Table =
    [
        ("evaluate", EvaluateCommand.Create),
        ("list", ListCommand.Create),
        ("table", TableCommand.Create),
        ("codes", CodesCommand.Create),
        ("coverage", CoverageCommand.Create),
        ("show", ShowCommand.Create),
        ("compare", CompareCommand.Create),
        ("space", SpaceCommand.Create),
        ("test", TestCommand.Create),
        ("validate", ValidateCommand.Create),
        ("schema", SchemaCommand.Create),
        ("graph", GraphCommand.Create),
        ("batch", BatchCommand.Create),
        ("generate", GenerateCommand.Create),
        ("serve", ServeCommand.Create),
        ("agencies", AgenciesCommand.Create),
    ];

    public static RootCommand CreateRootCommand(CliContext context) => Root(context, Table);

    /// <summary>
    /// The command tree for <paramref name="args"/>: when the first word names a command, the root with that command
    /// alone, for what else the tree holds is never reached (a command's own help, errors and options are its own);
    /// otherwise, with every command (help, a mistyped name, a directive).
    /// </summary>
    /// <remarks>Building every command was most of a cold start's time before its command began (about 80 ms on a loaded machine): each builds its options, some from tables of the model (decision names, schema formats) that the command run may never need.</remarks>
    internal static RootCommand CreateRootCommand(CliContext context, string[] args)
    {
        // The one command of that name; -1 for none, -2 for more than one (which a test rules out).
        var named = -1;
        for (var i = 0; args.Length > 0 && i < Table.Length; i++)
        {
            if (Table[i].Name == args[0])
            {
                named = named == -1 ? i : -2;
            }
        }

        return named >= 0 ? Root(context, [Table[named]]) : CreateRootCommand(context);
    }

    private static RootCommand Root(CliContext context, (string Name, Func<CliContext, Command> Create)[] commands)
    {
        var root = new RootCommand("Evaluate arrest scenarios against executable ICE-detainer policies.");
        foreach (var (_, create) in commands)
        {
            root.Subcommands.Add(create(context));
        }

        return root;
    }

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

        var parse = CreateRootCommand(context, args).Parse(args);
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
