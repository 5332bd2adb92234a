using System.Globalization;
using DetainerRules.Yaml.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DetainerRules.Yaml;

/// <summary>
/// The top-level <c>family</c> and <c>extends</c> of each policy file of a catalog folder, written beside them when the
/// tool is built (<see cref="FileName"/>), so that telling whether a name is also a family does not parse the catalog at each start.
/// </summary>
/// <remarks>
/// <para>
/// An entry answers only for a file whose text is still the text it was written from: the same length and the same
/// <see cref="Hash"/> of its characters. The keys are what <see cref="TopLevelKeys.Read"/> makes of that text, and nothing
/// else (not the file's place, not what it extends), so an entry that matches answers exactly as reading the file would,
/// and a file edited, added or put in another's place is read as if there were no index. A missing, unreadable or foreign
/// index is no index.
/// </para>
/// <para>
/// Written by the build into the shipped catalog only (<c>detainer --write-catalog-index</c>, run by the CLI's project
/// after it copies the catalog); the tool never writes one beside a user's files.
/// </para>
/// </remarks>
public sealed class CatalogIndex
{
    /// <summary>The index's file name in a catalog folder (not <c>.yaml</c>, so it is never taken for a policy).</summary>
    public const string FileName = "catalog-index.txt";

    /// <summary>The top-level keys the family scan reads.</summary>
    internal static readonly string[] Keys = ["family", "extends"];

    private const string Format = "detainer-catalog-index/1";

    /// <summary>The format and the build of the reader that wrote the index (this assembly's module id, which a change to it or to YamlDotNet changes).</summary>
    /// <remarks>An entry records what <see cref="TopLevelKeys.Read"/> made of a text; another build might read the same text otherwise, so an index copied with a catalog and read by a later tool is no index.</remarks>
    private static string Header => $"{Format} {typeof(CatalogIndex).Assembly.ManifestModule.ModuleVersionId:N} ";

    private readonly Dictionary<string, Entry> _entries;

