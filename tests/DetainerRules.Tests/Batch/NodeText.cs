using System.Text;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Batch;

/// <summary>A document's nodes written out with everything the loaders read from them, so two readers' trees compare as text.</summary>
internal static class NodeText
{
    public static string Of(YamlNode node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, YamlNode node, int indent)
    {
        text.Append(' ', indent * 2).Append(node.GetType().Name).Append(' ').Append(node.Span).Append(" path=").Append(node.Path).Append(" kind=").Append(node.Kind);
        switch (node)
        {
            case YamlScalar scalar:
                text.Append(" plain=").Append(scalar.IsPlain).Append(" at=").Append(scalar.StartIndex).Append("..").Append(scalar.EndIndex)
                    .Append(" value=").Append(Shown(scalar.Value)).Append('\n');
                break;
            case YamlSequence sequence:
                text.Append('\n');
                foreach (var item in sequence.Items)
                {
                    Write(text, item, indent + 1);
                }

                break;
            case YamlMapping mapping:
                text.Append('\n');
                foreach (var (key, value) in mapping.Entries)
                {
                    text.Append(' ', (indent * 2) + 1).Append("key:\n");
                    Write(text, key, indent + 1);
                    Write(text, value, indent + 1);
                }

                break;
            default:
                throw new InvalidOperationException($"no text for a {node.GetType().Name}");
        }
    }

    /// <summary>Every character visible, control characters and surrogates as code points, so a difference can be read in a failure message.</summary>
    private static string Shown(string value) =>
        value.Length > 200 ? $"{value.Length} chars, hash {StringComparer.Ordinal.GetHashCode(value)}, starts {Shown(value[..100])}"
            : string.Concat(value.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
