namespace DetainerRules.Tests.Support;

/// <summary>Paths into the repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DetainerRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DetainerRules.sln not found above the test folder");
    });

    public static string Root => RootPath.Value;

    public static string Rules => Path.Combine(Root, "rules");

    public static string Scenarios => Path.Combine(Root, "seeds", "scenarios");

    public static string Expectations => Path.Combine(Root, "tests", "expectations");

    public static IEnumerable<string> PolicyFiles() => Directory.EnumerateFiles(Rules, "*.yaml").Order(StringComparer.Ordinal);

    public static IEnumerable<string> ScenarioFiles() =>
        Directory.EnumerateFiles(Scenarios).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
