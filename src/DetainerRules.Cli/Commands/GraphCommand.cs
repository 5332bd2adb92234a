using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer graph</c>: a policy's decision flow as Mermaid or Graphviz DOT.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Policy id or path to a policy file", Required = true };
        var format = CommonOptions.Format("mermaid", "dot");
        var rules = CommonOptions.RulesDirectory();
        var command = new Command("graph", "Draw a policy's decision flow (scenario fields, named conditions, rules with priorities, decisions with defaults) as Mermaid or Graphviz DOT")
        {
            policy, format, rules,
        };
        command.SetAction(parse =>
        {
            try
            {
                var catalog = context.Catalog(parse.GetValue(rules) is { } dir ? context.Resolve(dir) : null);
                var name = parse.GetRequiredValue(policy);
                var asPath = context.Resolve(name);
                var graph = PolicyGraph.Of(catalog.Load(File.Exists(asPath) ? asPath : name));
                context.Document.Write(parse.GetRequiredValue(format) == "dot" ? graph.Dot() : graph.Mermaid());
                return ExitCodes.Success;
            }
            catch (InvalidInputException e)
            {
                return context.Fail(e);
            }
        });
        return command;
    }
}
