using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using DetainerRules.Cli.Files;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer agencies</c>: the roster of agencies with 287(g) agreements (<c>rules/agencies/</c>): import ICE's list, list, show, summarize.</summary>
internal static partial class AgenciesCommand
{
    private const string Block = "detainer agencies";

    public static Command Create(CliContext context) =>
        new("agencies", "The agency roster (rules/agencies/): agencies with their 287(g) agreements from ICE's list, and the catalog policy of each agency that has one")
        {
            Import(context),
            List(context),
            Show(context),
            Summary(context),
            AgencyMapCommand.Create(context),
        };

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "ICE's list of participating agencies, saved as CSV (STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, ...)" };
        var output = new Option<string?>("--output", "-o") { Description = "Roster file to write, e.g. rules/agencies/ice-287g.yaml (default: standard output); never the input" };
        var asOf = new Option<string?>("--as-of") { Description = "The date of ICE's list, YYYY-MM-DD (default: read from ICE's file name, participatingAgenciesMMDDYYYY)", HelpName = "YYYY-MM-DD" };
        var snapshot = new Option<string?>("--snapshot") { Description = "Where the copy imported is kept (a snapshot repository's URL), recorded in the roster" };
        var command = new Command("import", "Build a roster from ICE's 287(g) list; every row not read is listed by line and reason (exit 4 when any)") { file, output, asOf, snapshot };
        command.SetAction(parse => RunImport(context, parse.GetRequiredValue(file), parse.GetValue(output), parse.GetValue(asOf), parse.GetValue(snapshot)));
        return command;
    }

    private static Command List(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var state = State();
        var model = new Option<string?>("--model") { Description = "Only agencies with an agreement of this model: jem, wso or tfm" };
        var command = new Command("list", "List the agencies of the roster: id, state, type, 287(g) agreements, catalog policy, name") { state, model, rules };
        command.SetAction(parse =>
        {
            var code = StateCode(parse.GetValue(state));
            AgreementModel? wanted = parse.GetValue(model) is { } m
                ? Vocabulary.TryParse(typeof(AgreementModel), m.ToLowerInvariant(), out var parsed) ? (AgreementModel)parsed : throw new UsageException($"--model `{m}` is not a 287(g) model; expected one of `jem`, `wso`, `tfm`")
                : null;
            var roster = Load(context, parse.GetValue(rules));
            AgencyReport.List(context.Output, roster.Agencies.Where(a => (code is null || a.State == code) && (wanted is null || a.Agreements.Any(g => g.Model == wanted))));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var state = State();
        var agency = new Argument<string>("agency") { Description = "The agency's id, ORI or name (case, punctuation and \"Sheriff's Office\"/\"SO\", \"Police Department\"/\"PD\" do not matter)" };
        var command = new Command("show", "Show an agency: its type, state, county, 287(g) agreements and catalog policy, with their sources") { agency, state, rules };
        command.SetAction(parse =>
        {
            var roster = Load(context, parse.GetValue(rules));
            AgencyReport.Show(context.Output, Find(roster, parse.GetRequiredValue(agency), StateCode(parse.GetValue(state))), roster);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Summary(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var update = new Option<string?>("--update") { Description = $"Instead of printing, replace the table between the `<!-- begin: {Block}` and `<!-- end: {Block} -->` lines of this Markdown file" };
        var command = new Command("summary", "Print a Markdown table of agencies and 287(g) agreements per state and model, as of the roster's source") { update, rules };
        command.SetAction(parse =>
        {
            var roster = Load(context, parse.GetValue(rules));
            var table = AgencyReport.SummaryMarkdown(roster);
            if (parse.GetValue(update) is not { } file)
            {
                context.Document.Write(table);
                return ExitCodes.Success;
            }

            return GeneratedBlock.Replace(context, file, Block, table, roster.Rosters.Select(r => context.Resolve(r.Path)));
        });
        return command;
    }

    /// <summary>The one agency a name or id means; a name that means none or several is an error that says which.</summary>
    /// <exception cref="InvalidInputException">No agency matches (exit 1).</exception>
    /// <exception cref="UsageException">Several agencies match: the candidates are listed, to be told apart by id or <c>--state</c> (exit 2).</exception>
    public static Agency Find(AgencyRoster roster, string query, string? state)
    {
        var found = AgencyLookup.Find(roster, query, state);
        var where = state is null ? string.Empty : $" in {state}";
        return found.Count switch
        {
            1 => found[0],
            0 => throw new InvalidInputException([Diagnostic.Error(new SourceSpan(query, 0, 0), DiagnosticCodes.Reference, "agency",
                $"no agency `{query}`{where} in the roster ({(roster.Rosters.Count == 0 ? "no roster found" : string.Join(", ", roster.Rosters.Select(r => r.Path)))}){Suggestion.Hint(query, (state is null ? roster.Agencies : roster.Agencies.Where(a => a.State == state)).Select(a => a.Name))}")]),
            _ => throw new UsageException($"`{query}`{where} names {found.Count} agencies; give the id (or --state): {string.Join("; ", found.Take(20).Select(a => $"{a.Id} ({a.Name}, {a.State})"))}{(found.Count > 20 ? $"; and {found.Count - 20} more" : string.Empty)}"),
        };
    }

    /// <summary>The roster of the first catalog folder that has an <c>agencies/</c> folder: the same places policy ids are looked up in.</summary>
    public static AgencyRoster Load(CliContext context, string[]? rulesFolders)
    {
        var catalog = context.Catalog(rulesFolders);
        var folder = catalog.SearchPath.Folders.Select(f => Path.Combine(f, RosterFolder.Name)).FirstOrDefault(Directory.Exists);
        return folder is null ? AgencyRoster.Empty : RosterFolder.Load(RosterFolder.Files(folder), context.Shown);
    }

    public static Option<string?> State() => new("--state") { Description = "Only agencies of this state, by postal code (e.g. NV)" };

    public static string? StateCode(string? state)
    {
        if (state is null)
        {
            return null;
        }

        var code = state.ToUpperInvariant();
        return UsJurisdictions.Names.ContainsKey(code) && code != UsJurisdictions.Federal
            ? code
            : throw new UsageException($"--state `{state}` is not a state's postal code{Suggestion.Hint(code, UsJurisdictions.Names.Keys)}: use e.g. NV or DC");
    }

    private static int RunImport(CliContext context, string fileArgument, string? outputArgument, string? asOfText, string? snapshot)
    {
        var input = context.Resolve(fileArgument);
        var asOf = AsOf(asOfText, fileArgument);
        if (outputArgument is not null && OutputFile.Refusal(context.Resolve(outputArgument), [input]) is { } refusal)
        {
            throw new UsageException($"--output `{outputArgument}` {refusal}");
        }

        var source = new RosterSource("287(g) participating agencies", "U.S. Immigration and Customs Enforcement", "https://www.ice.gov/identify-and-arrest/287g", snapshot, asOf);
        IceList.Import import;
        using (var reader = Yaml.InputFile.OpenText(input, fileArgument))
        {
            import = IceList.Read(reader, fileArgument, source);
        }

        foreach (var refused in import.Refused)
        {
            context.Error.WriteLine(refused.ToString() + "; the row is not in the roster");
        }

        foreach (var note in import.Notes)
        {
            context.Error.WriteLine($"{fileArgument}: note: {note}");
        }

        var roster = import.Roster;
        var agreements = roster.Agencies.Sum(a => a.Agreements.Count);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fileArgument}: {import.Rows} rows read: {roster.Agencies.Count} agencies with {agreements} agreements; {import.Refused.Count} rows refused{(import.Refused.Count > 0 ? " (listed above, and under `refused` in the roster)" : string.Empty)}"));
        if (outputArgument is null)
        {
            context.Document.Write(RosterWriter.Write(roster, null));
        }
        else
        {
            var path = context.Resolve(outputArgument);
            var schema = Path.Combine(Path.GetDirectoryName(path)!, "..", "schema", "agencies.schema.json");
            using var output = OutputFile.Create(path, outputArgument);
            output.Writer.Write(RosterWriter.Write(roster, File.Exists(schema) ? "../schema/agencies.schema.json" : null));
            output.Commit();
        }

        return import.Refused.Count > 0 ? ExitCodes.RecordsRefused : ExitCodes.Success;
    }

    /// <summary>The list's date: given, or in ICE's file name (<c>participatingAgencies07182025pm.xlsx</c>, saved as <c>...07182025pm.csv</c>).</summary>
    private static DateOnly AsOf(string? given, string file)
    {
        var text = given;
        var format = "yyyy-MM-dd";
        if (text is null)
        {
            var match = IceFileDate().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                throw new UsageException($"--as-of is needed: the date of ICE's list cannot be read from the file name `{Path.GetFileName(file)}` (ICE names its lists participatingAgenciesMMDDYYYY)");
            }

            text = match.Groups[1].Value;
            format = "MMddyyyy";
        }

        return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= Yaml.Documents.InputLimits.MinYear and <= Yaml.Documents.InputLimits.MaxYear
            ? day
            : throw new UsageException($"--as-of: `{text}` is not a date; expected YYYY-MM-DD");
    }

    [GeneratedRegex(@"participatingAgencies(\d{8})", RegexOptions.IgnoreCase)]
    private static partial Regex IceFileDate();
}
