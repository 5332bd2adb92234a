using System.CommandLine;
using DetainerRules.Model.Time;

namespace DetainerRules.Cli.Commands;

/// <summary>Options several commands share, built fresh for each command.</summary>
internal static class CommonOptions
{
    /// <summary><c>--rules DIR</c>, repeatable: the first places of the catalog's search path (<see cref="Yaml.CatalogSearchPath"/>).</summary>
    public static Option<string[]> Rules() => new("--rules")
    {
        Description = "Folder of policy files, searched first for policy ids (repeatable, in order); then DETAINER_RULES, the nearest rules/ folder, the shipped catalog (README: \"Where policies are found\")",
        HelpName = "DIR",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--at YYYY-MM-DD</c>, read and checked here, once: a date in the years the tool accepts (those of <see cref="Yaml.Documents.InputLimits"/>).</summary>
    public static Option<DateOnly?> At(string description) => new("--at")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                result.AddError($"--at: `{text}` is not a date; expected YYYY-MM-DD");
                return null;
            }

            if (day.Year is < Yaml.Documents.InputLimits.MinYear or > Yaml.Documents.InputLimits.MaxYear)
            {
                result.AddError($"--at: `{text}` is out of range: years {Yaml.Documents.InputLimits.MinYear} to {Yaml.Documents.InputLimits.MaxYear} are accepted");
                return null;
            }

            return day;
        },
    };

    /// <summary><c>--timezone ZONE</c>, an IANA zone read and checked here: where the bookings are, the jurisdiction's zone for every policy that names none (<c>time_zone: local</c>).</summary>
    /// <remarks><c>local</c> is refused: it is what the option replaces, not a place.</remarks>
    public static Option<JurisdictionTime?> TimeZone(string description) => new("--timezone")
    {
        Description = description,
        HelpName = "ZONE",
        CustomParser = result =>
        {
            var zone = JurisdictionTime.OfBookings(result.Tokens[^1].Value, out var problem);
            if (problem is not null)
            {
                result.AddError($"--timezone {problem}");
            }

            return zone;
        },
    };

    /// <summary>Which engine answers bulk work: the rule network, or its delegate twin (the default: the same answers, proven by the test suite, far faster).</summary>
    public static Option<string> Engine() =>
        new Option<string>("--engine")
        {
            Description = "Engine for bulk evaluation: delegates (fast, checked against the rule network by the test suite) or nrules (the reference)",
            DefaultValueFactory = _ => "delegates",
        }.AcceptOnlyFromAmong("delegates", "nrules");
}
