using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>A mapping with its keys in file order; duplicate keys were refused while loading.</summary>
internal sealed class YamlMapping(SourceSpan span, string path, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
    : YamlNode(span, path)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string Kind => "a mapping";
}
