using System.CommandLine;

namespace DetainerRules.Cli.Commands;

/// <summary>Options several commands share, built fresh for each command.</summary>
internal static class CommonOptions
{
    public static Option<string?> RulesDirectory() => new("--rules")
    {
        Description = "Folder of policy files to look ids up in (default: the nearest rules/ folder, then the shipped catalog)",
    };

    /// <summary><c>--at YYYY-MM-DD</c>, checked as a date in the years the tool accepts (those of <see cref="Yaml.Documents.InputLimits"/>).</summary>
    public static Option<string?> At(string description)
    {
        var at = new Option<string?>("--at") { Description = description };
        at.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && Problem(text) is { } problem)
            {
                result.AddError($"--at: `{text}` {problem}");
            }
        });
        return at;
    }

    /// <summary>The day <c>--at</c> names; null when it was not given. Only call after the option's validator passed.</summary>
    public static DateOnly? Day(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Problem(string text)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return "is not a date; expected YYYY-MM-DD";
        }

        return day.Year is < Yaml.Documents.InputLimits.MinYear or > Yaml.Documents.InputLimits.MaxYear
            ? $"is out of range: years {Yaml.Documents.InputLimits.MinYear} to {Yaml.Documents.InputLimits.MaxYear} are accepted"
            : null;
    }

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
