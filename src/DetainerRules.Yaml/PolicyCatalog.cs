using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml;

/// <summary>Finds policy files by id in the rules folders, or takes a path as given; loads each file once (see <see cref="PolicyFiles"/>).</summary>
public sealed class PolicyCatalog
{
    private readonly IReadOnlyList<string> _directories;

    public PolicyCatalog(IReadOnlyList<string> directories)
    {
        _directories = directories;
        Files = new PolicyFiles(directories);
    }

    /// <summary>The files this catalog has read, each once, with their authorities.</summary>
    public PolicyFiles Files { get; }

    /// <summary>
    /// The usual search path: an explicit folder if given; else the nearest <c>rules/</c> folder from
    /// the working directory up; else the catalog shipped beside the program.
    /// </summary>
    public static PolicyCatalog Locate(string? explicitDirectory, string workingDirectory, string programDirectory)
    {
        if (explicitDirectory is not null)
        {
            return new PolicyCatalog([explicitDirectory]);
        }

        var folders = new List<string>();
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (Directory.Exists(candidate))
            {
                folders.Add(candidate);
                break;
            }
        }

        folders.Add(Path.Combine(programDirectory, "rules"));
        return new PolicyCatalog(folders);
    }

    /// <summary>Policy ids available, sorted, first folder winning on a repeat.</summary>
    public IReadOnlyList<string> Ids() =>
        [.. _directories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yaml"))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

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

        return _directories.Select(d => Path.Combine(d, idOrPath + ".yaml")).FirstOrDefault(File.Exists);
    }

    /// <summary>The error for a name that is neither a policy nor a family.</summary>
    public InvalidInputException NotFound(string idOrPath)
    {
        var ids = Ids();
        var where = _directories.Count == 0 ? "no rules folder" : string.Join(", ", _directories);
        return new InvalidInputException([Diagnostic.Error(new SourceSpan(idOrPath, 0, 0), DiagnosticCodes.File, "policy",
            $"no policy or policy family `{idOrPath}` (searched {where}){Suggestion.Hint(idOrPath, ids)}; known: {string.Join(", ", ids)}")]);
    }

    /// <summary>Loads the policy an id or path names, with the authorities it is bound by.</summary>
    /// <exception cref="InvalidInputException">Neither a file nor a known id, or a file with problems.</exception>
    public Model.Policies.Policy Load(string idOrPath) => Files.Load(Resolve(idOrPath));

    /// <summary>The policy <paramref name="origin"/> names in <c>bound_by</c>, for the engine (<c>PolicyCompiler.Compile(policy, catalog.Authority)</c>).</summary>
    /// <exception cref="InvalidInputException">The authority cannot be found or loaded.</exception>
    public Model.Policies.Policy Authority(Model.Policies.Policy origin, string id) => Files.Authority(origin, id);

    /// <summary>
    /// Whether the file of policy <paramref name="id"/> belongs to <paramref name="family"/>, as it or a policy it
    /// extends says; null when it cannot be read far enough to tell.
    /// </summary>
    /// <remarks>Read without loading the policy, so a broken file can be told apart from the family's versions.</remarks>
    public bool? BelongsTo(string id, string family) =>
        TryResolve(id) is { } path ? FamilyScan.Belongs(_directories, path, family) : null;
}
