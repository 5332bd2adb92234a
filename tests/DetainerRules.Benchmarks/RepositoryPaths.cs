namespace DetainerRules.Benchmarks;

/// <summary>Paths into the repository, found by walking up from the program's folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DetainerRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DetainerRules.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    /// <summary>The catalog file of a policy: <c>rules/&lt;id&gt;.yaml</c>.</summary>
    public static string Policy(string id) => Path.Combine(Root, "rules", id + ".yaml");
}
