using System.Globalization;

namespace DetainerRules.Tests.Differential;

/// <summary>How many generated policies a run covers, and from which seed: a fixed, modest set in CI, more on demand.</summary>
/// <remarks>
/// <c>DETAINER_DIFFERENTIAL_POLICIES=500</c> runs 500 policies instead of <see cref="DefaultPolicies"/>;
/// <c>DETAINER_DIFFERENTIAL_SEED=N</c> starts from seed N instead of 1, to explore policies CI never
/// sees. A failure names its seed; <c>PolicyGenerator.Generate(seed)</c> writes the same files again.
/// </remarks>
internal static class DifferentialRun
{
    public const int DefaultPolicies = 60;

    /// <summary>Points of a policy's scenario space compared; a larger space is sampled, every class of every dimension at least once.</summary>
    public const int SpacePoints = 120;

    /// <summary>Random scenarios compared per policy, aimed at the values its conditions name.</summary>
    public const int RandomScenarioCount = 120;

    public static int Policies => Read("DETAINER_DIFFERENTIAL_POLICIES", DefaultPolicies);

    public static int FirstSeed => Read("DETAINER_DIFFERENTIAL_SEED", 1);

    public static IEnumerable<TestCaseData> Seeds() =>
        Enumerable.Range(FirstSeed, Policies).Select(seed => new TestCaseData(seed).SetArgDisplayNames($"seed {seed}"));

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
