using System.CommandLine;

namespace DetainerRules.Cli.Commands;

/// <summary>Options several commands share, built fresh for each command.</summary>
internal static class CommonOptions
{
    public static Option<string?> RulesDirectory() => new("--rules")
    {
        Description = "Folder of policy files to look ids up in (default: the nearest rules/ folder, then the shipped catalog)",
    };

    public static Option<string> Format(params string[] formats) =>
        new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => formats[0],
        }.AcceptOnlyFromAmong(formats);
}
