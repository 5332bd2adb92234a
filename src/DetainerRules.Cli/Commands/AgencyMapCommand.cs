using System.CommandLine;
using DetainerRules.Cli.Files;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Reports.AgencyMaps;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Agencies;
using DetainerRules.Yaml.Questions;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer agencies map</c>: the states coloured by their law's answer to one question, with the roster's 287(g) counts, as an HTML page.</summary>
internal static class AgencyMapCommand
{
    /// <summary>The core questions shipped with the program (<c>seeds/core-questions.yaml</c>, beside its <c>scenarios/</c>).</summary>
    public static readonly string ShippedQuestions = Path.Combine(AppContext.BaseDirectory, "core-questions.yaml");

    public static Command Create(CliContext context)
    {
        var question = new Option<string>("--question")
        {
            Description = "The question: the id of a question in --questions (e.g. hold-admin-warrant), or DECISION=SCENARIO, a decision on a scenario file of your own (e.g. delay_release=my-booking.yaml)",
            Required = true,
        };
        var questions = new Option<string?>("--questions") { Description = "Questions file whose ids --question names (default: the core questions shipped with the tool, seeds/core-questions.yaml)" };
        var at = CommonOptions.At("The day whose state law answers (default: the earliest date of the roster's sources, the day of ICE's list)");
        var format = new FormatOption(ReportFormat.Html);
        var output = new Option<string?>("--output", "-o") { Description = "HTML file to write (default: standard output); never an input" };
        var rules = CommonOptions.Rules();
        var command = new Command("map", "A US map, one square per state, coloured by the state law's answer to a question, with the roster's 287(g) agreements per model; self-contained HTML")
        {
            question, questions, at, format, output, rules,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(question), parse.GetValue(questions), parse.GetValue(at), parse.GetValue(output), parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string questionArgument, string? questionsArgument, DateOnly? at, string? outputArgument, string[]? rulesFolders)
    {
        var catalog = context.Catalog(rulesFolders);
        var roster = AgenciesCommand.Load(context, rulesFolders);
        var questionsPath = questionsArgument is null ? ShippedQuestions : context.Resolve(questionsArgument);
        var (ask, scenarioPath, scenarioShown, decision) = Pick(context, questionArgument, questionsPath);
        var day = at ?? (roster.Rosters.Count > 0 ? roster.Rosters.Min(r => r.Source.AsOf)
            : throw new UsageException("the roster has no source to date the map by: give --at YYYY-MM-DD"));
        var scenario = ScenarioLoader.LoadFile(scenarioPath, scenarioShown);

        var counts = StateAgreements.Of(roster).ToDictionary(s => s.State, StringComparer.Ordinal);
        var states = UsJurisdictions.Names.Keys.Where(StateTiles.Positions.ContainsKey).Select(state =>
        {
            var layered = AgencyLayers.StateLaw(catalog, state, roster).On(day);
            Decision? answer = layered.Added.Count == 0 ? null : DelegatePolicy.Compile(layered.Policy, layered.Authority).Evaluate(scenario)[decision];
            return new AgencyMap.StateView(state, layered.Added, answer, counts.GetValueOrDefault(state));
        }).ToList();
        var map = new AgencyMap(ask, scenario.Id, decision, day, [.. roster.Rosters.Select(r => r.Source)], states);

        if (outputArgument is null)
        {
            AgencyMapHtml.Write(context.Document, map);
            return ExitCodes.Success;
        }

        var path = context.Resolve(outputArgument);
        if (OutputFile.Refusal(path, [questionsPath, scenarioPath, .. roster.Rosters.Select(r => context.Resolve(r.Path)), .. states.SelectMany(s => s.Law).Select(p => p.Span.File).Where(File.Exists)]) is { } refusal)
        {
            throw new UsageException($"--output `{outputArgument}` {refusal}");
        }

        using var file = OutputFile.Create(path, outputArgument);
        AgencyMapHtml.Write(file.Writer, map);
        file.Commit();
        return ExitCodes.Success;
    }

    /// <summary>The question asked: by its id in the questions file, or as a decision on a scenario file.</summary>
    private static (string Ask, string ScenarioPath, string ScenarioShown, DecisionKind Decision) Pick(CliContext context, string argument, string questionsPath)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            var word = argument[..equals];
            var file = argument[(equals + 1)..];
            return Vocabulary.TryParse(typeof(DecisionKind), word, out var kind)
                ? ($"{word} on {file}", context.Resolve(file), file, (DecisionKind)kind)
                : throw new UsageException($"--question `{argument}`: `{word}` is not a decision{Suggestion.Hint(word, Enum.GetValues<DecisionKind>().Select(d => Vocabulary.Word(d)))}");
        }

        var all = QuestionLoader.LoadFile(questionsPath);
        var found = all.FirstOrDefault(q => string.Equals(q.Id, argument, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--question `{argument}` is not a question of {questionsPath}; its ids: {string.Join(", ", all.Select(q => q.Id).OfType<string>())}; or give DECISION=SCENARIO");
        return found.Decision is { } decision
            ? (found.Ask, found.ScenarioPath, found.ScenarioPath, decision)
            : throw new UsageException($"--question `{argument}` is answered by the outcome, not a decision: the map colours states by a decision's required, permitted, forbidden or unknown");
    }
}
