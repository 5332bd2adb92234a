using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml;

/// <summary>Where the policies a policy names (in <c>extends</c> and <c>bound_by</c>) may be found: beside it, in the catalog's search path, and within the folder tree the first policy was read from.</summary>
/// <remarks>
/// <para>
/// A name resolves to a file: an id to <c>ID.yaml</c> beside the naming file, else in each place of
/// the <see cref="CatalogSearchPath"/> in order; a relative path (<c>../lvmpd-2023.yaml</c>) against
/// the naming file's folder only. Beside the file comes first, so a catalog policy's own base is
/// the one shipped with it, whatever other folders hold a file of that id.
/// An absolute path is refused, and so is any file (links and <c>..</c> resolved) outside the
/// rules folders and the entry policy's own root.
/// </para>
/// <para>
/// A policy's root is the nearest folder above it named <c>rules</c>, as catalogs are laid out,
/// so a variant in <c>rules/variants/</c> can extend <c>../lvmpd-2023.yaml</c>; a file under no
/// such folder has its own folder as its root.
/// </para>
/// </remarks>
public sealed class PolicyReach
{
    private readonly CatalogSearchPath _searchPath;
    private readonly IReadOnlyList<string> _rulesFolders;

    /// <param name="searchPath">Where policy ids are looked up after the naming file's folder.</param>
    /// <param name="entryFile">The policy the user named; its root joins the folders.</param>
    public PolicyReach(CatalogSearchPath searchPath, string entryFile)
    {
        _searchPath = searchPath;
        _rulesFolders = [.. searchPath.Folders.Where(Directory.Exists)];
        EntryRoot = RootOf(entryFile);
        Folders = new FileReach([.. _rulesFolders, EntryRoot]);
    }

    /// <summary>The root of the policy the user named.</summary>
    public string EntryRoot { get; }

    /// <summary>Every folder a named policy may be in.</summary>
    public FileReach Folders { get; }

    /// <summary>The nearest folder named <c>rules</c> that holds <paramref name="file"/>, or else the file's own folder.</summary>
    public static string RootOf(string file)
    {
        var folder = Path.GetDirectoryName(FileReach.RealPath(file)) ?? Path.GetPathRoot(Path.GetFullPath(file)) ?? ".";
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (dir.Name == "rules")
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    /// <summary>The file <paramref name="reference"/>, written in <paramref name="namingFile"/>, names; null with <paramref name="problem"/> (and its code) when it names none, or one out of reach.</summary>
    /// <param name="what">How the message calls the reference, e.g. "to extend".</param>
    internal string? Resolve(string namingFile, string reference, string what, out (string Message, DiagnosticCode Code) problem)
    {
        problem = default;
        if (FileReach.Unfit(reference) is { } unfit)
        {
            problem = ($"`{reference}` {unfit}: name a policy by its id, or by a path relative to this file's folder", DiagnosticCodes.Reach);
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(namingFile)) ?? ".";
        var file = reference.EndsWith(".yaml", StringComparison.Ordinal) || reference.EndsWith(".yml", StringComparison.Ordinal) ? reference : reference + ".yaml";
        var bare = reference.IndexOfAny(['/', '\\']) < 0;
        var found = new[] { folder }.Concat(bare ? _rulesFolders : [])
            .Select(f => Path.GetFullPath(Path.Combine(f, file)))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            var known = new[] { folder }.Concat(_rulesFolders).Where(Directory.Exists)
                .SelectMany(f => Directory.EnumerateFiles(f, "*.yaml")).Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct(StringComparer.Ordinal);
            var searched = bare && _searchPath.Places.Count > 0 ? $" or in the catalog (searched {_searchPath.Describe()})" : string.Empty;
            problem = ($"no policy `{reference}` {what} beside this file{searched}{Model.Diagnostics.Suggestion.Hint(reference, known)}", DiagnosticCodes.Reference);
            return null;
        }

        if (!Folders.Holds(found))
        {
            problem = ($"`{reference}` is outside the folders policies may be read from ({string.Join(", ", Folders.Roots)})", DiagnosticCodes.Reach);
            return null;
        }

        return found;
    }
}
