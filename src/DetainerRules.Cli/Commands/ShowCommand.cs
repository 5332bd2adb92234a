using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer show</c>: a policy as it takes effect, its chain of variants flattened, each part with its origin.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Policy id or path to a policy file", Required = true };
        var rules = CommonOptions.Rules();
        var command = new Command("show", "Print a policy as it takes effect, with where each rule and definition came from") { policy, rules };
        command.SetAction(parse =>
        {
            var catalog = context.Catalog(parse.GetValue(rules));
            var name = parse.GetRequiredValue(policy);
            var asPath = context.Resolve(name);
            PolicyText.Write(context.Output, catalog.Load(File.Exists(asPath) ? asPath : name));
            return ExitCodes.Success;
        });
        return command;
    }
}
