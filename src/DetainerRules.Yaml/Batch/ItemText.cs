using System.Text;

namespace DetainerRules.Yaml.Batch;

/// <summary>Lists inside a CSV cell: items separated by <c>;</c>, an item's parts by <c>|</c>, and a backslash to write either (or itself) inside a part.</summary>
/// <remarks>
/// Offense text as agencies write it holds <c>;</c> and <c>|</c> ("possession; intent to sell"), so
/// <c>\;</c>, <c>\|</c> and <c>\\</c> stand for the character itself. A backslash before anything
/// else is kept as written, so statutes and text written before this rule read as they did.
/// </remarks>
internal static class ItemText
{
    public const char Escape = '\\';

    /// <summary>The pieces of <paramref name="text"/> between unescaped <paramref name="separator"/>s, escapes left in for the next level.</summary>
    public static List<string> Split(string text, char separator)
    {
        if (!text.Contains(Escape, StringComparison.Ordinal))
        {
            return [.. text.Split(separator)];
        }

        var pieces = new List<string>();
        var piece = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape && i + 1 < text.Length)
            {
                piece.Append(c).Append(text[++i]);
            }
            else if (c == separator)
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }
            else
            {
                piece.Append(c);
            }
        }

        pieces.Add(piece.ToString());
        return pieces;
    }

    /// <summary>The items of a cell, trimmed, empty ones left out.</summary>
    public static List<string> Items(string cell) => [.. Split(cell, ';').Select(i => i.Trim()).Where(i => i.Length > 0)];

    /// <summary>The parts of an item, trimmed and with their escapes read.</summary>
    public static List<string> Parts(string item) => [.. Split(item, '|').Select(p => Unescape(p.Trim()))];

    public static string Unescape(string text)
    {
        if (!text.Contains(Escape, StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape && i + 1 < text.Length && text[i + 1] is ';' or '|' or Escape)
            {
                i++;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    /// <summary>A part written so that <see cref="Parts"/> reads it back unchanged.</summary>
    public static string Quote(string part) =>
        part.IndexOfAny([';', '|', Escape]) < 0
            ? part
            : part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
