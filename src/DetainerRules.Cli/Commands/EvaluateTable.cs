using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Reports.PolicyTables;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer evaluate</c> under several policies: one table per scenario, a column per policy, in the order asked (or family id order for <c>--all</c>).</summary>
internal static class EvaluateTable
{
    /// <summary>A parse error unless exactly one of <c>-p</c> and <c>--all</c> is given, so it reads and exits as any other wrong command line.</summary>
    public static void Validate(System.CommandLine.Parsing.CommandResult result, System.CommandLine.Option<string[]> policy, System.CommandLine.Option<bool> all)
    {
        var named = result.GetValue(policy) is { Length: > 0 };
        var everything = result.GetValue(all);
        if (named && everything)
        {
            result.AddError("--all takes every policy family in the catalog; give it or --policy, not both");
        }
        else if (!named && !everything)
        {
            result.AddError("Option '--policy' is required: name a policy with -p (repeat it for several side by side), or give --all");
        }
    }

    /// <summary>Whether the command line asks for the table rather than one policy's report.</summary>
    public static bool Applies(IReadOnlyList<string> policies, bool all, ReportFormat format)
    {
        // One policy in text or JSON keeps the single-policy report; Markdown and HTML exist only as the table.
        return all || policies.Count > 1 || format is ReportFormat.Markdown or ReportFormat.Html;
    }

    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy that names none; null judges such a policy's days in each scenario's written offset.</param>
    public static int Run(CliContext context, IReadOnlyList<string> names, bool all, DateOnly? at, ReportFormat format, string[]? rulesFolders, string[] arguments, Model.Time.JurisdictionTime? bookings = null)
    {
        var catalog = context.Catalog(rulesFolders);
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new UsageException("the same policy is named twice with -p");
        }

        var choices = (all ? Families(catalog) : names).Select(name => Choose(context, catalog, name)).ToList();

        // Each version is compiled once, however many scenarios and columns it answers; the delegate twin, as batch and compare use.
        var compiled = new DatedPolicies<DelegatePolicy>(catalog, DelegatePolicy.Compose, bookings);
        var tables = new List<PolicyTable>();
        var exit = ExitCodes.Success;
        foreach (var file in ScenarioFiles.Expand(arguments, context))
        {
            try
            {
                var scenario = ScenarioLoader.LoadFile(context.Resolve(file), file);
                tables.Add(new PolicyTable(scenario, at, [.. choices.Select(c => Column(compiled, c, scenario, at))]));
            }
            catch (InvalidInputException e)
            {
                // One bad scenario does not stop the others.
                exit = context.Fail(e);
            }
            catch (EvaluationException e)
            {
                exit = context.Fail(e, file);
            }
        }

        PolicyTableReport.Write(context.OutputFor(format), tables, format);
        return exit;
    }

    /// <summary>Every family in the catalog, by id: a policy's <c>family</c>, or its own id when it names none.</summary>
    /// <exception cref="InvalidInputException">A catalog file has problems.</exception>
    private static IEnumerable<string> Families(PolicyCatalog catalog) =>
        catalog.Ids().Select(id => catalog.Load(id)).Select(p => p.Family ?? p.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <exception cref="UsageException">No policy or family by that name: the command line is wrong, not a file.</exception>
    private static PolicyChoice Choose(CliContext context, PolicyCatalog catalog, string name)
    {
        var asPath = context.Resolve(name);
        var lookup = File.Exists(asPath) ? asPath : name;
        try
        {
            return PolicyChoice.Resolve(catalog, lookup);
        }
        catch (InvalidInputException e) when (e.Diagnostics.Count == 1 && e.Diagnostics[0].Message == catalog.NotFound(lookup).Diagnostics[0].Message)
        {
            throw new UsageException($"-p: {e.Diagnostics[0].Message}");
        }
    }

    /// <summary>The column of one policy, each version compiled once for each set of authorities in force, however many scenarios it answers.</summary>
    private static PolicyColumn Column(DatedPolicies<DelegatePolicy> compiled, PolicyChoice choice, Scenario scenario, DateOnly? at) =>
        PolicyColumn.Of(choice.Name, () => at is { } day ? choice.On(day) : choice.On(scenario.BookedAt, compiled.Bookings), policy =>
            compiled.For(policy, scenario.BookedAt, at).Evaluate(scenario));
}
