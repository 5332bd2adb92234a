using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Yaml;
using NUnit.Framework;

namespace DetainerRules.Testing;

/// <summary>Where tests get policies: by id from the nearest <c>rules/</c> folder, by path, or from YAML text.</summary>
public static class Policies
{
    private static readonly ConcurrentDictionary<string, PolicyUnderTest> Loaded = new(StringComparer.Ordinal);

    /// <summary>A policy by id (looked up in the nearest <c>rules/</c> folder above the test's folder, then in the catalog shipped with the tool) or by path; compiled once per test run.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, or a file with problems.</exception>
    public static PolicyUnderTest Load(string idOrPath)
    {
        var catalog = PolicyCatalog.Locate(null, TestContext.CurrentContext.TestDirectory, AppContext.BaseDirectory);
        var path = Path.GetFullPath(catalog.Resolve(idOrPath));
        return Loaded.GetOrAdd(path, p => new PolicyUnderTest(PolicyCompiler.Compile(catalog.Load(p), catalog.Authority)));
    }

    /// <summary>A policy written inline, e.g. a variant a test drafts on the spot.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">The text has problems.</exception>
    public static PolicyUnderTest Parse(string yaml, string name = "inline.yaml") =>
        new(PolicyCompiler.Compile(PolicyLoader.Load(yaml, name)));

    /// <summary>Two policies side by side: <c>Policies.Compare("lvmpd-2023", "lvmpd-2025-01").On(DecisionKind.NotifyIce)</c>.</summary>
    public static PolicyPair Compare(string first, string second) => Load(first).Versus(Load(second));
}
