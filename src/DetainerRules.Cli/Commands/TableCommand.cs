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
        var command = new Command("table", "Print a Markdown table of policies' answers to the same questions") { questions, policies, rules };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(questions), parse.GetValue(policies) ?? [], parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string questionsFile, string[] policyNames, string? rulesDirectory)
    {
        try
        {
            var catalog = context.Catalog(rulesDirectory is null ? null : context.Resolve(rulesDirectory));
            var ids = policyNames.Length > 0 ? policyNames : catalog.Ids();
            var compiled = ids.Select(id => PolicyCompiler.Compile(PolicyLoader.LoadFile(catalog.Resolve(id)))).ToList();
            var questions = QuestionLoader.LoadFile(context.Resolve(questionsFile));
            var scenarios = questions.Select(q => q.ScenarioPath).Distinct().ToDictionary(p => p, p => ScenarioLoader.LoadFile(p));
            var rows = questions.Select(q =>
            {
                var scenario = scenarios[q.ScenarioPath];
                return (q.Ask, scenario.Id, q.Decision, (IReadOnlyList<Model.Decisions.Verdict>)[.. compiled.Select(c => c.Evaluate(scenario))]);
            });
            context.Output.Write(QuestionTable.Markdown([.. compiled.Select(c => c.Policy.Id)], rows));
            return ExitCodes.Success;
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
