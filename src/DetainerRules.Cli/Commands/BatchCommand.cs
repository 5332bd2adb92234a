using System.CommandLine;
using System.Globalization;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli.Files;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Files;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer batch</c>: a whole booking dataset under one or more policies, one output record per input record.</summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var policies = new Option<string[]>("--policy", "-p") { Description = "Policy id, file or family (repeat for several); a family decides each record by the version in force on its booking day", Arity = ArgumentArity.OneOrMore };
        var agencies = new Option<string[]>("--agency") { Description = "An agency of the roster (id, ORI or name; repeat for several), each record decided by the layers that bound it on the record's booking day: its own catalog policy (or none), its state's law, its 287(g) agreements then in force", Arity = ArgumentArity.OneOrMore };
        var agencyState = AgenciesCommand.State();
        var input = new Option<string>("--input", "-i") { Description = "Scenarios: a .jsonl file (one per line), a .csv file (layout in README), or a folder of scenario files", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write results: .jsonl, .csv or .parquet (Apache Parquet: the CSV's columns, typed)", Required = true };
        var summaryFile = new Option<string?>("--summary") { Description = "Also write the summary as JSON to this file: counts per policy and, per pair of policies, records that differ per decision and the extra detention hours each one's holds add" };
        var engine = CommonOptions.Engine();
        var rules = CommonOptions.Rules();
        var timezone = CommonOptions.TimeZone("IANA time zone (e.g. America/Los_Angeles) where the bookings are: the jurisdiction's zone for every policy that names none (time_zone: local, as the federal request and the 287(g) models say), for its version, look-backs and hold clocks; and the zone a CSV input's times without a UTC offset, and its spreadsheet dates (5/20/2024 6:12), were written in");
        var map = new Option<string>("--map") { Description = "A column map (YAML) reading a CSV data set's own columns and values as the batch columns, e.g. seeds/maps/ddp-detainers.yaml" };
        var command = new Command("batch", "Evaluate every record of a dataset under each policy, in parallel, writing results in input order; counts in = counts out")
        {
            policies, agencies, agencyState, input, output, summaryFile, engine, rules, timezone, map,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(policies) is not { Length: > 0 } && result.GetValue(agencies) is not { Length: > 0 })
            {
                result.AddError("batch: name a --policy or an --agency (or several)");
            }
            else if (result.GetValue(agencyState) is not null && result.GetValue(agencies) is not { Length: > 0 })
            {
                result.AddError("--state narrows an --agency name; give it with --agency");
            }
        });
        command.SetAction(parse => Run(context, new Deciders(parse.GetValue(policies) ?? [], parse.GetValue(agencies) ?? [], parse.GetValue(agencyState)), parse.GetRequiredValue(input), parse.GetRequiredValue(output), parse.GetValue(summaryFile), parse.GetRequiredValue(engine) == "nrules", parse.GetValue(rules), parse.GetValue(timezone), parse.GetValue(map)));
        return command;
    }

    private static int Run(CliContext context, Deciders deciders, string inputArgument, string outputArgument, string? summaryArgument, bool reference, string[]? rulesFolders, JurisdictionTime? timezone, string? mapArgument)
    {
        var policyNames = deciders.Policies;
        var outputPath = context.Resolve(outputArgument);
        var format = BatchOutputFormats.Of(outputPath) ?? throw new UsageException($"--output `{outputArgument}`: name a .jsonl, .csv or .parquet file");

        var inputPath = context.Resolve(inputArgument);
        var folder = FileNode.Of(inputPath).Kind == FileNodeKind.Directory;
        IReadOnlyList<string> inputs = folder ? [.. ScenarioFiles.Expand([inputArgument], context).Select(context.Resolve)] : Regular(inputPath, inputArgument);

        var reading = CsvInputReading(context, inputPath, folder, timezone, mapArgument);
        if (OutputFile.Refusal(outputPath, [.. inputs, .. policyNames.Select(context.Resolve).Where(File.Exists), .. mapArgument is null ? [] : new[] { context.Resolve(mapArgument) }]) is { } refusal)
        {
            throw new UsageException($"--output `{outputArgument}` {refusal}");
        }

        var summaryPath = summaryArgument is null ? null : context.Resolve(summaryArgument);
        if (summaryPath is not null)
        {
            if (Path.GetFullPath(summaryPath) == Path.GetFullPath(outputPath))
            {
                throw new UsageException($"--summary `{summaryArgument}` is the --output file; name another");
            }

            if (OutputFile.Refusal(summaryPath, [.. inputs, outputPath, .. policyNames.Select(context.Resolve).Where(File.Exists), .. mapArgument is null ? [] : new[] { context.Resolve(mapArgument) }]) is { } summaryRefusal)
            {
                throw new UsageException($"--summary `{summaryArgument}` {summaryRefusal}");
            }
        }

        var catalog = context.Catalog(rulesFolders);
        List<BatchPolicy> compiled = [
            .. policyNames.Select(name => PolicySelection.PickPerRecord(context, catalog, name, reference, timezone)),
            .. deciders.Agencies.Select(name => AgencySelection.Resolve(context, name, deciders.State, rulesFolders, PolicySelection.Engine(reference)).PerRecord()),
        ];

        if (compiled.Select(p => p.Label).Distinct(StringComparer.Ordinal).Count() != compiled.Count)
        {
            throw new UsageException("the same policy or agency is named twice");
        }

        using var output = OutputFile.Create(outputPath, outputArgument);

        // The summary's file is made now too, so a folder that refuses it stops the run before the work, not after it.
        using var summaryOutput = summaryPath is null ? null : OutputFile.Create(summaryPath, summaryArgument!);
        using var interruption = new Interruption(context.Error, () =>
        {
            output.Abandon();
            summaryOutput?.Abandon();
        });
        try
        {
            using var reader = folder ? null : InputFile.OpenText(inputPath, inputArgument);
            var records = Records(context, inputArgument, inputPath, reader, reading, interruption.Token);
            var length = reader?.BaseStream.Length ?? 0;
            var sink = BatchOutputFormats.Sink(format, output, [.. compiled.Select(p => p.Label)]);
            sink.Begin();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progress = new BatchProgress(context.Error, context.ErrorIsTerminal, () => reader is null ? null : (double)reader.BaseStream.Position / Math.Max(1, length), () => clock.Elapsed);
            var summary = BatchEvaluator.Run(records, compiled, sink.Render, sink.Write, progress.Report, interruption.Token);
            progress.Done();
            if (summary.In != summary.Out)
            {
                throw new EvaluationException($"{summary.In} records read but {summary.Out} written; no output file was left");
            }

            sink.End();
            output.Commit();
            WriteSummary(context.Output, summary, outputArgument);
            if (summaryOutput is not null)
            {
                summaryOutput.Writer.WriteLine(BatchDisagreement.ToJson(summary));
                summaryOutput.Commit();
            }

            return summary.Errors > 0 ? ExitCodes.RecordsRefused : ExitCodes.Success;
        }
        catch (OperationCanceledException e)
        {
            return context.Fail(e, outputArgument);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Writing fails as an OutputException; this is the input failing as it is read.
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(inputArgument, 0, 0), DiagnosticCodes.File, string.Empty, $"cannot read file: {e.Message}; {outputArgument} was not written")]);
        }
    }

    /// <summary>A file input, which must be a regular file (a FIFO or a device would hang the run or never end).</summary>
    private static string[] Regular(string path, string shown)
    {
        if (FileNode.Of(path).Kind == FileNodeKind.Missing)
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(shown, 0, 0), DiagnosticCodes.File, string.Empty, "no such file or folder")]);
        }

        InputFile.RequireRegularFile(path, shown);
        return [path];
    }

    private static IEnumerable<PendingRecord> Records(CliContext context, string shown, string path, StreamReader? reader, CsvReading reading, CancellationToken cancel)
    {
        if (reader is null)
        {
            return ScenarioRecords.Folder(path, ScenarioFiles.Expand([shown], context));
        }

        return IsCsv(path) ? CsvScenarios.Read(reader, shown, reading, cancel) : ScenarioRecords.Jsonl(reader, shown, cancel);
    }

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The zone and map a CSV input is read with. The map is about CSV as people export it, so another input refuses it rather than ignoring it; the zone is also where the bookings are, so any input takes it.</summary>
    private static CsvReading CsvInputReading(CliContext context, string inputPath, bool folder, JurisdictionTime? timezone, string? mapArgument)
    {
        if (timezone is null && mapArgument is null)
        {
            return CsvReading.Plain;
        }

        if (mapArgument is not null && (folder || !IsCsv(inputPath)))
        {
            throw new UsageException("--map reads a .csv input; scenario files and JSON lines are in the batch layout already");
        }

        var map = mapArgument is null ? null : RecordMapLoader.LoadFile(context.Resolve(mapArgument), mapArgument);
        return new CsvReading(timezone, map);
    }

    private static void WriteSummary(TextWriter w, BatchSummary summary, string output)
    {
        w.WriteLine($"{summary.In.ToString("N0", CultureInfo.InvariantCulture)} records in, {summary.Out.ToString("N0", CultureInfo.InvariantCulture)} written to {output}, {summary.Errors.ToString("N0", CultureInfo.InvariantCulture)} with errors");
        for (var p = 0; p < summary.Policies.Count; p++)
        {
            w.WriteLine($"{summary.Policies[p]}:");
            foreach (var kind in Enum.GetValues<DecisionKind>())
            {
                var counts = Enum.GetValues<Modality>().Where(m => summary.Count(p, kind, m) > 0).Select(m => $"{Vocabulary.Word(m)} {summary.Count(p, kind, m).ToString("N0", CultureInfo.InvariantCulture)}");
                w.WriteLine($"  {Vocabulary.Word(kind),-28} {string.Join(", ", counts)}");
            }

            var outcomes = Enum.GetValues<Outcome>().Where(o => summary.Count(p, o) > 0).Select(o => $"{OutcomeWords.Of(o)} {summary.Count(p, o).ToString("N0", CultureInfo.InvariantCulture)}");
            w.WriteLine($"  {"outcome",-28} {string.Join(", ", outcomes)}");
        }

        foreach (var line in BatchDisagreement.Lines(summary))
        {
            w.WriteLine(line);
        }
    }

    /// <summary>What decides the records: policies by name, and agencies (narrowed by <c>--state</c>) by their layers.</summary>
    private sealed record Deciders(string[] Policies, string[] Agencies, string? State);
}
