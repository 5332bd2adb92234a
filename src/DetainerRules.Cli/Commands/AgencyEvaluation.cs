using DetainerRules.Engine;
using DetainerRules.Reports;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer evaluate --agency</c>: each scenario under the layers that bound the agency on its booking day (<see cref="AgencyLayers"/>).</summary>
internal static class AgencyEvaluation
{
    private static readonly ConditionTracer Tracer = new();

    public static int Run(CliContext context, string name, string? state, ReportFormat format, bool explain, string[]? rulesFolders, string[] arguments)
    {
        var selection = AgencySelection.Resolve(context, name, state, rulesFolders, PolicyCompiler.Compile);
        var agency = selection.Agency;
        var first = true;
        return ScenarioFiles.Decide(context, arguments, (file, scenario) =>
        {
            var (layered, network) = selection.On(scenario.BookedAt);
            var verdict = network.Evaluate(scenario);
            var explanations = explain ? DecisionExplanation.Of(verdict, Tracer) : null;
            if (format == ReportFormat.Json)
            {
                // The layers are in the JSON itself (policy.bound_by, each decision's layer); their notes go beside it.
                foreach (var note in layered.Notes)
                {
                    context.Error.WriteLine($"{file}: {agency.Id}: {note}");
                }

                context.Document.WriteLine(JsonReport.ToJson(verdict, explanations: explanations));
                return;
            }

            if (!first)
            {
                context.Output.WriteLine(new string('-', 72));
            }

            first = false;
            context.Output.WriteLine($"Agency: {agency.Name} ({agency.Id}, {agency.State}); scenario {scenario.Id}, booked {scenario.BookedAt:yyyy-MM-dd}");
            foreach (var note in layered.Notes)
            {
                context.Output.WriteLine($"  {note}");
            }

            context.Output.WriteLine();
            TextReport.Write(context.Output, verdict, explanations, null);
        });
    }
}
