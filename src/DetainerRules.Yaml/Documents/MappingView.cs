namespace DetainerRules.Yaml.Documents;

/// <summary>A mapping whose keys have been checked against the keys its format allows.</summary>
internal sealed class MappingView
{
    private readonly Dictionary<string, YamlNode> _values;

    public MappingView(YamlMapping node, FieldReader reader, IReadOnlyCollection<string> allowedKeys)
    {
        Node = node;
        _values = new Dictionary<string, YamlNode>(node.Entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries)
        {
            _values.Add(key.Value, value);
            if (!allowedKeys.Contains(key.Value))
            {
                var at = node.Path.Length == 0 ? key.Value : $"{node.Path}.{key.Value}";
                reader.Report(key.Span, at, $"unknown key `{key.Value}`{Model.Diagnostics.Suggestion.Hint(key.Value, allowedKeys)}; expected one of {string.Join(", ", allowedKeys.Select(k => $"`{k}`"))}");
            }
        }
    }

    public YamlMapping Node { get; }

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? this[string key] => _values.GetValueOrDefault(key);

    /// <summary>The path a missing key would have had.</summary>
    public string PathOf(string key) => Node.Path.Length == 0 ? key : $"{Node.Path}.{key}";
}
