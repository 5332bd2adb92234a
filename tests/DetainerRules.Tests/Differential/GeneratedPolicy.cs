using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Differential;

/// <summary>A generated policy set written to a folder of its own, loaded as a user's files would be, and compiled both ways.</summary>
/// <remarks>Each seed is loaded once per test run and shared by the fixtures that use it; the files are deleted once loaded.</remarks>
internal sealed class GeneratedPolicy
{
    private static readonly ConcurrentDictionary<int, Lazy<GeneratedPolicy>> Loaded = new();

    private GeneratedPolicy(GeneratedPolicySet set, Policy policy)
    {
        Set = set;
        Policy = policy;
        Network = PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside);
        CompiledNetwork = PolicyCompiler.CompileForBulk(policy, PolicyLoader.LoadBeside);
        Delegates = DelegatePolicy.Compile(policy, PolicyLoader.LoadBeside);
        Palette = ScenarioPalette.Of(Layers(Network).Select(p => p.Policy));

        // Placed only where it changes something: a policy that names its zone ignores where the bookings are.
        if (Layers(Network).Any(p => p.Policy.Time.ZoneId is null) && set.BookingZone is { } zone)
        {
            Bookings = JurisdictionTime.Find(zone) ?? throw new InvalidOperationException($"seed {set.Seed}: no time zone `{zone}`");
            PlacedNetwork = PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside, Bookings);
            PlacedCompiledNetwork = PolicyCompiler.CompileForBulk(policy, PolicyLoader.LoadBeside, Bookings);
            PlacedDelegates = DelegatePolicy.Compile(policy, PolicyLoader.LoadBeside, Bookings);
        }
    }

    public GeneratedPolicySet Set { get; }

    public Policy Policy { get; }

    /// <summary>The rule network: the reference.</summary>
    public CompiledPolicy Network { get; }

    /// <summary>The same network with its expressions compiled to IL, as <c>--engine nrules</c> builds it for bulk work.</summary>
    public CompiledPolicy CompiledNetwork { get; }

    /// <summary>The delegate twin, compiled straight from the policy as the bulk commands do.</summary>
    public DelegatePolicy Delegates { get; }

    /// <summary>Where the bookings are (<c>--timezone</c>), when the policy or an authority names no zone (<c>local</c>, or no <c>time_zone</c>); null when every layer names its own.</summary>
    public JurisdictionTime? Bookings { get; }

    /// <summary>The rule network with the policies that name no zone placed in <see cref="Bookings"/>; null when <see cref="Bookings"/> is.</summary>
    public CompiledPolicy? PlacedNetwork { get; }

    /// <summary>The compiled network placed in <see cref="Bookings"/>; null when <see cref="Bookings"/> is.</summary>
    public CompiledPolicy? PlacedCompiledNetwork { get; }

    /// <summary>The delegate twin placed in <see cref="Bookings"/>, compiled straight from the policy as <c>batch --timezone</c> does; null when <see cref="Bookings"/> is.</summary>
    public DelegatePolicy? PlacedDelegates { get; }

    /// <summary>What the policy's and its authorities' conditions name, to aim random scenarios with.</summary>
    public ScenarioPalette Palette { get; }

    /// <exception cref="InvalidOperationException">The generator wrote a policy the loader refuses, a defect in one of them; the message holds the files.</exception>
    public static GeneratedPolicy For(int seed) => Loaded.GetOrAdd(seed, s => new Lazy<GeneratedPolicy>(() => Load(s))).Value;

    private static GeneratedPolicy Load(int seed)
    {
        var set = PolicyGenerator.Generate(seed);
        var folder = Directory.CreateTempSubdirectory($"detainer-generated-{seed}-").FullName;
        try
        {
            return new GeneratedPolicy(set, PolicyLoader.LoadFile(set.WriteTo(folder)));
        }
        catch (InvalidInputException e)
        {
            var kept = Path.Combine(TestContext.CurrentContext.WorkDirectory, "differential-failures", $"seed-{seed}");
            set.WriteTo(kept);
            throw new InvalidOperationException($"seed {seed}: the generated policy does not load (files kept in {kept}):\n{string.Join("\n", e.Diagnostics)}\n\n{set}", e);
        }
        finally
        {
            // Bases and authorities are read while loading and compiling; nothing reads the files after.
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The policy and every authority above it, each once.</summary>
    public static IEnumerable<IPolicyEvaluator> Layers(IPolicyEvaluator policy) =>
        new[] { policy }.Concat(policy.Authorities.SelectMany(Layers)).DistinctBy(p => p.Policy.Id);
}
