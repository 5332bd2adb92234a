using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary>Policies a request names, looked up by id in the catalog's folders only: a request never names a path on the server.</summary>
/// <remarks>
/// Each request opens the catalog afresh, so a file the analyst edits answers the next request;
/// a <see cref="PolicyCatalog"/> reads each file once and is not shared between threads.
/// </remarks>
public sealed class CatalogLookup(CatalogSearchPath searchPath)
{
    /// <summary>A catalog for one request.</summary>
    public PolicyCatalog Open() => new(searchPath);

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
