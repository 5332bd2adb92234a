namespace DetainerRules.Browser.Tests;

/// <summary>The repository these tests were built from, found from the test assembly's folder upward (its <c>DetainerRules.sln</c>).</summary>
internal static class Repository
{
    /// <summary>The file at <paramref name="relative"/> under the repository's root; null when no root or no such file is found.</summary>
    public static string? File(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "DetainerRules.sln")))
            {
                var path = Path.Combine(folder.FullName, relative);
                return System.IO.File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
