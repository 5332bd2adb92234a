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
        var format = new FormatOption(GraphFormat.Mermaid, GraphFormat.Dot);
        var rules = CommonOptions.Rules();
        var command = new Command("graph", "Draw a policy's decision flow (scenario fields, named conditions, rules with priorities, decisions with defaults) as Mermaid or Graphviz DOT")
        {
            policy, format, rules,
        };
        command.SetAction(parse =>
        {
            var catalog = context.Catalog(parse.GetValue(rules));
            var name = parse.GetRequiredValue(policy);
            var asPath = context.Resolve(name);
            var graph = PolicyGraph.Of(catalog.Load(File.Exists(asPath) ? asPath : name));
            context.Document.Write((GraphFormat)format.ValueIn(parse) switch
            {
                GraphFormat.Mermaid => graph.Mermaid(),
                GraphFormat.Dot => graph.Dot(),
                var other => throw new System.Diagnostics.UnreachableException($"not a graph format: {other}"),
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
