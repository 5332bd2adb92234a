using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Differential;

/// <summary>What a failed differential test prints: the generated policy's files and the scenario, kept on disk so the command line can run them again.</summary>
internal static class Disagreement
{
    /// <param name="bookings">The zone the policies that name none were placed in (<c>--timezone</c>); null when evaluated as written.</param>
    public static string Report(GeneratedPolicy policy, JurisdictionTime? bookings, Scenario scenario, string what, string reference, string twin)
    {
        var timezone = bookings?.ZoneId is { } zone ? $" --timezone {zone}" : string.Empty;
        var zones = string.Join("; ", GeneratedPolicy.Layers(policy.Network).Select(p => $"{p.Policy.Id}: {p.Policy.Time.Name ?? "no time_zone"}"));
        var placed = bookings?.ZoneId is { } where ? $"placed in {where} (the policies that name no zone judge their days there)" : "as written (not placed in a zone)";
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "differential-failures", $"seed-{policy.Set.Seed}");
        var root = policy.Set.WriteTo(folder);
        var file = Path.Combine(folder, scenario.Id + ".json");
        File.WriteAllText(file, ScenarioJson.ToJson(scenario) + "\n");
        File.WriteAllText(Path.ChangeExtension(file, ".jsonl"), ScenarioJson.ToJson(scenario, indented: false) + "\n");
        return $"""
            seed {policy.Set.Seed}: {what} on scenario `{scenario.Id}`, {placed}.
            Time zones: {zones}.
            The files are kept in {folder}; to run them again:
              detainer evaluate --policy {root}{timezone} {file}
              detainer batch --policy {root}{timezone} --input {Path.ChangeExtension(file, ".jsonl")} --output nrules.jsonl --engine nrules
              detainer batch --policy {root}{timezone} --input {Path.ChangeExtension(file, ".jsonl")} --output delegates.jsonl --engine delegates
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
