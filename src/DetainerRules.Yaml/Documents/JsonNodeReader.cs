using System.Text.Json;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>
/// Reads one line of JSON holding an object into the very nodes <see cref="DocumentReader"/> would
/// build from it (same values, positions, paths and scalar styles), several times faster; anything
/// it is not sure of goes to <see cref="DocumentReader"/>.
/// </summary>
/// <remarks>
/// <para>
/// A batch of JSON lines spent most of its reading time in YamlDotNet's event parser, which is
/// built for YAML's much larger grammar. System.Text.Json's reader parses the same line an order of
/// magnitude faster. The loader's checks all run on the nodes, so equal nodes give an equal
/// scenario and equal diagnostics; the JSON differential tests hold the two readers to that.
/// </para>
/// <para>
/// Only the well-formed common case is read here. A line that is not one JSON object, breaks a
/// limit (<see cref="InputLimits"/>), repeats a key, has a control character, a lone surrogate, or
/// a character YAML counts as a line break (U+0085, U+2028, U+2029, which would move the lines
/// YamlDotNet reports) is read again by <see cref="DocumentReader"/>, whose message is the one the
/// user sees. So a bad line costs a little more than before and a good one much less.
/// </para>
/// <para>
/// Positions are YamlDotNet's: line 1 (the text is one line), column one past the UTF-16 index of
/// the node's first character (the opening quote of a string, the bracket of a list or mapping),
/// start and end indexes in UTF-16 units with a quoted scalar's end after its closing quote.
/// Strings are double-quoted scalars (never plain, so never null, a flag or a number); numbers,
/// <c>true</c>, <c>false</c> and <c>null</c> are plain scalars with their text as written. JSON's
/// escapes are a subset of YAML's double-quoted escapes and decode to the same characters.
/// </para>
/// </remarks>
internal static class JsonNodeReader
{
    /// <summary>Keys of a mapping looked up one by one below this count; a set above it, so a hostile record with many keys stays linear.</summary>
    private const int LinearKeyScan = 16;

    /// <summary>The document in <paramref name="text"/>, read fast when it is a plain JSON object, else by <see cref="DocumentReader"/>.</summary>
    /// <exception cref="InvalidInputException">The text is not a well-formed document within the limits (always <see cref="DocumentReader"/>'s diagnostic).</exception>
    public static YamlNode Read(string file, string text) => TryRead(file, text) ?? DocumentReader.Read(file, text).Root;

    /// <summary>The same for a text already checked and encoded.</summary>
    /// <exception cref="InvalidInputException">As <see cref="Read(string, string)"/>.</exception>
    internal static YamlNode Read(string file, scoped in PlainJson json) => TryRead(file, json) ?? DocumentReader.Read(file, json.Text).Root;

    /// <summary>The nodes of <paramref name="text"/> when it is one JSON object this reader is sure of; null otherwise.</summary>
    internal static YamlMapping? TryRead(string file, string text)
    {
        if (!PlainJson.TryEncode(text, out var json))
        {
            return null;
        }

        try
        {
            return TryRead(file, json);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>The nodes of a text already checked and encoded (a record <see cref="JsonScenarioReader"/> declined); null when this reader is not sure of them.</summary>
    internal static YamlMapping? TryRead(string file, scoped in PlainJson json)
    {
        try
        {
            var reader = new Utf8JsonReader(json.Bytes, new JsonReaderOptions { MaxDepth = InputLimits.MaxDepth + 2 });
            var nodes = new Nodes(file, json.Text, json.NonAscii);
            if (!reader.Read() || nodes.Mapping(ref reader, string.Empty, 0) is not { } root)
            {
                return null;
            }

            // Past the root only white space may follow: the reader throws on anything else.
            return reader.Read() ? null : root;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate (`\ud83d`), which YamlDotNet refuses with its own message.
            return null;
        }
    }

    /// <summary>Builds nodes from the reader's tokens; null whenever <see cref="DocumentReader"/> could answer differently.</summary>
    /// <param name="utf8">The text's UTF-8 bytes when they are not all ASCII (then byte and character indexes differ).</param>
    private sealed class Nodes(string file, string text, byte[]? utf8)
    {
        private long _byte;
        private int _char;

        public YamlMapping? Mapping(ref Utf8JsonReader reader, string path, int depth)
        {
            if (reader.TokenType != JsonTokenType.StartObject || depth > InputLimits.MaxDepth)
            {
                return null;
            }

            var span = Span(CharAt(reader.TokenStartIndex));
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            HashSet<string>? keys = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // A key is read at the mapping's path, one level down, as DocumentReader reads it.
                if (Scalar(ref reader, path, depth + 1) is not { } key || IsRepeated(key.Value, entries, ref keys))
                {
                    return null;
                }

                var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                if (!reader.Read() || Node(ref reader, childPath, depth + 1) is not { } value)
                {
                    return null;
                }

                entries.Add(new(key, value));
            }

            return reader.TokenType == JsonTokenType.EndObject ? new YamlMapping(span, path, entries) : null;
        }

        private YamlNode? Node(ref Utf8JsonReader reader, string path, int depth) => reader.TokenType switch
        {
            JsonTokenType.StartObject => Mapping(ref reader, path, depth),
            JsonTokenType.StartArray => Sequence(ref reader, path, depth),
            JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => Scalar(ref reader, path, depth),
            _ => null,
        };

        private YamlSequence? Sequence(ref Utf8JsonReader reader, string path, int depth)
        {
            if (depth > InputLimits.MaxDepth)
            {
                return null;
            }

            var span = Span(CharAt(reader.TokenStartIndex));
            var items = new List<YamlNode>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (Node(ref reader, $"{path}[{items.Count}]", depth + 1) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            return new YamlSequence(span, path, items);
        }

        private YamlScalar? Scalar(ref Utf8JsonReader reader, string path, int depth)
        {
            if (depth > InputLimits.MaxDepth)
            {
                return null;
            }

            var quoted = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName;
            var start = CharAt(reader.TokenStartIndex);
            var end = CharAt(reader.TokenStartIndex + reader.ValueSpan.Length + (quoted ? 2 : 0));
            var value = !quoted ? text[start..end]
                : reader.ValueIsEscaped ? reader.GetString()!
                : text[(start + 1)..(end - 1)];
            return value.Length > InputLimits.MaxScalarLength ? null : new YamlScalar(Span(start), path, value, isPlain: !quoted, start, end);
        }

        private SourceSpan Span(int index) => new(file, 1, index + 1);

        /// <summary>The UTF-16 index of a byte index of the UTF-8 text; byte indexes only grow, so this walks the text once.</summary>
        private int CharAt(long byteIndex)
        {
            if (utf8 is null)
            {
                return (int)byteIndex;
            }

            for (; _byte < byteIndex; _byte++)
            {
                var b = utf8[_byte];
                if ((b & 0xC0) != 0x80)
                {
                    // A lead byte starts a character: two UTF-16 units past U+FFFF (four UTF-8 bytes), one otherwise.
                    _char += b >= 0xF0 ? 2 : 1;
                }
            }

            return _char;
        }
    }

    private static bool IsRepeated(string key, List<KeyValuePair<YamlScalar, YamlNode>> entries, ref HashSet<string>? keys)
    {
        if (keys is null)
        {
            foreach (var (seen, _) in entries)
            {
                if (seen.Value == key)
                {
                    return true;
                }
            }

            if (entries.Count < LinearKeyScan)
            {
                return false;
            }

            keys = new HashSet<string>(entries.Select(e => e.Key.Value), StringComparer.Ordinal);
        }

        return !keys.Add(key);
    }
}
