using System.CommandLine;
using DetainerRules.Cli.Files;
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
        var rules = CommonOptions.Rules();
        var update = new Option<string?>("--update")
        {
            Description = "Instead of printing, replace the table between the `<!-- begin: detainer table` and `<!-- end: detainer table -->` lines of this Markdown file",
        };
        var command = new Command("table", "Print a Markdown table of policies' answers to the same questions") { questions, policies, rules, update };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(questions), parse.GetValue(policies) ?? [], parse.GetValue(rules), parse.GetValue(update)));
        return command;
    }

    private static int Run(CliContext context, string questionsFile, string[] policyNames, string[]? rulesFolders, string? update)
    {
        var catalog = context.Catalog(rulesFolders);
        var ids = policyNames.Length > 0 ? policyNames : catalog.Ids();
        var policies = ids.Select(catalog.Load).ToList();
        var questions = QuestionLoader.LoadFile(context.Resolve(questionsFile));
        var scenarios = questions.Select(q => q.ScenarioPath).Distinct().ToDictionary(p => p, p => ReferencedScenario.Load(p, p, new Model.Diagnostics.SourceSpan(questionsFile, 0, 0)));

        // Each policy compiled once for each set of authorities in force on the questions' booking days.
        var compiled = new DatedPolicies<CompiledPolicy>(catalog, PolicyCompiler.Compose);
        Model.Decisions.Verdict Answer(Model.Policies.Policy policy, Model.Scenarios.Scenario scenario) => compiled.At(policy, scenario.BookedAt).Evaluate(scenario);

        var rows = questions.Select(q =>
        {
            var scenario = scenarios[q.ScenarioPath];
            return (q.Ask, scenario.Id, q.Decision, (IReadOnlyList<Model.Decisions.Verdict>)[.. policies.Select(p => Answer(p, scenario))]);
        });
        var table = QuestionTable.Markdown([.. policies.Select(p => p.Id)], rows);
        if (update is null)
        {
            context.Document.Write(table);
            return ExitCodes.Success;
        }

        return GeneratedBlock.Replace(context, update, "detainer table", table, [context.Resolve(questionsFile), .. questions.Select(q => q.ScenarioPath).Distinct()]);
    }
}
