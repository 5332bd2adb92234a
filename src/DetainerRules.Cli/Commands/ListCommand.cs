using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer list</c>: the policies in the catalog.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var state = new Option<string?>("--state")
        {
            Description = "Only the policies of one state, district or territory, by postal code (e.g. NV); US for federal policy",
        };
        var command = new Command("list", "List the policies in the catalog: id, family, dates, time zone, rules, defaults that answer (not unknown), both by verification level (primary, secondary, judgement, unstated), title") { rules, state };
        command.SetAction(parse => Run(context, parse.GetValue(rules), parse.GetValue(state)));
        return command;
    }

    private static int Run(CliContext context, string[]? rulesFolders, string? state)
    {
        if (state is not null && !Model.Policies.UsJurisdictions.Names.ContainsKey(state.ToUpperInvariant()))
        {
            throw new UsageException($"--state `{state}` is not a postal code{Model.Diagnostics.Suggestion.Hint(state.ToUpperInvariant(), Model.Policies.UsJurisdictions.Names.Keys)}: use e.g. NV, DC, or US for federal policy");
        }

        var catalog = context.Catalog(rulesFolders);
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

        Reports.PolicyList.Write(context.Output, state is null ? policies : policies.Where(p => string.Equals(p.State, state, StringComparison.OrdinalIgnoreCase)));
        return exit;
    }
}
