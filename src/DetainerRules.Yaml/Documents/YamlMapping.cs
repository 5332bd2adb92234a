using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>A mapping with its keys in file order; duplicate keys were refused while loading.</summary>
internal sealed class YamlMapping(SourceSpan span, string path, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
    : YamlNode(span, path)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    /// <remarks>
    /// A loop, here and in the readers of a mapping's keys, not a query: a query over key-value pairs (a struct) is
    /// framework code compiled at every start, which no ahead-of-time image holds.
    /// </remarks>
    public YamlNode? ValueOf(string key)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key.Value == key)
            {
                return Entries[i].Value;
            }
        }

        return null;
    }

    public override string Kind => "a mapping";
}
