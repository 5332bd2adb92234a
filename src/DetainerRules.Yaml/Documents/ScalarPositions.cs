using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Documents;

/// <summary>Maps a character offset in a scalar's value back to its place in the file.</summary>
/// <remarks>
/// A value can differ from its text in the file (quotes, folded lines, block indentation), so the
/// value is aligned with the raw characters: equal characters advance together, anything else in
/// the raw text (indentation, quotes, indicators) is skipped.
/// </remarks>
internal static class ScalarPositions
{
    private const int MaxSkip = 256;

    public static Func<int, SourceSpan> For(YamlScalar scalar, string text, Func<int, SourceSpan> locate)
    {
        var value = scalar.Value;
        var map = new int[value.Length + 1];
        var raw = Math.Clamp(scalar.StartIndex, 0, text.Length);
        var rawEnd = Math.Clamp(scalar.EndIndex, raw, text.Length);
        for (var v = 0; v < value.Length; v++)
        {
            // Escapes and line folding put at most a few dozen raw characters between value characters;
            // looking further only made long escaped values quadratic.
            var probe = raw;
            var limit = Math.Min(rawEnd, raw + MaxSkip);
            while (probe < limit && text[probe] != value[v])
            {
                probe++;
            }

            if (probe < limit)
            {
                raw = probe;
                map[v] = raw++;
            }
            else
            {
                map[v] = Math.Min(raw, Math.Max(rawEnd - 1, scalar.StartIndex));
            }
        }

        map[value.Length] = value.Length == 0 ? scalar.StartIndex : map[value.Length - 1] + 1;
        return offset => locate(map[Math.Clamp(offset, 0, value.Length)]);
    }
}
