using System.CommandLine;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer evaluate</c>: what a policy decides for each arrest scenario.</summary>
internal static class EvaluateCommand
{
    private static readonly ConditionTracer Tracer = new();

    public static Command Create(CliContext context)
    {
        var policy = new Option<string[]>("--policy", "-p")
        {
            Description = "Policy id (e.g. lvmpd-2023), path to a policy file, or a policy family (e.g. lvmpd) whose version is picked by date; repeat for a table of several policies side by side",
            Arity = ArgumentArity.OneOrMore,
        };
        var all = new Option<bool>("--all") { Description = "A table of every policy family in the catalog side by side, each at its version in force on the scenario's booking day" };
        var at = CommonOptions.At("For a policy family: the date (YYYY-MM-DD) whose version applies; default: each scenario's booking day");
        var format = new FormatOption(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html);
        var whatFlips = new Option<bool>("--what-flips") { Description = "For each decision, the smallest changes to the scenario that would change it, found over the scenario space" };
        var explain = new Option<bool>("--explain") { Description = "For each decision, trace the conditions of the rules that decided, lost or conflicted, with the scenario's values" };
        var rules = CommonOptions.Rules();
        var agency = new Option<string?>("--agency")
        {
            Description = "Instead of a policy: an agency of the roster (id, ORI or name), decided under the layers that bound it on each booking day: its own catalog policy (or none), its state's law, its 287(g) agreements then in force",
        };
        var agencyState = AgenciesCommand.State();
        var timezone = CommonOptions.TimeZone("IANA time zone (e.g. America/Los_Angeles) where the bookings are: the jurisdiction's zone for every policy that names none (time_zone: local, as the federal request and the 287(g) models say), for its version, look-backs and hold clocks; default: each scenario's written offset");
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario files (YAML or JSON) or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("evaluate", "Decide each scenario under a policy: the decisions, the rules and sources behind them, and the outcome; under several policies (-p repeated, or --all), one table per scenario with a column per policy")
        {
            policy, all, at, format, explain, whatFlips, rules, agency, agencyState, timezone, scenarios,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(agency) is null)
            {
                EvaluateTable.Validate(result, policy, all);
            }
            else if (result.GetValue(policy) is { Length: > 0 } || result.GetValue(all) || result.GetValue(at) is not null || result.GetValue(whatFlips) || result.GetResult(timezone) is not null)
            {
                result.AddError("--agency builds the policy from the agency's layers on each booking day, judged in the agency's own zone: give it without --policy, --all, --at, --what-flips or --timezone");
            }
            else if ((ReportFormat)format.ValueIn(result) is ReportFormat.Markdown or ReportFormat.Html)
            {
                result.AddError("--agency reports in text or JSON");
            }
        });
        command.SetAction(parse =>
        {
            if (parse.GetValue(agency) is { } agencyName)
            {
                return AgencyEvaluation.Run(context, agencyName, parse.GetValue(agencyState), (ReportFormat)format.ValueIn(parse), parse.GetValue(explain), parse.GetValue(rules), parse.GetRequiredValue(scenarios));
            }

            var names = parse.GetValue(policy) ?? [];
            var asked = (ReportFormat)format.ValueIn(parse);
            var tabled = EvaluateTable.Applies(names, parse.GetValue(all), asked);
            if (tabled && (parse.GetValue(explain) || parse.GetValue(whatFlips)))
            {
                throw new UsageException("--explain and --what-flips explain one policy's answers in text or JSON; name one policy with -p");
            }

            return tabled
                ? EvaluateTable.Run(context, names, parse.GetValue(all), parse.GetValue(at), asked, parse.GetValue(rules), parse.GetRequiredValue(scenarios), parse.GetValue(timezone))
                : Run(context, names[0], parse.GetValue(at), asked, parse.GetValue(explain), parse.GetValue(whatFlips), parse.GetValue(rules), parse.GetRequiredValue(scenarios), parse.GetValue(timezone));
        });
        return command;
    }

    /// <summary>The smallest changes per subject, or none (with a note) when the policy's space is too large to search.</summary>
    private static Dictionary<Subject, IReadOnlyList<Flip>>? Flips(CliContext context, CompiledPolicy network, Model.Scenarios.Scenario scenario)
    {
        try
        {
            var fast = DelegatePolicy.From(network);
            return Subject.All.ToDictionary(s => s, s => WhatFlips.For(fast, scenario, s));
        }
        catch (SpaceTooLargeException e)
        {
            context.Error.WriteLine($"detainer: --what-flips for `{scenario.Id}` not computed: {e.Message}");
            return null;
        }
    }

    private static int Run(CliContext context, string policyName, DateOnly? at, ReportFormat format, bool explain, bool whatFlips, string[]? rulesFolders, string[] arguments, Model.Time.JurisdictionTime? bookings)
    {
        var catalog = context.Catalog(rulesFolders);
        var asPath = context.Resolve(policyName);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : policyName);
        if (at is not null && !choice.IsFamily)
        {
            throw new UsageException($"--at picks a version within a policy family; `{policyName}` is a single policy");
        }

        // Each policy is compiled once for each set of authorities in force, however many scenarios it decides.
        var compiled = new DatedPolicies<CompiledPolicy>(catalog, PolicyCompiler.Compose, bookings);
        var first = true;
        return ScenarioFiles.Decide(context, arguments, (_, scenario) =>
        {
            var policy = at is { } day ? choice.On(day) : choice.On(scenario.BookedAt, bookings);
            var network = compiled.For(policy, scenario.BookedAt, at);
            var verdict = network.Evaluate(scenario);
            var explanations = explain ? DecisionExplanation.Of(verdict, Tracer) : null;
            var flips = whatFlips ? Flips(context, network, scenario) : null;
            if (!first && format == ReportFormat.Text)
            {
                context.Output.WriteLine(new string('-', 72));
            }

            first = false;
            if (format == ReportFormat.Json)
            {
                context.Document.WriteLine(JsonReport.ToJson(verdict, explanations: explanations, flips: flips));
            }
            else
            {
                TextReport.Write(context.Output, verdict, explanations, flips);
            }
        });
    }
}
