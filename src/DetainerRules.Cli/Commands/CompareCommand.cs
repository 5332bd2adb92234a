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
            Description = "Two or more policy ids or policy files (a family name needs --at); with --agency, fewer",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var agencies = new Option<string[]>("--agency")
        {
            Description = "An agency of the roster (id, ORI or name; repeatable), compared as the layers that bound it on the --at date: its own catalog policy (or none), its state's law, its 287(g) agreements then in force",
        };
        var agencyState = AgenciesCommand.State();
        var space = new Option<bool>("--space") { Description = "Compare over every case the policies can tell apart" };
        var summary = new Option<bool>("--summary")
        {
            Description = "With --space: count the cases, the agreement of each pair and every way the policies split, without drawing regions; no limit on the space's size, so the whole catalog can be compared at once",
        };
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
        var format = new FormatOption(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html);
        var examples = new Option<string?>("--emit-examples") { Description = "Write an example scenario file for every region into this folder" };
        var at = CommonOptions.At("For a policy family: the date (YYYY-MM-DD) whose version to compare");
        var rules = CommonOptions.Rules();
        var engine = CommonOptions.Engine();
        var timezone = CommonOptions.TimeZone("IANA time zone (e.g. America/Chicago) where the bookings are: the jurisdiction's zone for every compared policy that names none (time_zone: local, as the federal request and the 287(g) models say), its authorities' included, for look-backs and hold clocks; an --agency keeps its own zone; default: each scenario's written offset");
        var command = new Command("compare", "Show where policies answer differently, decision by decision, with the regions of cases where they split; exit 3 when they differ")
        {
            policies, agencies, agencyState, space, summary, scenarios, where, decisions, format, examples, at, rules, engine, timezone,
        };
        command.Validators.Add(result =>
        {
            var named = result.GetValue(agencies) ?? [];
            if ((result.GetValue(policies)?.Length ?? 0) + named.Length < 2)
            {
                result.AddError("compare: name two or more policies or agencies (--agency)");
            }
            else if (named.Length > 0 && result.GetValue(at) is null)
            {
                result.AddError("compare --agency: give --at YYYY-MM-DD, the day whose layers to compare (as for a policy family)");
            }
            else if (named.Length == 0 && result.GetValue(agencyState) is not null)
            {
                result.AddError("--state narrows an --agency name; give it with --agency");
            }

            var hasSpace = result.GetValue(space);
            var files = result.GetValue(scenarios) ?? [];
            if (hasSpace == files.Length > 0)
            {
                result.AddError("compare: give either --space or --scenarios DIR|FILE");
            }
            else if (result.GetValue(summary) && !hasSpace)
            {
                result.AddError("--summary counts the cases of the space; give it with --space (scenario files are compared in full)");
            }

            if (result.GetValue(summary) && result.GetValue(examples) is not null)
            {
                result.AddError("--emit-examples writes the regions' examples, which --summary does not draw; leave one of them out");
            }
        });
        command.SetAction(parse => Run(context, new Request(
            parse.GetValue(policies) ?? [],
            parse.GetValue(agencies) ?? [],
            parse.GetValue(agencyState),
            parse.GetValue(scenarios) ?? [],
            parse.GetValue(summary),
            parse.GetValue(where) ?? [],
            parse.GetValue(decisions) is { Length: > 0 } names ? [.. Subject.All.Where(s => names.Contains(s.Name))] : Subject.All,
            (ReportFormat)format.ValueIn(parse),
            parse.GetValue(examples),
            parse.GetValue(at),
            parse.GetValue(rules),
            parse.GetRequiredValue(engine) == "nrules",
            parse.GetValue(timezone))));
        return command;
    }

    private static int Run(CliContext context, Request request)
    {
        var filter = SpaceFilter.Parse(request.Where);
        if (request.Examples is { } examples && OutputFolder.Refusal(context.Resolve(examples)) is { } refusal)
        {
            throw new UsageException($"--emit-examples `{examples}` {refusal}");
        }

        // The folder is claimed (created, a probe written) before the comparison runs, so a folder
        // the system refuses fails the run before the report is printed.
        var claimed = request.Examples is { } target && OutputFolder.Claim(context.Resolve(target), target);
        try
        {
            return Compare(context, request, filter);
        }
        catch when (claimed)
        {
            OutputFolder.Release(context.Resolve(request.Examples!));
            throw;
        }
    }

    private static int Compare(CliContext context, Request request, SpaceFilter filter)
    {
        var catalog = context.Catalog(request.Rules);
        var compiled = new List<(string Label, IPolicyEvaluator Policy)>([
            .. PolicySelection.Pick(context, catalog, request.Policies, request.At, request.ReferenceEngine, request.Bookings).Select(p => (p.Policy.Policy.Id, p.Policy)),
            .. request.Agencies.Select(name => Agency(context, request, name)),
        ]);
        var scenarios = request.Scenarios.Count == 0 ? null : LoadScenarios(context, request.Scenarios);
        var comparison = ComparisonRun.Of(compiled, request.Subjects, filter, request.At, scenarios, request.Summary);
        ComparisonReport.Write(context.OutputFor(request.Format), comparison, request.Format);
        if (request.Examples is { } folder)
        {
            OutputFolder.Write(context.Resolve(folder), folder, ComparisonExamples.Of(comparison));
        }

        return comparison.Agree ? ExitCodes.Success : ExitCodes.PoliciesDiffer;
    }

    /// <summary>An agency's layers on the --at day, labelled by the agency's id; what each layer is goes to standard error, as evaluate --agency --format json says it.</summary>
    private static (string Label, IPolicyEvaluator Policy) Agency(CliContext context, Request request, string name)
    {
        var selection = AgencySelection.Resolve(context, name, request.State, request.Rules, PolicySelection.Engine(request.ReferenceEngine));
        var (layered, policy) = selection.On(request.At!.Value);
        foreach (var note in layered.Notes)
        {
            context.Error.WriteLine($"{selection.Agency.Id}: {note}");
        }

        return (selection.Agency.Id, policy);
    }

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
        IReadOnlyList<string> Agencies,
        string? State,
        IReadOnlyList<string> Scenarios,
        bool Summary,
        IReadOnlyList<string> Where,
        IReadOnlyList<Subject> Subjects,
        ReportFormat Format,
        string? Examples,
        DateOnly? At,
        string[]? Rules,
        bool ReferenceEngine,
        Model.Time.JurisdictionTime? Bookings);
}
