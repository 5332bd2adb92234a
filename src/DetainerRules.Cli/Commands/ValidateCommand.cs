using System.CommandLine;
using DetainerRules.Analysis.Checks;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer validate</c>: checks policy, scenario and expectation files like a compiler, every finding at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("files") { Description = "Policy, scenario, expectation and questions files, or folders of them (searched with their subfolders)", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Also warn about decisions a policy leaves unknown in every case" };
        var scenarios = new Option<string?>("--scenarios") { Description = "Folder where expectation files' scenario references are looked up" };
        var format = new FormatOption(ReportFormat.Text, ReportFormat.Json);
        var rules = CommonOptions.Rules();
        var command = new Command("validate", "Check files for errors (syntax, keys, types, values, references, conditions) and policies for rules that never fire or conflict; exit 1 on any error")
        {
            paths, strict, scenarios, format, rules,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetValue(strict), parse.GetValue(scenarios), (ReportFormat)format.ValueIn(parse), parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string[] arguments, bool strict, string? scenarioFolder, ReportFormat format, string[]? rulesFolders)
    {
        var catalog = context.Catalog(rulesFolders);
        var files = ScenarioFiles.Expand(arguments, context, recursive: true);
        var findings = new List<Diagnostic>();
        foreach (var file in files)
        {
            findings.AddRange(Check(context, catalog, file, strict, scenarioFolder));
        }

        // A scenario a questions or expectation file leads to may be checked as a file of its own too; say each finding once.
        findings = [.. findings.DistinctBy(f => f.ToString())];
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count - errors;
        if (format == ReportFormat.Json)
        {
            context.Document.WriteLine(FindingsJson.ToJson(findings, files.Count));
        }
        else
        {
            foreach (var finding in findings)
            {
                context.Output.WriteLine(finding.ToString());
            }

            context.Output.WriteLine($"{files.Count} {(files.Count == 1 ? "file" : "files")} checked: {errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}");
        }

        return errors > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private static IReadOnlyList<Diagnostic> Check(CliContext context, PolicyCatalog catalog, string file, bool strict, string? scenarioFolder)
    {
        var path = context.Resolve(file);
        return Validation.Run(file, () =>
        {
            var kind = InputKind.Detect(Yaml.InputFile.Read(path, file), file);
            switch (kind)
            {
                case FileKind.Policy:
                    return [.. Validation.Policy(catalog.Files.Load(path), catalog.Authority, strict).Select(Named)];
                case FileKind.Scenario:
                    ScenarioLoader.LoadFile(path, file);
                    return [];
                case FileKind.Expectations:
                    return References(context, catalog, ExpectationLoader.LoadFile(path, file), scenarioFolder);
                case FileKind.Questions:
                    return Scenarios(context, Yaml.Questions.QuestionLoader.LoadFile(path));
                case FileKind.Map:
                    Yaml.Batch.RecordMapLoader.LoadFile(path, file);
                    return [];
                case FileKind.Agencies:
                    Yaml.Agencies.RosterLoader.LoadFile(path, file);
                    return [];
                default:
                    return [Diagnostic.Error(new SourceSpan(file, 1, 1), DiagnosticCodes.UnknownKind, string.Empty,
                        "cannot tell what this file is: a policy has `rules` and `defaults`, a scenario `booked_at` and `charges`, an expectation file `cases`, a questions file `questions`, a column map `columns`, an agency roster `agencies`")];
            }
        }, Named);

        // The file is named as it was given; a file it led to (a base policy), as the user would type it.
        Diagnostic Named(Diagnostic d) => d with { Span = d.Span with { File = d.Span.File == path ? file : context.Shown(d.Span.File) } };
    }

    /// <summary>Every scenario a questions file asks about must load.</summary>
    private static List<Diagnostic> Scenarios(CliContext context, IReadOnlyList<Yaml.Questions.Question> questions)
    {
        var findings = new List<Diagnostic>();
        foreach (var scenario in questions.Select(q => q.ScenarioPath).Distinct(StringComparer.Ordinal))
        {
            try
            {
                ScenarioLoader.LoadFile(scenario, context.Shown(scenario));
            }
            catch (InvalidInputException e)
            {
                findings.AddRange(e.Diagnostics);
            }
        }

        return findings;
    }

    /// <summary>Every policy and scenario an expectation file names must exist.</summary>
    private static List<Diagnostic> References(CliContext context, PolicyCatalog catalog, Model.Expectations.ExpectationFile file, string? scenarioFolder)
    {
        var findings = new List<Diagnostic>();
        foreach (var c in file.Cases)
        {
            if (catalog.TryResolve(c.PolicyId) is null)
            {
                findings.Add(Diagnostic.Error(c.Span, DiagnosticCodes.Reference, "policy", $"no policy `{c.PolicyId}`{Suggestion.Hint(c.PolicyId, catalog.Ids())}"));
            }

            if (c.Inline is null && ScenarioReferences.TryFind(context.WorkingDirectory, file.Path, c.ScenarioId, scenarioFolder, out var problem) is null)
            {
                findings.Add(Diagnostic.Error(c.Span, problem.Code, "scenario", problem.Message));
            }
        }

        return [.. findings.DistinctBy(f => f.ToString())];
    }
}
