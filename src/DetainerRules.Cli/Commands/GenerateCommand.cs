using System.CommandLine;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli.Files;
using DetainerRules.Reports;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer generate</c>: synthetic booking records for trials, reproducible from a seed.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many records", Required = true };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000_000)
            {
                r.AddError("--count: give 1 to 100,000,000");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed for the random choices; the same seed gives the same records", DefaultValueFactory = _ => 1 };
        var format = new FormatOption(RecordFormat.Jsonl, RecordFormat.Csv);
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var command = new Command("generate", "Make synthetic booking records (invented, plausible in shape) as JSON lines or CSV for trying batch runs")
        {
            count, seed, format, output,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(count), parse.GetValue(seed), (RecordFormat)format.ValueIn(parse) == RecordFormat.Csv, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, int count, int seed, bool csv, string? outputArgument)
    {
        if (outputArgument is null)
        {
            Write(context.Document, count, seed, csv, CancellationToken.None);
            return ExitCodes.Success;
        }

        var path = context.Resolve(outputArgument);
        if (OutputFile.Refusal(path, []) is { } refusal)
        {
            throw new UsageException($"--output `{outputArgument}` {refusal}");
        }

        using var file = OutputFile.Create(path, outputArgument);
        using var interruption = new Interruption(context.Error, file.Abandon);
        try
        {
            Write(file.Writer, count, seed, csv, interruption.Token);
        }
        catch (OperationCanceledException e)
        {
            return context.Fail(e, outputArgument);
        }

        file.Commit();
        return ExitCodes.Success;
    }

    private static void Write(TextWriter w, int count, int seed, bool csv, CancellationToken cancel)
    {
        if (csv)
        {
            w.WriteLine(ScenarioCsv.Header);
        }

        var n = 0;
        foreach (var scenario in BookingGenerator.Generate(count, seed))
        {
            if (++n % 4096 == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            w.WriteLine(csv ? ScenarioCsv.Row(scenario) : ScenarioJson.ToJson(scenario, indented: false));
        }
    }
}
