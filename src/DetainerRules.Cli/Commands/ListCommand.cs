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
        var command = new Command("list", "List the policies in the catalog: id, family, dates, time zone, rules by verification level (primary, secondary, judgement, unstated), title") { rules };
        command.SetAction(parse => Run(context, parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string? rulesDirectory)
    {
        var catalog = context.Catalog(rulesDirectory is null ? null : context.Resolve(rulesDirectory));
        var exit = ExitCodes.Success;
        var policies = new List<Model.Policies.Policy>();
        foreach (var id in catalog.Ids())
        {
            try
            {
                policies.Add(catalog.Load(id));
            }
            catch (InvalidInputException e)
            {
                // A broken file is reported; the others are still listed.
                exit = context.Fail(e);
            }
        }

        Reports.PolicyList.Write(context.Output, policies);
        return exit;
    }
}
