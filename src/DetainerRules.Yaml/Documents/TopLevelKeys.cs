using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DetainerRules.Yaml.Documents;

/// <summary>A few top-level keys of a YAML mapping document, read from the parser's events without building its nodes.</summary>
/// <remarks>
/// For a question the top-level keys answer (which family a catalog file says it is of) over many files at
/// start-up: <see cref="DocumentReader"/> builds every nested node with its path and checks it, which is most of
/// the time of reading a file whose rules and sources are never looked at. Where this reader meets anything it
/// does not read as <see cref="DocumentReader"/> would (a root that is no mapping, a key that is no plain word, a
/// duplicate, an anchor, a tag, a parser error) it answers null, and the caller reads the file the long way.
/// What it passes over (the values of other keys) is not checked, so a file it reads may still fail to load.
/// </remarks>
internal static class TopLevelKeys
{
    /// <returns>
    /// For each of <paramref name="wanted"/> the file has: its scalar, or null when its value is a mapping, a sequence,
    /// or anchored or tagged; null for the whole when the text is not plainly a mapping of distinct plain keys.
    /// </returns>
    public static Dictionary<string, Scalar?>? Read(string text, params string[] wanted)
    {
        if (text.Length > InputLimits.MaxFileLength)
        {
            return null;
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out var root) || !Plain(root))
            {
                return null;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var found = new Dictionary<string, Scalar?>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key) || !Plain(key) || YamlScalar.IsNullValue(key.Value, key.Style == ScalarStyle.Plain) || !keys.Add(key.Value))
                {
                    return null;
                }

                if (!wanted.Contains(key.Value, StringComparer.Ordinal))
                {
                    parser.SkipThisAndNestedEvents();
                }
                else if (parser.Current is Scalar value)
                {
                    parser.MoveNext();
                    found[key.Value] = Plain(value) ? value : null;
                }
                else
                {
                    found[key.Value] = null;
                    parser.SkipThisAndNestedEvents();
                }
            }

            return found;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Neither anchored nor tagged, which <see cref="DocumentReader"/> refuses.</summary>
    private static bool Plain(NodeEvent node) => node.Anchor.IsEmpty && node.Tag.IsEmpty;
}
