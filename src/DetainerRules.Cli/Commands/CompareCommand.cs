using System.CommandLine;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Cli.Files;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer compare</c>: where two or more policies answer differently, over the scenario space or over scenario files.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var policies = new Argument<string[]>("policy")
        {
            Description = "Two or more policy ids or policy files (a family name needs --at)",
            Arity = new ArgumentArity(2, 64),
        };
        var space = new Option<bool>("--space") { Description = "Compare over every case the policies can tell apart" };
        var scenarios = new Option<string[]>("--scenarios")
        {
            Description = "Compare over these scenario files or folders instead",
            AllowMultipleArgumentsPerToken = true,
        };
        var where = new Option<string[]>("--where")
        {
            Description = "Narrow the cases: FIELD=VALUE[,VALUE...] or FIELD!=VALUE[,...], e.g. charge.level=felony (repeatable)",
        };
        var decisions = new Option<string[]>("--decision")
        {
            Description = "Compare only these decisions (and `outcome`); default: all of them",
        };
        decisions.AcceptOnlyFromAmong([.. Subject.All.Select(s => s.Name)]);
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html);
        var examples = new Option<string?>("--emit-examples") { Description = "Write an example scenario file for every region into this folder" };
        var at = CommonOptions.At("For a policy family: the date (YYYY-MM-DD) whose version to compare");
        var rules = CommonOptions.Rules();
        var engine = CommonOptions.Engine();
        var command = new Command("compare", "Show where policies answer differently, decision by decision, with the regions of cases where they split; exit 3 when they differ")
        {
            policies, space, scenarios, where, decisions, format, examples, at, rules, engine,
        };
        command.Validators.Add(result =>
        {
            var hasSpace = result.GetValue(space);
            var files = result.GetValue(scenarios) ?? [];
            if (hasSpace == files.Length > 0)
            {
                result.AddError("compare: give either --space or --scenarios DIR|FILE");
            }
        });
        command.SetAction(parse => Run(context, new Request(
            parse.GetRequiredValue(policies),
            parse.GetValue(scenarios) ?? [],
            parse.GetValue(where) ?? [],
            parse.GetValue(decisions) is { Length: > 0 } names ? [.. Subject.All.Where(s => names.Contains(s.Name))] : Subject.All,
            parse.GetRequiredValue(format),
            parse.GetValue(examples),
            parse.GetValue(at),
            parse.GetValue(rules),
            parse.GetRequiredValue(engine) == "nrules")));
        return command;
    }

    private static int Run(CliContext context, Request request)
    {
        var filter = SpaceFilter.Parse(request.Where);
        if (request.Examples is { } examples && OutputFolder.Refusal(context.Resolve(examples)) is { } refusal)
        {
            throw new UsageException($"--emit-examples `{examples}` {refusal}");
        }

        var catalog = context.Catalog(request.Rules);
        var compiled = Labelled(PolicySelection.Pick(context, catalog, request.Policies, request.At, request.ReferenceEngine));
        var space = ScenarioSpace.For([.. compiled.Select(p => p.Policy)], request.Subjects, filter, request.At);
        var scenarios = request.Scenarios.Count == 0 ? null : LoadScenarios(context, request.Scenarios);
        var comparison = scenarios is null
            ? PolicyComparer.OverSpace(compiled, space, request.Subjects)
            : PolicyComparer.OverScenarios(compiled, space, scenarios, request.Subjects);
        comparison = comparison with
        {
            Layers = [.. compiled.SelectMany(p => LayerComparer.Compare(p.Label, p.Policy, space, request.Subjects, scenarios))],
        };
        ComparisonReport.Write(context.OutputFor(request.Format), comparison, request.Format);
        if (request.Examples is { } folder)
        {
            OutputFolder.Write(context.Resolve(folder), folder, ComparisonExamples.Of(comparison));
        }

        return comparison.Agree ? ExitCodes.Success : ExitCodes.PoliciesDiffer;
    }

    /// <summary>Policy ids as labels; a label used twice (the same id from two files) gets its position appended.</summary>
    private static List<(string Label, IPolicyEvaluator Policy)> Labelled(List<(string Name, IPolicyEvaluator Policy)> picked) =>
        [.. picked.Select((p, i) => picked.Count(q => q.Policy.Policy.Id == p.Policy.Policy.Id) > 1 ? ($"{p.Policy.Policy.Id}#{i + 1}", p.Policy) : (p.Policy.Policy.Id, p.Policy))];

    private static List<Scenario> LoadScenarios(CliContext context, IReadOnlyList<string> arguments)
    {
        var scenarios = new List<Scenario>();
        var problems = new List<Diagnostic>();
        foreach (var file in ScenarioFiles.Expand(arguments, context))
        {
            try
            {
                scenarios.Add(ScenarioLoader.LoadFile(context.Resolve(file), file));
            }
            catch (InvalidInputException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : scenarios;
    }

    private sealed record Request(
        IReadOnlyList<string> Policies,
        IReadOnlyList<string> Scenarios,
        IReadOnlyList<string> Where,
        IReadOnlyList<Subject> Subjects,
        ReportFormat Format,
        string? Examples,
        DateOnly? At,
        string[]? Rules,
        bool ReferenceEngine);
}
