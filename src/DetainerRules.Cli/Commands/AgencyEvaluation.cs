using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer evaluate --agency</c>: each scenario under the layers that bound the agency on its booking day (<see cref="AgencyLayers"/>).</summary>
internal static class AgencyEvaluation
{
    private static readonly ConditionTracer Tracer = new();

    public static int Run(CliContext context, string name, string? state, ReportFormat format, bool explain, string[]? rulesFolders, string[] arguments)
    {
        var roster = AgenciesCommand.Load(context, rulesFolders);
        var agency = AgenciesCommand.Find(roster, name, AgenciesCommand.StateCode(state));
        var layers = new AgencyLayers(context.Catalog(rulesFolders), agency, roster);

        // One compiled policy per combination of layers, however many scenarios share it.
        var compiled = new Dictionary<string, CompiledPolicy>(StringComparer.Ordinal);
        var exit = ExitCodes.Success;
        var first = true;
        foreach (var file in ScenarioFiles.Expand(arguments, context))
        {
            try
            {
                var scenario = ScenarioLoader.LoadFile(context.Resolve(file), file);
                var layered = layers.On(scenario.BookedAt);
                if (!compiled.TryGetValue(layered.Key, out var network))
                {
                    network = PolicyCompiler.Compile(layered.Policy, layered.Authority);
                    compiled[layered.Key] = network;
                }

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
                    continue;
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
            }
            catch (InvalidInputException e)
            {
                exit = context.Fail(e);
            }
            catch (EvaluationException e)
            {
                exit = context.Fail(e, file);
            }
        }

        return exit;
    }
}
