using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

// FsCheck supplies the arguments of [FsCheck.NUnit.Property] methods; NUnit's analyzer cannot see that.
#pragma warning disable NUnit1027

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// Property-based tests (FsCheck): for random scenarios, answers do not depend on rule order,
/// on YAML versus JSON, or on the run; random damage to a scenario file always yields either a
/// scenario or errors with positions, never another exception.
/// </summary>
/// <remarks>FsCheck draws the seeds; each seed makes a scenario with <see cref="RandomScenarios"/>, so a failure names a seed that reproduces it.</remarks>
[TestFixture]
public class ScenarioPropertyTests
{
    private static readonly string[] Policies = ["lvmpd-2023", "california", "nyc", "texas-sb4", "lvmpd-2025-06", "stockton"];

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public bool Evaluate_RulesInAnotherOrder_SameOutput(int seed, int shuffle)
    {
        var scenario = RandomScenarios.Generate(seed, 1).Single();
        var candidates = Policies.Select(id => TestPolicies.ShippedPolicy(id).Policy).Where(p => p.Rules.Count > 1).ToList();
        var policy = candidates[Math.Abs(shuffle % candidates.Count)];
        var reordered = policy with { Rules = Reorder.Shuffled(policy.Rules, shuffle) };

        var original = JsonReport.ToJson(PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside).Evaluate(scenario));
        var network = JsonReport.ToJson(PolicyCompiler.Compile(reordered, PolicyLoader.LoadBeside).Evaluate(scenario));
        var delegates = JsonReport.ToJson(DelegatePolicy.Compile(reordered, PolicyLoader.LoadBeside).Evaluate(scenario));
        return !reordered.Rules.SequenceEqual(policy.Rules) && original == network && original == delegates;
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Shuffled_TwoOrMoreItems_AnotherOrderOfTheSameItems(int seed, byte count)
    {
        var items = Enumerable.Range(0, 2 + (count % 30)).ToList();
        var shuffled = Reorder.Shuffled(items, seed);
        return !shuffled.SequenceEqual(items) && shuffled.Order().SequenceEqual(items);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Evaluate_ScenarioWrittenAsYamlOrJson_SameOutput(int seed)
    {
        var scenario = RandomScenarios.Generate(seed, 1).Single();
        var fromYaml = ScenarioLoader.Load(ScenarioYaml.Write(scenario), "s.yaml", "s");
        var fromJson = ScenarioLoader.Load(ScenarioJson.ToJson(scenario), "s.json", "s");

        return Policies.All(id =>
        {
            var network = TestPolicies.ShippedPolicy(id);
            return JsonReport.ToJson(network.Evaluate(fromYaml)) == JsonReport.ToJson(network.Evaluate(fromJson));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public bool Evaluate_Twice_ByteIdentical(int seed)
    {
        var scenario = RandomScenarios.Generate(seed, 1).Single();
        return Policies.All(id =>
        {
            var first = JsonReport.ToJson(TestPolicies.ShippedPolicy(id).Evaluate(scenario));
            var second = JsonReport.ToJson(PolicyCompiler.Compile(TestPolicies.ShippedPolicy(id).Policy, PolicyLoader.LoadBeside).Evaluate(scenario));
            return first == second;
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public bool Load_DamagedScenario_GivesAScenarioOrPositionedErrors(int seed, int at, int length, string? insert)
    {
        var text = ScenarioYaml.Write(RandomScenarios.Generate(seed, 1).Single());
        var start = Math.Abs(at % text.Length);
        var cut = Math.Min(Math.Abs(length % 12), text.Length - start);
        var damaged = text[..start] + (insert ?? string.Empty) + text[(start + cut)..];
        try
        {
            ScenarioLoader.Load(damaged, "damaged.yaml", "damaged");
            return true;
        }
        catch (InvalidInputException e)
        {
            return e.Diagnostics.Count > 0 && e.Diagnostics.All(d => d.Span.Line >= 1 && d.Span.Column >= 1 && d.Message.Length > 0);
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public bool Load_DamagedPolicy_GivesAPolicyOrPositionedErrors(int at, int length, string? insert, bool shipped)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Rules, shipped ? "california.yaml" : "lvmpd-2023.yaml"));
        var start = Math.Abs(at % text.Length);
        var cut = Math.Min(Math.Abs(length % 12), text.Length - start);
        var damaged = text[..start] + (insert ?? string.Empty) + text[(start + cut)..];
        try
        {
            var policy = PolicyLoader.Load(damaged, Path.Combine(Repository.Rules, "damaged.yaml"));
            DelegatePolicy.From(PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside));
            return true;
        }
        catch (InvalidInputException e)
        {
            return e.Diagnostics.Count > 0 && e.Diagnostics.All(d => d.Span.Line >= 1 && d.Span.Column >= 1 && d.Message.Length > 0);
        }
    }
}
