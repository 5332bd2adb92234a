using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>A list.</summary>
internal sealed class YamlSequence(SourceSpan span, string path, IReadOnlyList<YamlNode> items) : YamlNode(span, path)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Kind => "a list";
}
