using System.Text;

namespace DetainerRules.TestSupport;

/// <summary>A YAML file written line by line, with LF endings whatever the platform.</summary>
internal sealed class YamlText
{
    private readonly StringBuilder _text = new();

    public void Line(string line) => _text.Append(line).Append('\n');

    /// <summary>A single-quoted YAML scalar: conditions hold colons, brackets and both kinds of quote.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public override string ToString() => _text.ToString();
}
