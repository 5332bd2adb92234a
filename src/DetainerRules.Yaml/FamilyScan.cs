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
    /// <summary>
    /// True when the text of the policy file <paramref name="path"/> cannot make it a member of <paramref name="family"/>,
    /// so neither loading it nor <see cref="Belongs"/> could say it is one.
    /// </summary>
    /// <remarks>
    /// A file is of a family when its <c>family</c> key names it, or when it has none and <c>extends</c> a policy
    /// that is. With no backslash in the text (no escape in a double-quoted scalar) every scalar holds its characters as
    /// written, apart from line breaks folded into spaces or kept, which an id (<see cref="PolicyIds.IsId"/>) cannot hold;
    /// so a text with neither the id nor <c>extends</c> in it can neither name the family nor extend anything. False,
    /// to be read the long way, for a file that cannot be read, a name that is not an id, or a text the test cannot judge.
    /// </remarks>
    public static bool CannotBeOf(string path, string family) => TextCannotBeOf(TextOf(path), family);

    /// <summary><see cref="CannotBeOf(string, string)"/> on a file's text already read.</summary>
    /// <param name="text">The file's text; null for a file that cannot be read.</param>
    public static bool TextCannotBeOf(string? text, string family) =>
        text is not null
        && PolicyIds.IsId(family)
        && !text.Contains('\\', StringComparison.Ordinal)
        && !text.Contains(family, StringComparison.Ordinal)
        && !text.Contains("extends", StringComparison.Ordinal);

    /// <summary>The text of the file <paramref name="path"/>; null when it cannot be read.</summary>
    public static string? TextOf(string path)
    {
        try
        {
            return InputFile.Read(path);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the top-level keys of <paramref name="path"/> (text <paramref name="text"/>), and of each file it extends, plainly
    /// say it is not of <paramref name="family"/>: a <c>family</c> that names another, or no <c>family</c> and nothing extended.
    /// </summary>
    /// <remarks>
    /// A quicker first answer for <see cref="Belongs"/>'s question, read without building the files' nodes
    /// (<see cref="TopLevelKeys"/>). Where it is true, <see cref="Belongs"/> answers false, or null for a file whose
    /// passed-over content does not read; such a file cannot load either (<see cref="PolicyLoader"/> reads every
    /// file of the chain whole), so it is no version of the family. False where it cannot tell, for
    /// <see cref="Belongs"/> to read the long way: a <c>family</c> that names the family, is null or no scalar, an
    /// <c>extends</c> that is null, no scalar or found nowhere, a file it cannot read plainly, a chain too long or in a cycle.
    /// </remarks>
    /// <param name="skimmed">Files read by earlier calls, so a catalog's variants read their shared bases once (and the catalog's index, where it has one).</param>
    public static bool PlainlyNotOf(CatalogSearchPath searchPath, string path, string text, string family, FamilyKeys skimmed)
    {
        // Made only for a file that extends another: most files answer by their own keys.
        PolicyReach? reach = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var file = path; seen.Count <= PolicyLoader.MaxChainLength && seen.Add(FileReach.RealPath(file));)
        {
            var keys = skimmed.Of(file, file == path ? text : null);
            if (keys is null)
            {
                return false;
            }

            if (keys.TryGetValue("family", out var stated))
            {
                return stated is { } name && !YamlScalar.IsNullValue(name.Value, name.Style == YamlDotNet.Core.ScalarStyle.Plain) && name.Value.Trim() != family;
            }

            if (!keys.TryGetValue("extends", out var extends))
            {
                return true;
            }

            if (extends is not { } reference || YamlScalar.IsNullValue(reference.Value, reference.Style == YamlDotNet.Core.ScalarStyle.Plain)
                || (reach ??= new PolicyReach(searchPath, path)).Resolve(file, reference.Value.Trim(), "to extend", out _) is not { } next)
            {
                return false;
            }

            file = next;
        }

        return false;
    }

    /// <param name="read">Files read by earlier calls, by path (null for one that could not be read as a mapping), so a catalog's variants read their shared bases once; none to read every file afresh.</param>
    /// <returns>Whether the file, or the chain of files it extends, names <paramref name="family"/>; null when a file in the chain cannot be read far enough to tell.</returns>
    public static bool? Belongs(CatalogSearchPath searchPath, string path, string family, Dictionary<string, YamlMapping?>? read = null)
    {
        var reach = new PolicyReach(searchPath, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var file = path; seen.Count <= PolicyLoader.MaxChainLength && seen.Add(FileReach.RealPath(file));)
        {
            if (read is null || !read.TryGetValue(file, out var top))
            {
                try
                {
                    top = DocumentReader.Read(file, InputFile.Read(file)).Root as YamlMapping;
                }
                catch (InvalidInputException)
                {
                    top = null;
                }

                if (read is not null)
                {
                    read[file] = top;
                }
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
