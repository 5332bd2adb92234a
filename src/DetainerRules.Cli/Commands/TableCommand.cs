using System.CommandLine;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Questions;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer table</c>: every policy's answer to a list of questions, side by side, as Markdown.</summary>
internal static class TableCommand
{
    public static Command Create(CliContext context)
    {
        var questions = new Option<string>("--questions")
        {
            Description = "YAML file of questions, each answered by one decision on one scenario",
            Required = true,
        };
        var policies = new Option<string[]>("--policy", "-p")
        {
            Description = "Policies to compare (default: every policy in the catalog)",
            AllowMultipleArgumentsPerToken = true,
        };
        var rules = CommonOptions.RulesDirectory();
        var update = new Option<string?>("--update")
        {
            Description = "Instead of printing, replace the table between the `<!-- begin: detainer table` and `<!-- end: detainer table -->` lines of this Markdown file",
        };
        var command = new Command("table", "Print a Markdown table of policies' answers to the same questions") { questions, policies, rules, update };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(questions), parse.GetValue(policies) ?? [], parse.GetValue(rules), parse.GetValue(update)));
        return command;
    }

    private static int Run(CliContext context, string questionsFile, string[] policyNames, string? rulesDirectory, string? update)
    {
        try
        {
            var catalog = context.Catalog(rulesDirectory is null ? null : context.Resolve(rulesDirectory));
            var ids = policyNames.Length > 0 ? policyNames : catalog.Ids();
            var compiled = ids.Select(id => PolicyCompiler.Compile(PolicyLoader.LoadFile(catalog.Resolve(id)), PolicyLoader.LoadBeside)).ToList();
            var questions = QuestionLoader.LoadFile(context.Resolve(questionsFile));
            var scenarios = questions.Select(q => q.ScenarioPath).Distinct().ToDictionary(p => p, p => ScenarioLoader.LoadFile(p));
            var rows = questions.Select(q =>
            {
                var scenario = scenarios[q.ScenarioPath];
                return (q.Ask, scenario.Id, q.Decision, (IReadOnlyList<Model.Decisions.Verdict>)[.. compiled.Select(c => c.Evaluate(scenario))]);
            });
            var table = QuestionTable.Markdown([.. compiled.Select(c => c.Policy.Id)], rows);
            if (update is null)
            {
                context.Output.Write(table);
                return ExitCodes.Success;
            }

            return GeneratedBlock.Replace(context, update, "detainer table", table);
        }
        catch (InvalidInputException e)
        {
            return context.Fail(e);
        }
        catch (EvaluationException e)
        {
            context.Error.WriteLine("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
    }
}
