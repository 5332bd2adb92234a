using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Support;

/// <summary>Builds policies for tests: from inline YAML with the usual boilerplate, or shipped ones compiled once.</summary>
internal static class TestPolicies
{
    private static readonly ConcurrentDictionary<string, CompiledPolicy> Shipped = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, DelegatePolicy> ShippedDelegates = new(StringComparer.Ordinal);

    /// <summary>Every decision defaults to unknown; rules and extra sections are spliced in (<see cref="TestSupport.PolicyTemplate"/>).</summary>
    public static string Yaml(string rules, string extra = "") => TestSupport.PolicyTemplate.Yaml(rules, extra);

    public static Policy Load(string rules, string extra = "") => PolicyLoader.Load(Yaml(rules, extra), "test.yaml");

    public static CompiledPolicy Compile(string rules, string extra = "") => PolicyCompiler.Compile(Load(rules, extra));

    /// <summary>The policy compiled for the given engine.</summary>
    public static IPolicyEvaluator Compile(EngineKind engine, string rules, string extra = "") => Engines.Compile(engine, Load(rules, extra));

    /// <summary>The ids of the catalog's policies (not the variants).</summary>
    public static IEnumerable<string> CatalogIds() => Repository.PolicyFiles().Select(f => Path.GetFileNameWithoutExtension(f)!);

    public static DelegatePolicy ShippedDelegate(string id) => ShippedDelegates.GetOrAdd(id, i => DelegatePolicy.From(ShippedPolicy(i)));

    /// <summary>A shipped policy as it decides a booking: its authorities the versions in force on the booking day (<see cref="AuthoritiesInForce"/>), as <c>detainer test</c> and <c>evaluate</c> take them.</summary>
    /// <param name="bookings">Where the bookings are (an expectation file's or case's <c>timezone</c>, <c>--timezone</c>): the zone of a policy that names none.</param>
    public static CompiledPolicy ShippedPolicyAt(string id, DateTimeOffset bookedAt, JurisdictionTime? bookings = null)
    {
        var dated = ShippedDated.In(bookings);
        return dated.At(dated.Catalog.Load(id), bookedAt);
    }

    private static readonly DatedPolicies<CompiledPolicy> ShippedDated = new(new PolicyCatalog([Repository.Rules]), PolicyCompiler.Compose);

    public static CompiledPolicy ShippedPolicy(string id) =>
        Shipped.GetOrAdd(id, i => PolicyCompiler.Compile(PolicyLoader.LoadFile(Path.Combine(Repository.Rules, i + ".yaml")), PolicyLoader.LoadBeside));
}
