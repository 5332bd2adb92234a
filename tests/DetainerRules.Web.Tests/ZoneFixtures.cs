namespace DetainerRules.Web.Tests;

/// <summary>The workbench the time zone tests share: <see cref="FixturePolicies.LocalLookBack"/> (a policy that names no zone) beside the fixtures, <see cref="FixtureScenarios.AfterDark"/> as <c>scenarios/after-dark.yaml</c>, and its expectation file placing the same booking in Los Angeles (the file's zone) and in Tokyo (a case's).</summary>
internal static class ZoneFixtures
{
    public static async Task<Workbenches> Start()
    {
        var bench = await Workbenches.Start(("local-lookback", FixturePolicies.LocalLookBack));
        await File.WriteAllTextAsync(Path.Combine(bench.Folder, "scenarios", "after-dark.yaml"), FixtureScenarios.AfterDark);

        // The policy page's cases, as a repository lays them out beside rules/: the same booking pinned in two zones.
        var expectations = Directory.CreateDirectory(Path.Combine(bench.Folder, "tests", "expectations")).FullName;
        var scenario = string.Join("\n", FixtureScenarios.AfterDark.Split('\n').Select(l => "      " + l));
        await File.WriteAllTextAsync(Path.Combine(expectations, "local-lookback.yaml"), $"""
            policy: local-lookback
            timezone: America/Los_Angeles
            cases:
              - because: 28 February in Los Angeles
                expect: {"{"} notify_ice: required {"}"}
                scenario:
            {scenario}
              - timezone: Asia/Tokyo
                because: 1 March in Tokyo
                expect: {"{"} notify_ice: unknown {"}"}
                scenario:
            {scenario.Replace("id: after-dark", "id: after-dark-tokyo", StringComparison.Ordinal)}
            """);
        return bench;
    }
}
