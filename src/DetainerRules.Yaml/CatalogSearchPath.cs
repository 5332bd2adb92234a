namespace DetainerRules.Yaml;

/// <summary>Where policy ids are looked up, in order: the first place that holds an id answers for it.</summary>
/// <remarks>
/// <para>
/// The one lookup every command and the testing kit use (README, "Where policies are found"). A
/// name written in a policy (<c>extends</c>, <c>bound_by</c>) is looked up beside that file first
/// (<see cref="PolicyReach"/>), then here; a name on the command line only here. <see cref="Standard"/>
/// builds the usual path: folders the caller names (<c>--rules</c>, <c>Policies.UseRules</c>), then
/// the folders of the <see cref="Variable"/> environment variable, then the nearest <c>rules/</c>
/// folder above the working directory, then the catalog shipped with the program.
/// </para>
/// <para>
/// This type reads neither the environment nor the working directory: the program's edge (the
/// command line, the testing kit) passes both in, so the loaders stay free of where they run.
/// </para>
/// </remarks>
public sealed class CatalogSearchPath
{
    /// <summary>The environment variable holding extra catalog folders, separated as <c>PATH</c> is (<see cref="Path.PathSeparator"/>: <c>:</c> on Unix, <c>;</c> on Windows).</summary>
    public const string Variable = "DETAINER_RULES";

    /// <summary>How <see cref="CatalogPlace.Origin"/> names the nearest <c>rules/</c> folder.</summary>
    public const string NearestOrigin = "the nearest rules/ folder";

    /// <summary>How <see cref="CatalogPlace.Origin"/> names the catalog shipped with the program.</summary>
    public const string ShippedOrigin = "the shipped catalog";

    private CatalogSearchPath(IReadOnlyList<CatalogPlace> places)
    {
        Places = places;
        Folders = [.. places.Select(p => p.Folder)];
    }

    /// <summary>No folder at all: names resolve only beside the file that writes them.</summary>
    public static CatalogSearchPath None { get; } = new([]);

    /// <summary>The places, nearest first; a folder reached twice (the same real path) is kept at its first place.</summary>
    public IReadOnlyList<CatalogPlace> Places { get; }

    /// <summary>The places' folders, in the same order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>These folders, in this order, each named by <paramref name="origin"/>; folders that do not exist are kept (and hold nothing).</summary>
    public static CatalogSearchPath Of(IEnumerable<string> folders, string origin = "rules folder") =>
        new(Distinct(folders.Select(f => new CatalogPlace(Path.GetFullPath(f), origin))));

    /// <summary>The usual search path.</summary>
    /// <param name="rulesFolders">Folders the user named (<c>--rules</c>, in the order given); relative ones are taken from <paramref name="workingDirectory"/>.</param>
    /// <param name="rulesOrigin">How messages name <paramref name="rulesFolders"/>' source, e.g. <c>--rules</c>.</param>
    /// <param name="variable">The value of <see cref="Variable"/>, or null when it is not set; empty entries are ignored.</param>
    /// <param name="workingDirectory">Where the nearest <c>rules/</c> folder is looked for, upwards.</param>
    /// <param name="shippedCatalog">The catalog shipped with the program (its <c>rules/</c> folder); left out when it does not exist.</param>
    /// <exception cref="CatalogPathException">A folder named in <paramref name="rulesFolders"/> or <paramref name="variable"/> is not a folder.</exception>
    public static CatalogSearchPath Standard(IEnumerable<string> rulesFolders, string rulesOrigin, string? variable, string workingDirectory, string shippedCatalog)
    {
        var places = new List<CatalogPlace>();
        places.AddRange(rulesFolders.Select(f => Named(f, rulesOrigin, workingDirectory)));
        places.AddRange((variable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Named(f, Variable, workingDirectory)));

        var shipped = Path.GetFullPath(shippedCatalog);
        if (Nearest(workingDirectory, shipped) is { } nearest)
        {
            places.Add(new CatalogPlace(nearest, NearestOrigin));
        }

        if (Directory.Exists(shipped))
        {
            places.Add(new CatalogPlace(shipped, ShippedOrigin));
        }

        return new CatalogSearchPath(Distinct(places));
    }

    /// <summary>The place <paramref name="file"/> lies directly in; null when it is in none.</summary>
    public CatalogPlace? PlaceOf(string file)
    {
        var folder = Path.GetDirectoryName(FileReach.RealPath(file));
        return Places.FirstOrDefault(p => string.Equals(FileReach.RealPath(p.Folder), folder, StringComparison.Ordinal));
    }

    /// <summary>The places for a message: <c>--rules (/a), the shipped catalog (/b)</c>, or "no catalog folder".</summary>
    public string Describe() => Places.Count == 0 ? "no catalog folder" : string.Join(", ", Places);

    private static CatalogPlace Named(string folder, string origin, string workingDirectory)
    {
        var full = Path.GetFullPath(folder, workingDirectory);
        return Directory.Exists(full) ? new CatalogPlace(full, origin) : throw new CatalogPathException($"{origin}: `{folder}` is not a folder");
    }

    /// <summary>The nearest folder named <c>rules</c> at or above <paramref name="workingDirectory"/>, passing over the shipped catalog itself (a program or test run from its own output folder), which comes last in any case.</summary>
    private static string? Nearest(string workingDirectory, string shipped)
    {
        var shippedReal = FileReach.RealPath(shipped);
        for (var dir = new DirectoryInfo(Path.GetFullPath(workingDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (Directory.Exists(candidate) && !string.Equals(FileReach.RealPath(candidate), shippedReal, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<CatalogPlace> Distinct(IEnumerable<CatalogPlace> places)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. places.Where(p => seen.Add(FileReach.RealPath(p.Folder)))];
    }
}
