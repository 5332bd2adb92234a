using System.Text;
using System.Text.RegularExpressions;

namespace DetainerRules.Tests.Support;

/// <summary>The messages a C# source file can give: its string literals, each a pattern with its interpolation holes as wildcards.</summary>
/// <remarks>
/// Literals that are single words (keywords, list names) or hold no letter are not messages;
/// neither are the messages of <c>UnreachableException</c>, which no input can reach. Literals
/// inside interpolation holes are parts of what fills the hole, not messages of their own.
/// </remarks>
internal static partial class MessageTemplates
{
    private const char Hole = '\u0001';

    /// <summary>A message as written in the source, and the pattern a message it gives matches.</summary>
    public sealed record Template(string Text, Regex Pattern);

    public static IEnumerable<Template> In(string source)
    {
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '/' && At(source, i + 1) == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (source[i] == '\'')
            {
                i = SkipChar(source, i);
            }
            else if (source[i] == '"' || (source[i] == '$' && At(source, i + 1) == '"'))
            {
                var start = i;
                var text = ReadString(source, ref i);
                if (IsMessage(text) && !source[..start].TrimEnd().EndsWith("UnreachableException(", StringComparison.Ordinal))
                {
                    yield return new Template(text.Replace(Hole, '…'), new Regex(string.Join(".*?", text.Split(Hole).Select(Regex.Escape)), RegexOptions.CultureInvariant));
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsMessage(string text) => !WordPattern().IsMatch(text) && text.Any(char.IsLetter);

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int SkipChar(string s, int i) => s[i + 1] == '\\' ? s.IndexOf('\'', i + 3) + 1 : i + 3;

    /// <summary>Reads a regular or interpolated string literal at <paramref name="i"/>, holes as <see cref="Hole"/>; leaves <paramref name="i"/> after it.</summary>
    private static string ReadString(string s, ref int i)
    {
        var interpolated = s[i] == '$';
        i += interpolated ? 2 : 1;
        var text = new StringBuilder();
        while (s[i] != '"')
        {
            if (s[i] == '\\')
            {
                text.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', _ => s[i + 1] });
                i += 2;
            }
            else if (interpolated && s[i] == '{' && At(s, i + 1) == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && s[i] == '{')
            {
                SkipHole(s, ref i);
                text.Append(Hole);
            }
            else
            {
                text.Append(s[i++]);
            }
        }

        i++;
        return text.ToString();
    }

    private static void SkipHole(string s, ref int i)
    {
        var depth = 0;
        do
        {
            if (s[i] == '"' || (s[i] == '$' && At(s, i + 1) == '"'))
            {
                ReadString(s, ref i);
                continue;
            }

            if (s[i] == '\'')
            {
                i = SkipChar(s, i);
                continue;
            }

            depth += s[i] switch { '{' => 1, '}' => -1, _ => 0 };
            i++;
        }
        while (depth > 0);
    }

    [GeneratedRegex("^[a-z_.]+$")]
    private static partial Regex WordPattern();
}
