using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Support;

/// <summary>Builds policies for tests: from inline YAML with the usual boilerplate, or shipped ones compiled once.</summary>
internal static class TestPolicies
{
    private static readonly ConcurrentDictionary<string, CompiledPolicy> Shipped = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, DelegatePolicy> ShippedDelegates = new(StringComparer.Ordinal);

    /// <summary>Every decision defaults to unknown; rules and extra sections are spliced in.</summary>
    public static string Yaml(string rules, string extra = "") => $$"""
        id: test-policy
        title: Test policy
        jurisdiction: Test
        sources:
          - id: src
            title: Test source
            citation: Test Code 1.1
        limits:
          h48: { hours: 48, exclude: [weekends, federal_holidays] }
          clock48: { hours: 48 }
        {{extra}}
        defaults:
          notify_ice: { value: unknown, because: silent }
          delay_release: { value: unknown, because: silent }
          release_if_ice_absent: { value: unknown, because: silent }
          transfer_to_ice: { value: unknown, because: silent }
          ice_jail_access: { value: unknown, because: silent }
          ask_immigration_status: { value: unknown, because: silent }
          share_criminal_intelligence: { value: unknown, because: silent }
          assist_civil_enforcement: { value: unknown, because: silent }
        rules:
        {{rules}}
        """;

    public static Policy Load(string rules, string extra = "") => PolicyLoader.Load(Yaml(rules, extra), "test.yaml");

    public static CompiledPolicy Compile(string rules, string extra = "") => PolicyCompiler.Compile(Load(rules, extra));

    /// <summary>The policy compiled for the given engine.</summary>
    public static IPolicyEvaluator Compile(EngineKind engine, string rules, string extra = "") => Engines.Compile(engine, Load(rules, extra));

    /// <summary>The ids of the catalog's policies (not the variants).</summary>
    public static IEnumerable<string> CatalogIds() => Repository.PolicyFiles().Select(f => Path.GetFileNameWithoutExtension(f)!);

    public static DelegatePolicy ShippedDelegate(string id) => ShippedDelegates.GetOrAdd(id, i => DelegatePolicy.From(ShippedPolicy(i)));

    public static CompiledPolicy ShippedPolicy(string id) =>
        Shipped.GetOrAdd(id, i => PolicyCompiler.Compile(PolicyLoader.LoadFile(Path.Combine(Repository.Rules, i + ".yaml")), PolicyLoader.LoadBeside));
}
