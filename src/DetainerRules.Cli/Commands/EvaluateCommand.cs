using System.CommandLine;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer evaluate</c>: what a policy decides for each arrest scenario.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Option<string>("--policy", "-p")
        {
            Description = "Policy id (e.g. lvmpd-2023) or path to a policy file",
            Required = true,
        };
        var format = CommonOptions.Format("text", "json");
        var rules = CommonOptions.RulesDirectory();
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario files (YAML or JSON) or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("evaluate", "Decide each scenario under a policy: the decisions, the rules and sources behind them, and the outcome")
        {
            policy, format, rules, scenarios,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(policy),
            parse.GetRequiredValue(format),
            parse.GetValue(rules),
            parse.GetRequiredValue(scenarios)));
        return command;
    }

    private static int Run(CliContext context, string policyName, string format, string? rulesDirectory, string[] arguments)
    {
        CompiledPolicy compiled;
        try
        {
            var catalog = context.Catalog(rulesDirectory is null ? null : context.Resolve(rulesDirectory));
            var asPath = context.Resolve(policyName);
            var path = File.Exists(asPath) ? asPath : catalog.Resolve(policyName);
            compiled = PolicyCompiler.Compile(PolicyLoader.LoadFile(path));
        }
        catch (InvalidInputException e)
        {
            return context.Fail(e);
        }

        var exit = ExitCodes.Success;
        var first = true;
        foreach (var file in ScenarioFiles.Expand(arguments, context))
        {
            try
            {
                var scenario = ScenarioLoader.Load(ReadScenario(context, file), file, Path.GetFileNameWithoutExtension(file));
                var verdict = compiled.Evaluate(scenario);
                if (!first && format == "text")
                {
                    context.Output.WriteLine(new string('-', 72));
                }

                first = false;
                if (format == "json")
                {
                    context.Output.WriteLine(JsonReport.ToJson(verdict));
                }
                else
                {
                    TextReport.Write(context.Output, verdict);
                }
            }
            catch (InvalidInputException e)
            {
                exit = context.Fail(e);
            }
            catch (EvaluationException e)
            {
                context.Error.WriteLine($"{file}: error: {e.Message}");
                exit = ExitCodes.InvalidInput;
            }
        }

        return exit;
    }

    private static string ReadScenario(CliContext context, string file)
    {
        var path = context.Resolve(file);
        if (!File.Exists(path))
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, 0, 0), PolicyDiagnosticCodes.File, string.Empty,
                Directory.Exists(path) ? "is a directory with no scenario files" : "file not found")]);
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, 0, 0), PolicyDiagnosticCodes.File, string.Empty, "cannot read file: " + e.Message)]);
        }
    }
}
