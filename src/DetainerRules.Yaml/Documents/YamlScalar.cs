using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>A scalar value and where its characters sit in the file, so conditions can point inside it.</summary>
/// <param name="isPlain">Unquoted; only plain scalars can be null, booleans or numbers.</param>
internal sealed class YamlScalar(SourceSpan span, string path, string value, bool isPlain, int startIndex, int endIndex)
    : YamlNode(span, path)
{
    public string Value { get; } = value;
    public bool IsPlain { get; } = isPlain;
    public int StartIndex { get; } = startIndex;
    public int EndIndex { get; } = endIndex;

    public bool IsNull => IsNullValue(Value, IsPlain);

    /// <summary>Whether a scalar written so is null: plain, and empty or a spelling of null.</summary>
    public static bool IsNullValue(string value, bool isPlain) => isPlain && value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsNull ? "null" : "a scalar";
}
