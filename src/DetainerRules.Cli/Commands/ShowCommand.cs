using System.CommandLine;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer show</c>: a policy as it takes effect, its chain of variants flattened, each part with its origin; for a family, its versions over time first.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Policy id, family or path to a policy file", Required = true };
        var at = CommonOptions.At("For a policy family: show the version in force on this date (YYYY-MM-DD)");
        var rules = CommonOptions.Rules();
        var command = new Command("show", "Print a policy as it takes effect, with where each rule and definition came from; for a family, its versions over time") { policy, at, rules };
        command.SetAction(parse =>
        {
            var catalog = context.Catalog(parse.GetValue(rules));
            var name = parse.GetRequiredValue(policy);
            var asPath = context.Resolve(name);
            var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
            var day = parse.GetValue(at);
            if (day is not null && !choice.IsFamily)
            {
                throw new UsageException($"--at picks a version within a policy family; `{name}` is a single policy");
            }

            // A family name that is also the id of today's version (`florida`) shows that version, as before;
            // one that names no policy of its own (`texas`, `lvmpd`) needs a day, or it shows the timeline alone.
            var shown = day is { } d ? choice.On(d) : choice.Undated;
            if (choice.IsFamily)
            {
                FamilyText.Write(context.Output, choice.Name, choice.Timeline, day, shown);
                if (shown is null)
                {
                    context.Output.WriteLine($"Show one version with `-p ID`, or the one in force on a day with `-p {choice.Name} --at YYYY-MM-DD`.");
                    return ExitCodes.Success;
                }

                context.Output.WriteLine();
            }

            PolicyText.Write(context.Output, shown!);
            return ExitCodes.Success;
        });
        return command;
    }
}
