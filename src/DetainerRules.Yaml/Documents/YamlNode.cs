using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>A node of a loaded document, with its position and its path from the root.</summary>
internal abstract class YamlNode(SourceSpan span, string path)
{
    public SourceSpan Span { get; } = span;

    /// <summary>The field path, e.g. <c>charges[1].level</c>; empty for the root.</summary>
    public string Path { get; } = path;

    public abstract string Kind { get; }
}
