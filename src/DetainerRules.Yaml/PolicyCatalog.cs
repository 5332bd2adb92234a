using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml;

/// <summary>Finds policy files by id along a <see cref="CatalogSearchPath"/>, or takes a path as given; loads each file once (see <see cref="PolicyFiles"/>).</summary>
public sealed class PolicyCatalog
{
    private readonly IReadOnlyList<string> _directories;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string Family), IReadOnlyList<Model.Policies.Policy>> _versions = new();

    public PolicyCatalog(CatalogSearchPath searchPath)
    {
        SearchPath = searchPath;
        _directories = searchPath.Folders;
        Files = new PolicyFiles(searchPath);
    }

    /// <summary>A catalog of these folders, in order (for tests and tools that name their folders themselves).</summary>
    public PolicyCatalog(IReadOnlyList<string> directories)
        : this(CatalogSearchPath.Of(directories))
    {
    }

    /// <summary>Where ids are looked up, nearest first.</summary>
    public CatalogSearchPath SearchPath { get; }

    /// <summary>The files this catalog has read, each once, with their authorities.</summary>
    public PolicyFiles Files { get; }

    /// <summary>Policy ids available, sorted, first folder winning on a repeat.</summary>
    public IReadOnlyList<string> Ids() =>
        [.. _directories.SelectMany(PolicyFilesIn)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>The policy files directly in <paramref name="folder"/>, sorted; none when it does not exist.</summary>
    public static IEnumerable<string> PolicyFilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal) : [];

    /// <summary>The file for a policy id, or the path itself when it names a file.</summary>
    /// <exception cref="InvalidInputException">Neither a file nor a known id.</exception>
    public string Resolve(string idOrPath) => TryResolve(idOrPath) ?? throw NotFound(idOrPath);

    /// <summary>The file for a policy id, or the path itself when it names a file; null when neither.</summary>
    public string? TryResolve(string idOrPath)
    {
        if (File.Exists(idOrPath))
        {
            return idOrPath;
        }

        return TryResolveId(idOrPath);
    }

    /// <summary>The file for a policy id, looked up in the catalog's folders only (never as a path of its own, so a name from a web request cannot reach a file beside the server); null when none holds it.</summary>
    public string? TryResolveId(string id) =>
        _directories.Select(d => Path.Combine(d, id + ".yaml")).FirstOrDefault(File.Exists);

    /// <summary>The error for a name that is neither a policy nor a family.</summary>
    public InvalidInputException NotFound(string idOrPath)
    {
        var ids = Ids();
        var where = SearchPath.Describe();
        return new InvalidInputException([Diagnostic.Error(new SourceSpan(idOrPath, 0, 0), DiagnosticCodes.File, "policy",
            $"no policy or policy family `{idOrPath}` (searched {where}){Suggestion.Hint(idOrPath, ids)}; known: {string.Join(", ", ids)}")]);
    }

    /// <summary>Loads the policy an id or path names, with the authorities it is bound by.</summary>
    /// <exception cref="InvalidInputException">Neither a file nor a known id, or a file with problems.</exception>
    public Model.Policies.Policy Load(string idOrPath) => Files.Load(Resolve(idOrPath));

    /// <summary>Loads a policy from text (a draft a test writes inline) as if it were <paramref name="file"/>: what it names is looked up beside that file, then along <see cref="SearchPath"/>.</summary>
    /// <remarks>Its authorities are loaded when the engine asks for them (<see cref="Authority"/>).</remarks>
    /// <exception cref="InvalidInputException">The text, or a policy it extends, has problems; all of them are listed.</exception>
    public Model.Policies.Policy Parse(string text, string file) => PolicyLoader.Load(text, file, new PolicyReach(SearchPath, file));

    /// <summary>The policy <paramref name="origin"/> names in <c>bound_by</c>, for the engine (<c>PolicyCompiler.Compile(policy, catalog.Authority)</c>).</summary>
    /// <exception cref="InvalidInputException">The authority cannot be found or loaded.</exception>
    public Model.Policies.Policy Authority(Model.Policies.Policy origin, string id) => Files.Authority(origin, id);

    /// <summary>The versions of <paramref name="policy"/>'s family kept in its own folder, itself among them; the policy alone when it belongs to no family.</summary>
    /// <remarks>Read from the one folder, so a re-dated copy elsewhere never mixes with the versions it sits beside (as <see cref="PolicyChoice"/> keeps a family to one place).</remarks>
    /// <exception cref="InvalidInputException">A file of the family, or one that may be, has problems.</exception>
    public IReadOnlyList<Model.Policies.Policy> VersionsOf(Model.Policies.Policy policy)
    {
        if (policy.Family is not { } family || Path.GetDirectoryName(policy.Span.File) is not { Length: > 0 } folder || !File.Exists(policy.Span.File))
        {
            return [policy];
        }

        return _versions.GetOrAdd((folder, family), key =>
        {
            var versions = new List<Model.Policies.Policy>();
            var problems = new List<Diagnostic>();
            foreach (var path in PolicyFilesIn(key.Folder))
            {
                if (BelongsTo(path, key.Family) is false)
                {
                    continue;
                }

                try
                {
                    if (Files.Load(path) is { } version && version.Family == key.Family)
                    {
                        versions.Add(version);
                    }
                }
                catch (InvalidInputException e)
                {
                    problems.AddRange(e.Diagnostics);
                }
            }

            return problems.Count > 0 ? throw new InvalidInputException(problems) : versions;
        });
    }

    /// <summary>
    /// Whether the policy file <paramref name="path"/> belongs to <paramref name="family"/>, as it or a policy it
    /// extends says; null when it cannot be read far enough to tell.
    /// </summary>
    /// <remarks>Read without loading the policy, so a broken file can be told apart from the family's versions.</remarks>
    public bool? BelongsTo(string path, string family) => FamilyScan.Belongs(SearchPath, path, family);
}
