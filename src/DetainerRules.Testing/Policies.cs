using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml;
using NUnit.Framework;

namespace DetainerRules.Testing;

/// <summary>Where tests get policies: by id through the same lookup as the <c>detainer</c> command, by path, or from YAML text.</summary>
/// <remarks>
/// Ids are looked up in the folders given to <see cref="UseRules"/>, then those of the
/// <c>DETAINER_RULES</c> environment variable, then the nearest <c>rules/</c> folder above the test
/// assembly's folder, then the catalog this package ships (README, "Where policies are found").
/// </remarks>
public static class Policies
{
    // One catalog per search path, so each file is read once per run; compiled policies keyed by search path and file.
    private static readonly ConcurrentDictionary<string, PolicyCatalog> Catalogs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string SearchPath, string File), PolicyUnderTest> Loaded = [];
    private static volatile string[] _rules = [];

    /// <summary>Looks policy ids up in these folders first, in order (as <c>--rules</c> does); replaces the folders given before.</summary>
    /// <param name="folders">Absolute, or relative to the test assembly's folder (<c>TestContext.CurrentContext.TestDirectory</c>).</param>
    /// <remarks>Call it once, before the tests load policies (in a <c>[SetUpFixture]</c>'s <c>[OneTimeSetUp]</c>, say); it holds for the whole run.</remarks>
    /// <exception cref="CatalogPathException">A folder does not exist.</exception>
    public static void UseRules(params string[] folders)
    {
        var full = folders.Select(f => Path.GetFullPath(f, TestDirectory)).ToArray();
        _ = CatalogSearchPath.Standard(full, nameof(UseRules), null, TestDirectory, ShippedCatalog);
        _rules = full;
    }

    /// <summary>The catalog tests look ids up in now.</summary>
    /// <exception cref="CatalogPathException">A folder in <c>DETAINER_RULES</c> does not exist.</exception>
    public static PolicyCatalog Catalog
    {
        get
        {
            var path = CatalogSearchPath.Standard(_rules, nameof(UseRules), Environment.GetEnvironmentVariable(CatalogSearchPath.Variable), TestDirectory, ShippedCatalog);
            return Catalogs.GetOrAdd(string.Join('\n', path.Folders), _ => new PolicyCatalog(path));
        }
    }

    /// <summary>A policy by id or by path; compiled once per test run.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, or a file with problems.</exception>
    public static PolicyUnderTest Load(string idOrPath)
    {
        var catalog = Catalog;
        var asPath = Path.GetFullPath(idOrPath, TestDirectory);
        var path = Path.GetFullPath(catalog.Resolve(File.Exists(asPath) ? asPath : idOrPath));
        return Loaded.GetOrAdd((string.Join('\n', catalog.SearchPath.Folders), path), key => UnderTest(catalog, catalog.Load(key.File)));
    }

    /// <summary>A policy written inline, e.g. a variant a test drafts on the spot: its <c>extends</c> and <c>bound_by</c> name catalog policies by id.</summary>
    /// <param name="name">The file the text stands for, relative to the test assembly's folder; ids are looked up beside it first.</param>
    /// <exception cref="Model.Diagnostics.InvalidInputException">The text, or a policy it names, has problems.</exception>
    public static PolicyUnderTest Parse(string yaml, string name = "inline.yaml")
    {
        var catalog = Catalog;
        return UnderTest(catalog, catalog.Parse(yaml, Path.GetFullPath(name, TestDirectory)));
    }

    /// <summary>A policy compiled with the authorities in force on the day its comparisons are booked on, and, for a scenario, on that scenario's booking day (each combination compiled once).</summary>
    private static PolicyUnderTest UnderTest(PolicyCatalog catalog, Policy policy)
    {
        var compiled = new DatedPolicies<CompiledPolicy>(catalog, PolicyCompiler.Compose);
        return new PolicyUnderTest(
            compiled.On(policy, Analysis.Space.BookingDay.For([policy]).Day),
            scenario => compiled.At(policy, scenario.BookedAt));
    }

    /// <summary>Two policies side by side: <c>Policies.Compare("lvmpd-2023", "lvmpd-2025-01").On(DecisionKind.NotifyIce)</c>.</summary>
    public static PolicyPair Compare(string first, string second) => Load(first).Versus(Load(second));

    private static string TestDirectory => TestContext.CurrentContext.TestDirectory;

    /// <summary>The catalog this package carries, copied beside the test assembly.</summary>
    private static string ShippedCatalog =>
        Path.Combine(Path.GetDirectoryName(typeof(Policies).Assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory, "rules");
}
