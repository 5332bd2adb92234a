using System.CommandLine;
using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer space</c>: the dimensions of the scenario space some policies span, each with its classes, and its size.</summary>
internal static class SpaceCommand
{
    public static Command Create(CliContext context)
    {
        var policies = new Argument<string[]>("policy") { Description = "Policy ids or files", Arity = ArgumentArity.OneOrMore };
        var where = new Option<string[]>("--where") { Description = "Narrow the space: FIELD=VALUE[,VALUE...] or FIELD!=VALUE[,...] (repeatable)" };
        var at = CommonOptions.At("For a policy family: the date (YYYY-MM-DD) whose version to use");
        var rules = CommonOptions.Rules();
        var command = new Command("space", "Print the scenario space the policies span: its dimensions, the classes of values each has, and how many cases each decision is compared over")
        {
            policies, where, at, rules,
        };
        command.SetAction(parse =>
        {
            var filter = SpaceFilter.Parse(parse.GetValue(where) ?? []);
            var catalog = context.Catalog(parse.GetValue(rules));
            var compiled = PolicySelection.Pick(context, catalog, parse.GetRequiredValue(policies), parse.GetValue(at), reference: false).Select(p => p.Policy).ToList();
            Write(context.Output, ScenarioSpace.For(compiled, Subject.All, filter, parse.GetValue(at)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter w, ScenarioSpace space)
    {
        w.WriteLine($"{space.Size.ToString("N0", CultureInfo.InvariantCulture)} cases");
        foreach (var clause in space.Filter.Clauses)
        {
            w.WriteLine($"narrowed to {clause}");
        }

        foreach (var d in space.Dimensions)
        {
            w.WriteLine();
            w.WriteLine($"{d.Name}: {d.Count} {(d.Count == 1 ? "class" : "classes")}");
            for (var v = 0; v < d.Count; v++)
            {
                w.WriteLine($"  {v + 1}. {d.Label(v)}");
            }
        }

        w.WriteLine();
        w.WriteLine("cases per subject (over the dimensions that can change it):");
        foreach (var subject in space.Subjects)
        {
            var names = space.RelevantTo(subject).Select(i => space.Dimensions[i].Name).ToList();
            w.WriteLine($"  {subject.Name}: {space.SizeFor(subject).ToString("N0", CultureInfo.InvariantCulture)}{(names.Count > 0 ? " (" + string.Join(", ", names) + ")" : string.Empty)}");
        }
    }
}
