using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Reads a policy file, checks it whole, and type-checks its conditions.</summary>
/// <remarks>
/// Every problem in the file is reported in one pass, each with its position and field. The work
/// is in parts: <see cref="VariantChain"/> reads the file and the bases it extends (found through a
/// resolver), <see cref="SectionReader"/> each file's sections, <see cref="DraftMerge"/> merges
/// them down the chain, and <see cref="PolicyBinder"/> reads the rules and binds their conditions.
/// </remarks>
public static class PolicyLoader
{
    /// <summary>Deepest chain of variants accepted, so a runaway chain fails with a message.</summary>
    public const int MaxChainLength = 32;

    /// <summary>Loads a policy file and the authorities it is bound by, each file once; what it names is looked up beside it, within its own root (see <see cref="PolicyReach"/>), never in a catalog (for that, <see cref="PolicyCatalog"/>).</summary>
    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static Policy LoadFile(string path) => new PolicyFiles(CatalogSearchPath.None).Load(path);

    /// <summary>Loads a policy that <paramref name="origin"/> names in <c>bound_by</c>: beside it, within its root.</summary>
    /// <remarks>Each call reads anew; to load a whole graph of authorities once, use one <see cref="PolicyFiles"/> (or <see cref="PolicyCatalog"/>).</remarks>
    /// <exception cref="InvalidInputException">No such policy beside it, or the file has problems.</exception>
    public static Policy LoadBeside(Policy origin, string id) => new PolicyFiles(CatalogSearchPath.None).Authority(origin, id);

    /// <summary>Loads a policy; a variant's <c>extends</c> is looked up beside <paramref name="file"/>, within its root.</summary>
    /// <exception cref="InvalidInputException">The text, or a policy it extends, has problems; all of them are listed.</exception>
    public static Policy Load(string text, string file) => Load(text, file, new PolicyReach(CatalogSearchPath.None, file));

    /// <summary>Loads a policy; what its <c>extends</c> names is looked up within <paramref name="reach"/>.</summary>
    /// <exception cref="InvalidInputException">The text, or a policy it extends, has problems; all of them are listed.</exception>
    public static Policy Load(string text, string file, PolicyReach reach)
    {
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var draft = new VariantChain(r, BasesWithin(reach)).Read(text, file, FileReach.RealPath(file));
        var policy = draft is null ? null : PolicyBinder.Bind(r, draft);
        if (policy is null && diagnostics.Count == 0)
        {
            // Every path that gives up reports why; this only guards against one that forgets.
            diagnostics.Add(Diagnostic.Error(new SourceSpan(file, 1, 1), DiagnosticCodes.Completeness, string.Empty, "the policy is incomplete"));
        }

        if (diagnostics.Count > 0 || policy is null)
        {
            throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)]);
        }

        return policy;
    }

    /// <summary>True when <paramref name="text"/> is a mapping with an <c>id</c> and the keys only a policy has; what is not is reported by name only, never by content.</summary>
    internal static bool LooksLikePolicy(string text, string path) => InputKind.OfNamed(text, path) == FileKind.Policy;

    /// <summary>The file a policy was read from, with the SHA-256 of its text.</summary>
    internal static PolicyFile FileOf(string path, string text) => new(path, text);

    /// <summary>Bases found within <paramref name="reach"/>, read from disk, and refused unless they are policies.</summary>
    private static ResolveBase BasesWithin(PolicyReach reach) => (file, name) =>
    {
        if (reach.Resolve(file, name, "to extend", out var problem) is not { } path)
        {
            return BaseLookup.Failed(problem.Message, problem.Code);
        }

        string text;
        try
        {
            text = InputFile.Read(path);
        }
        catch (InvalidInputException e)
        {
            return BaseLookup.Failed($"cannot read `{name}`: {string.Join("; ", e.Diagnostics.Select(d => d.Message))}", DiagnosticCodes.Reference);
        }

        return LooksLikePolicy(text, path)
            ? new BaseLookup(path, FileReach.RealPath(path), text)
            : BaseLookup.Failed($"`{name}` is not a policy file (a policy has an `id` and `rules` or `extends`), so it cannot be extended", DiagnosticCodes.Reach);
    };
}
