using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Tells whether a policy file belongs to a family from its <c>family</c> key, or its base's, without loading the policy.</summary>
/// <remarks>
/// A family is looked up among all of a catalog's files, and one broken file must not hide the
/// versions of every family; but a broken version of the family asked for must not be passed over
/// either, or another version would answer in its place. So a file that fails to load is skipped
/// only when this scan can tell it belongs elsewhere.
/// </remarks>
internal static class FamilyScan
{
    /// <returns>Whether the file, or the chain of files it extends, names <paramref name="family"/>; null when a file in the chain cannot be read far enough to tell.</returns>
    public static bool? Belongs(CatalogSearchPath searchPath, string path, string family)
    {
        var reach = new PolicyReach(searchPath, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var file = path; seen.Count <= PolicyLoader.MaxChainLength && seen.Add(FileReach.RealPath(file));)
        {
            YamlMapping? top;
            try
            {
                top = DocumentReader.Read(file, InputFile.Read(file)).Root as YamlMapping;
            }
            catch (InvalidInputException)
            {
                return null;
            }

            var keys = top?.Entries.ToDictionary(e => e.Key.Value, e => e.Value, StringComparer.Ordinal);
            if (keys is null)
            {
                return null;
            }

            if (keys.TryGetValue("family", out var stated))
            {
                return stated is YamlScalar { IsNull: false } name ? name.Value.Trim() == family : null;
            }

            if (!keys.TryGetValue("extends", out var extends))
            {
                return false;
            }

            if (extends is not YamlScalar { IsNull: false } reference || reach.Resolve(file, reference.Value.Trim(), "to extend", out _) is not { } next)
            {
                return null;
            }

            file = next;
        }

        // A cycle of `extends`, or a chain too long: broken, so it cannot be told.
        return null;
    }
}
