using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer list</c>: the policies in the catalog.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.RulesDirectory();
        var command = new Command("list", "List the policies in the catalog: id, title, jurisdiction, dates, number of rules and sources") { rules };
        command.SetAction(parse => Run(context, parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string? rulesDirectory)
    {
        var catalog = context.Catalog(rulesDirectory is null ? null : context.Resolve(rulesDirectory));
        var exit = ExitCodes.Success;
        foreach (var id in catalog.Ids())
        {
            try
            {
                var p = catalog.Load(id);
                var dates = $"{p.EffectiveFrom?.ToString() ?? "?"} to {p.EffectiveUntil?.ToString() ?? "now"}";
                context.Output.WriteLine($"{p.Id,-24} {dates,-24} {p.Rules.Count,3} rules {p.Sources.Count,3} sources  {p.Title} ({p.Jurisdiction})");
            }
            catch (InvalidInputException e)
            {
                exit = context.Fail(e);
            }
        }

        return exit;
    }
}
