using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Differential;

/// <summary>What a failed differential test prints: the generated policy's files and the scenario, kept on disk so the command line can run them again.</summary>
internal static class Disagreement
{
    public static string Report(GeneratedPolicy policy, Scenario scenario, string what, string reference, string twin)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "differential-failures", $"seed-{policy.Set.Seed}");
        var root = policy.Set.WriteTo(folder);
        var file = Path.Combine(folder, scenario.Id + ".json");
        File.WriteAllText(file, ScenarioJson.ToJson(scenario) + "\n");
        File.WriteAllText(Path.ChangeExtension(file, ".jsonl"), ScenarioJson.ToJson(scenario, indented: false) + "\n");
        return $"""
            seed {policy.Set.Seed}: {what} on scenario `{scenario.Id}`.
            The files are kept in {folder}; to run them again:
              detainer evaluate --policy {root} {file}
              detainer batch --policy {root} --input {Path.ChangeExtension(file, ".jsonl")} --output nrules.jsonl --engine nrules
              detainer batch --policy {root} --input {Path.ChangeExtension(file, ".jsonl")} --output delegates.jsonl --engine delegates
            (or PolicyGenerator.Generate({policy.Set.Seed}) in code)

            rule network:
            {reference}

            delegate twin:
            {twin}

            scenario ({file}):
            {ScenarioJson.ToJson(scenario)}

            policy files:
            {policy.Set}
            """;
    }
}