    private CatalogIndex(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The index of <paramref name="folder"/>; null when it has none that reads.</summary>
    /// <remarks>Lines of text, not JSON: parsing JSON at start cost about 4 ms of a 180 ms run, more than all the rest of the index.</remarks>
    internal static CatalogIndex? Of(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            // Only a regular file: a FIFO or a device of that name would block or never end (InputFile refuses them for the same reason).
            if (Files.FileNode.Of(path).Kind != Files.FileNodeKind.RegularFile || new FileInfo(path).Length > InputLimits.MaxFileLength)
            {
                return null;
            }

            using var reader = new StreamReader(path);
            if (reader.ReadLine() is not { } header || !header.StartsWith(Header, StringComparison.Ordinal))
            {
                return null;
            }

            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split('\t');
                if (fields.Length != 4)
                {
                    return null;
                }

                entries[Uri.UnescapeDataString(fields[0])] = new Entry(
                    int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture),
                    ulong.Parse(fields[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                    ReadKeys(fields[3]));
            }

            return new CatalogIndex(entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the entry for <paramref name="path"/>'s file name was written from exactly <paramref name="text"/>; if so, its keys (null: not plainly a mapping of distinct plain keys).</summary>
    internal bool TryKeys(string path, string text, out Dictionary<string, Scalar?>? keys)
    {
        if (_entries.TryGetValue(Path.GetFileName(path), out var entry) && entry.Length == text.Length && entry.Hash == Hash(text))
        {
            // A copy: callers keep what they are given.
            keys = entry.Keys is null ? null : new Dictionary<string, Scalar?>(entry.Keys, StringComparer.Ordinal);
            return true;
        }

        keys = null;
        return false;
    }

    /// <summary>Writes the index of the policy files directly in <paramref name="folder"/>, replacing any there.</summary>
    /// <remarks>
    /// A header line, then a line per file, sorted: its name, length (characters) and hash (hexadecimal), then its keys:
    /// <c>?</c> when the text is not plainly a mapping of distinct plain keys, else each key it has among <see cref="Keys"/>
    /// as <c>name*</c> (no scalar), <c>name=p:value</c> (plain) or <c>name=q:value</c> (any other style), separated by
    /// spaces; names and values percent-encoded, tabs between fields.
    /// </remarks>
    /// <returns>How many files it lists.</returns>
    public static int Write(string folder)
    {
        var files = PolicyCatalog.PolicyFilesIn(folder).ToList();
        var index = new System.Text.StringBuilder();
        index.Append(Header).Append("written when the tool is built; each entry counts only while the text of its file has this length and hash\n");
        foreach (var path in files)
        {
            var text = InputFile.Read(path);
            index.Append(Uri.EscapeDataString(Path.GetFileName(path))).Append('\t')
                .Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Hash(text).ToString("x16", CultureInfo.InvariantCulture)).Append('\t')
                .Append(WriteKeys(TopLevelKeys.Read(text, Keys))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, FileName), index.ToString());
        return files.Count;
    }

    /// <summary>A 64-bit hash of the text's UTF-16 code units, four at a time (xxHash's round: multiply, rotate, multiply), then its length.</summary>
    /// <remarks>
    /// Cheap (a byte-at-a-time FNV-1a took a few milliseconds of a cold run over the 440 KB the scan checks) and needing
    /// no library loaded at start; it guards against edits, not against forgery: an index is trusted as much as the
    /// folder it sits in, and whoever can write it can write the policies.
    /// </remarks>
    internal static ulong Hash(string text)
    {
        const ulong prime1 = 11400714785074694791UL, prime2 = 14029467366897019727UL, prime3 = 1609587929392839161UL;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(text.AsSpan());
        var hash = prime3;
        foreach (var word in words)
        {
            hash = System.Numerics.BitOperations.RotateLeft(hash ^ (word * prime2), 31) * prime1;
        }

        foreach (var c in text.AsSpan(words.Length * 4))
        {
            hash = System.Numerics.BitOperations.RotateLeft(hash ^ (c * prime2), 31) * prime1;
        }

        hash ^= (ulong)text.Length;
        hash = (hash ^ (hash >> 33)) * prime2;
        return hash ^ (hash >> 29);
    }

    private static string WriteKeys(Dictionary<string, Scalar?>? keys) =>
        keys is null ? "?" : string.Join(' ', Keys.Where(keys.ContainsKey).Select(name => keys[name] is { } scalar
            ? $"{name}={(scalar.Style == ScalarStyle.Plain ? 'p' : 'q')}:{Uri.EscapeDataString(scalar.Value)}"
            : name + "*"));

    private static Dictionary<string, Scalar?>? ReadKeys(string field)
    {
        if (field == "?")
        {
            return null;
        }

        // The scan reads a scalar's value and whether it is plain (a plain `~` or `null` is no value).
        var read = new Dictionary<string, Scalar?>(StringComparer.Ordinal);
        foreach (var key in field.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = key.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? key.TrimEnd('*') : key[..equals];
            if (Array.IndexOf(Keys, name) < 0 || read.ContainsKey(name))
            {
                throw new FormatException($"key `{name}` is not one the index holds, or is repeated");
            }

            read[name] = equals < 0 ? (key == name + "*" ? null : throw new FormatException($"no value for `{name}`"))
                : key.AsSpan(equals + 1).StartsWith("p:") ? Scalar(Uri.UnescapeDataString(key[(equals + 3)..]), plain: true)
                : key.AsSpan(equals + 1).StartsWith("q:") ? Scalar(Uri.UnescapeDataString(key[(equals + 3)..]), plain: false)
                : throw new FormatException($"no style for `{name}`");
        }

        return read;
    }

    private static Scalar Scalar(string value, bool plain) =>
        new(AnchorName.Empty, TagName.Empty, value, plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, plain, !plain);

    private sealed record Entry(int Length, ulong Hash, Dictionary<string, Scalar?>? Keys);
}
