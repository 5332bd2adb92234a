namespace DetainerRules.Yaml;

/// <summary>Folders a file named inside another file may be read from, checked on real paths so neither <c>..</c> nor a symbolic link leads out.</summary>
/// <remarks>
/// A policy names other policies (<c>extends</c>, <c>bound_by</c>) and an expectation file names
/// scenarios; the files named are read and their contents can end up in messages. So a name
/// resolves only to a file inside folders the user chose (the rules folders, the one the named
/// file came from), wherever <c>..</c> segments or links in the path point.
/// </remarks>
public sealed class FileReach
{
    /// <summary>Links followed in resolving one path before the rest is taken as written (a loop of links).</summary>
    private const int MaxLinks = 40;

    private readonly List<string> _roots;

    public FileReach(IEnumerable<string> roots) =>
        _roots = [.. roots.Select(RealPath).Distinct(StringComparer.Ordinal)];

    /// <summary>The folders, as real paths, in the order given.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>True when <paramref name="path"/>, links and <c>..</c> resolved, is inside one of the folders.</summary>
    public bool Holds(string path)
    {
        var real = RealPath(path);
        return _roots.Any(root => real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>Why a name written in a file cannot lead to a file within reach, whatever the folders: null when it can.</summary>
    /// <returns>"is an absolute path" (or one from the home folder), or "holds a character no path can" (a NUL).</returns>
    public static string? Unfit(string name) =>
        name.IndexOfAny(Path.GetInvalidPathChars()) >= 0 ? "holds a character no path can"
        : Path.IsPathRooted(name) || name.StartsWith('~') ? "is an absolute path"
        : null;

    /// <summary>The absolute path with every symbolic link along it resolved (for a path that does not exist, as far as it does).</summary>
    public static string RealPath(string path)
    {
        var links = 0;
        return RealPath(Path.GetFullPath(path), ref links);
    }

    /// <param name="links">Links followed so far in the whole resolution, so a loop or a farm of links ends.</param>
    private static string RealPath(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return next;
                }

                // A relative target is relative to the link's folder, which is already real.
                next = RealPath(Path.GetFullPath(Path.Combine(current, target)), ref links);
            }

            current = next;
        }

        return current;
    }
}
