using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer coverage</c>: every state, with the catalog's policies for it and how well their rules are verified.</summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var update = new Option<string?>("--update")
        {
            Description = "Instead of printing, replace the map between the `<!-- begin: detainer coverage` and `<!-- end: detainer coverage -->` lines of this Markdown file",
        };
        var command = new Command("coverage", "Print a Markdown map of the states the catalog covers, with rules and answering defaults by verification level") { rules, update };
        command.SetAction(parse => Run(context, parse.GetValue(rules), parse.GetValue(update)));
        return command;
    }

    private static int Run(CliContext context, string[]? rulesFolders, string? update)
    {
        var catalog = context.Catalog(rulesFolders);
        var policies = new List<Model.Policies.Policy>();
        foreach (var id in catalog.Ids())
        {
            // A map with a policy missing would understate the coverage without saying so: a broken file stops it.
            policies.Add(catalog.Load(id));
        }

        var map = CoverageMap.Markdown(policies);
        if (update is null)
        {
            context.Document.Write(map);
            return ExitCodes.Success;
        }

        return GeneratedBlock.Replace(context, update, "detainer coverage", map, catalog.Ids().Select(catalog.Resolve));
    }
}
