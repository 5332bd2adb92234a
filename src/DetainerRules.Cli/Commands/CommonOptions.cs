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

    /// <summary>Which engine answers bulk work: the rule network, or its delegate twin (the default: the same answers, proven by the test suite, far faster).</summary>
    public static Option<string> Engine() =>
        new Option<string>("--engine")
        {
            Description = "Engine for bulk evaluation: delegates (fast, checked against the rule network by the test suite) or nrules (the reference)",
            DefaultValueFactory = _ => "delegates",
        }.AcceptOnlyFromAmong("delegates", "nrules");
}
