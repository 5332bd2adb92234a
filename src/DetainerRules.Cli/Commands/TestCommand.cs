using System.CommandLine;
using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer test</c>: runs expectation files and reports failures side by side, rule coverage and condition coverage.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("expectations") { Description = "Expectation files (YAML) or folders of them", Arity = ArgumentArity.OneOrMore };
        var scenarios = new Option<string?>("--scenarios") { Description = "Folder where scenario references are looked up (default: beside each file, then the nearest seeds/scenarios folder)" };
        var format = new FormatOption(ReportFormat.Text, ReportFormat.Json);
        var rules = CommonOptions.Rules();
        var timezone = CommonOptions.TimeZone("IANA time zone (e.g. America/Chicago) where the bookings are, for every case whose file and case say none (`timezone:` in the file wins): the zone of every policy that names none (time_zone: local), its authorities' included; default: each scenario's written offset");
        var command = new Command("test", "Run expectation files: each case's expected decisions against the policy's, then rule and condition coverage; exit 1 on any failure")
        {
            paths, scenarios, format, rules, timezone,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetValue(scenarios), (ReportFormat)format.ValueIn(parse), parse.GetValue(rules), parse.GetValue(timezone)));
        return command;
    }

    private static int Run(CliContext context, string[] arguments, string? scenarioFolder, ReportFormat format, string[]? rulesFolders, Model.Time.JurisdictionTime? bookings)
    {
        var catalog = context.Catalog(rulesFolders);
        var files = new List<ExpectationFile>();
        var problems = new List<Diagnostic>();
        foreach (var file in ScenarioFiles.Expand(arguments, context).Where(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                files.Add(ExpectationLoader.LoadFile(context.Resolve(file), file));
            }
            catch (InvalidInputException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        // Each policy compiled once for each set of authorities in force on the cases' booking days, and each zone the cases place their bookings in:
        // the case's or file's `timezone`, else --timezone.
        var policies = new DatedPolicies<CompiledPolicy>(catalog, PolicyCompiler.Compose);
        IPolicyEvaluator Policy(ExpectationCase c, Scenario scenario) => policies.In(c.Bookings ?? bookings).At(catalog.Load(c.PolicyId), scenario.BookedAt);

        Scenario Scenario(ExpectationFile file, ExpectationCase c) =>
            ScenarioReferences.Load(context.WorkingDirectory, file.Path, c.ScenarioId, scenarioFolder, c.Span);

        var results = ExpectationRunner.Run(files, Policy, Scenario, ExpectationRunner.Failure);
        var verdicts = results.Where(r => r.Verdict is not null).Select(r => r.Verdict!).ToList();
        var tracer = new ConditionTracer();
        var ruleCoverage = RuleCoverage.Of(verdicts);
        var conditionCoverage = ConditionCoverage.Of(verdicts, tracer);
        if (format == ReportFormat.Json)
        {
            context.Document.WriteLine(TestReport.ToJson(results, ruleCoverage, conditionCoverage));
        }
        else
        {
            TestReport.Write(context.Output, results, ruleCoverage, conditionCoverage, tracer);
        }

        return results.All(r => r.Passed) ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
