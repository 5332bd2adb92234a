using DetainerRules.TestSupport;

namespace DetainerRules.Web.Tests;

/// <summary>The workbench the time zone tests share: <see cref="TwoZoneFixture.LocalLookBack"/> (a policy that names no zone) beside the fixtures, <see cref="TwoZoneFixture.AfterDark"/> as <c>scenarios/after-dark.yaml</c>, and its expectation file placing the same booking in Los Angeles (the file's zone) and in Tokyo (a case's): <see cref="TwoZoneFixture.FileZoneExpectations"/>, the command line's tests' fixture.</summary>
internal static class ZoneFixtures
{
    public static async Task<Workbenches> Start()
    {
        var bench = await Workbenches.Start((TwoZoneFixture.PolicyId, TwoZoneFixture.LocalLookBack));
        await File.WriteAllTextAsync(Path.Combine(bench.Folder, "scenarios", TwoZoneFixture.BookingId + ".yaml"), TwoZoneFixture.AfterDark);

        // The policy page's cases, as a repository lays them out beside rules/: the same booking pinned in two zones.
        var expectations = Directory.CreateDirectory(Path.Combine(bench.Folder, "tests", "expectations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(expectations, TwoZoneFixture.PolicyId + ".yaml"), TwoZoneFixture.FileZoneExpectations);
        return bench;
    }
}
