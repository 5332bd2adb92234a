using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary>Policies a request names, looked up by id in the catalog's folders only: a request never names a path on the server.</summary>
/// <remarks>
/// The catalog is loaded and compiled once and shared by the requests that follow
/// (<see cref="CatalogSnapshot"/>) until anything in its folders changes: every request first asks
/// <see cref="FolderChanges"/>, whose events the kernel queues before an edit returns, so a file the
/// analyst saves answers the next request. Where the folders cannot be watched, each request reads
/// the catalog afresh, as before the cache.
/// </remarks>
public sealed class CatalogLookup : IDisposable
{
    private readonly CatalogSearchPath _searchPath;
    private readonly Lock _gate = new();
    private FolderChanges? _changes;
    private CatalogSnapshot? _current;
    private int _compilations;
    private int _snapshots;

    public CatalogLookup(CatalogSearchPath searchPath)
    {
        _searchPath = searchPath;

        // Watching starts before the first snapshot reads anything, so no change can fall between them.
        _changes = FolderChanges.TryWatch(searchPath);
    }

    /// <summary>True when the catalog is kept between requests (its folders are watched).</summary>
    public bool IsShared => _changes is not null;

    /// <summary>Policies compiled so far, by every snapshot (for tests: a cache that is not used compiles on every request).</summary>
    internal int Compilations => Volatile.Read(ref _compilations);

    /// <summary>Snapshots made so far: one, then one more after each change to the folders.</summary>
    internal int Snapshots => Volatile.Read(ref _snapshots);

    /// <summary>The catalog as its files stand now: the one the previous request used when nothing has changed since.</summary>
    public CatalogSnapshot Current()
    {
        if (_changes is null)
        {
            return New();
        }

        // Asking and swapping together: a request that finds no event must not use a snapshot another request has just found stale.
        lock (_gate)
        {
            try
            {
                if (_current is null || _changes.Changed())
                {
                    _current = New();
                }

                return _current;
            }
            catch (IOException)
            {
                // The watch broke (events lost, a folder that cannot be watched): read afresh on every request from now on.
                _changes.Dispose();
                _changes = null;
                _current = null;
                return New();
            }
        }
    }

    /// <summary>The catalog for this request (<see cref="Current"/>); shared with other requests, so what a request brings as text must not be kept in it (<see cref="CatalogSnapshot"/>).</summary>
    public PolicyCatalog Open() => Current().Catalog;

    public void Dispose()
    {
        lock (_gate)
        {
            _changes?.Dispose();
            _changes = null;
        }
    }

    private CatalogSnapshot New()
    {
        Interlocked.Increment(ref _snapshots);
        return new CatalogSnapshot(_searchPath, () => Interlocked.Increment(ref _compilations));
    }

    /// <summary>A policy or family by name, as <c>-p</c> takes it, but never a path.</summary>
    /// <exception cref="ProblemException">400: not an id (a path, or anything else); 404: no such policy or family.</exception>
    /// <exception cref="InvalidInputException">The policy, or a version of the family, has problems.</exception>
    public static PolicyChoice Choose(PolicyCatalog catalog, string name, string field)
    {
        RequireId(name, field);
        try
        {
            return PolicyChoice.Resolve(catalog, name, idsOnly: true);
        }
        catch (InvalidInputException e) when (e.Diagnostics.Count == 1 && e.Diagnostics[0].Message == catalog.NotFound(name).Diagnostics[0].Message)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, e.Diagnostics[0].Message, e.Diagnostics);
        }
    }

    /// <summary>The policy with this id.</summary>
    /// <exception cref="ProblemException">400: not an id; 404: no such policy.</exception>
    /// <exception cref="InvalidInputException">The policy has problems.</exception>
    public static Policy Load(PolicyCatalog catalog, string id, string field) => catalog.Files.Load(FileOf(catalog, id, field));

    /// <summary>The file of the policy with this id, in the catalog's folders only: what the Draft page starts from.</summary>
    /// <exception cref="ProblemException">400: not an id; 404: no such policy.</exception>
    public static string FileOf(PolicyCatalog catalog, string id, string field)
    {
        RequireId(id, field);
        return catalog.TryResolveId(id)
            ?? throw new ProblemException(StatusCodes.Status404NotFound, catalog.NotFound(id).Diagnostics[0].Message, catalog.NotFound(id).Diagnostics);
    }

    /// <summary>Every policy of the catalog that loads, by id, and the problems of those that do not.</summary>
    public static (List<Policy> Policies, List<Diagnostic> Problems) LoadAll(PolicyCatalog catalog)
    {
        var policies = new List<Policy>();
        var problems = new List<Diagnostic>();
        foreach (var id in catalog.Ids())
        {
            try
            {
                policies.Add(catalog.Files.Load(catalog.TryResolveId(id)!));
            }
            catch (InvalidInputException e)
            {
                // A broken file is reported; the others are still listed.
                problems.AddRange(e.Diagnostics);
            }
        }

        return (policies, problems);
    }

    /// <exception cref="ProblemException">400: <paramref name="name"/> is not an id.</exception>
    private static void RequireId(string name, string field)
    {
        if (!PolicyIds.IsId(name))
        {
            throw RequestBody.Fail(DiagnosticCodes.Identity, field,
                $"`{name}` is not a policy id: name a catalog policy or family by its id (lowercase letters, digits and dashes); a path is never accepted");
        }
    }
}
