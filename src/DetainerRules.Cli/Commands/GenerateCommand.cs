using System.CommandLine;
using DetainerRules.Analysis.Batch;
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
        var format = CommonOptions.Format("jsonl", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var command = new Command("generate", "Make synthetic booking records (invented, plausible in shape) as JSON lines or CSV for trying batch runs")
        {
            count, seed, format, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output) is { } o ? context.Resolve(o) : null;
            using var file = path is null ? null : new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            TextWriter w = file is null ? context.Document : file;
            var csv = parse.GetRequiredValue(format) == "csv";
            if (csv)
            {
                w.WriteLine(ScenarioCsv.Header);
            }

            foreach (var scenario in BookingGenerator.Generate(parse.GetRequiredValue(count), parse.GetValue(seed)))
            {
                w.WriteLine(csv ? ScenarioCsv.Row(scenario) : ScenarioJson.ToJson(scenario, indented: false));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
