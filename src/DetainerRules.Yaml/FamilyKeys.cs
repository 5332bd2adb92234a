using DetainerRules.Yaml.Documents;
using YamlDotNet.Core.Events;

namespace DetainerRules.Yaml;

/// <summary>The top-level <c>family</c> and <c>extends</c> of the files one family scan reads, each file read once, from its folder's <see cref="CatalogIndex"/> where its entry still matches the text.</summary>
internal sealed class FamilyKeys
{
    private readonly Dictionary<string, Dictionary<string, Scalar?>?> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogIndex?> _indexes = new(StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="path"/>, as <see cref="TopLevelKeys.Read"/> makes of its text; null when it cannot be read plainly.</summary>
    /// <param name="text">The file's text when the caller has read it already; null to read it here.</param>
    public Dictionary<string, Scalar?>? Of(string path, string? text = null)
    {
        if (_byPath.TryGetValue(path, out var keys))
        {
            return keys;
        }

        if ((text ?? FamilyScan.TextOf(path)) is { } read)
        {
            keys = IndexOf(path) is { } index && index.TryKeys(path, read, out var indexed) ? indexed : TopLevelKeys.Read(read, CatalogIndex.Keys);
        }

        _byPath[path] = keys;
        return keys;
    }

    private CatalogIndex? IndexOf(string path)
    {
        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        if (!_indexes.TryGetValue(folder, out var index))
        {
            _indexes[folder] = index = CatalogIndex.Of(folder);
        }

        return index;
    }
}
