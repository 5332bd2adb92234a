using System.Globalization;
using System.Text;

namespace DetainerRules.Reports;

/// <summary>Makes text from policy and scenario files safe to show on a terminal: every control and bidi character becomes a visible escape.</summary>
/// <remarks>
/// A terminal obeys escape sequences (<c>ESC ] 52</c> writes the clipboard, <c>ESC [ 8 m</c> hides
/// text), a carriage return or line break lets a value forge lines of the report around it, and
/// bidi controls reorder what is shown. So C0 and C1 controls, DEL, Unicode format characters
/// (bidi embeddings, overrides and isolates, zero-width characters) and line and paragraph
/// separators are written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c> (a character beyond
/// the first plane as its two UTF-16 halves, as JSON writes it). The escapes use
/// only printable ASCII, so escaping is idempotent, and inside a JSON string they mean the very
/// character they replace.
/// </remarks>
public static class TerminalText
{
    /// <summary>The text with every character a terminal could act on escaped.</summary>
    /// <param name="keepLineBreaks">Let <c>\n</c> and <c>\t</c> through, for formats (JSON, Markdown, HTML, DOT) whose own writers place them.</param>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (IsUnsafe(Rune.GetUnicodeCategory(rune)))
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}\\u{(int)text[i + 1]:X4}");
                }
                else
                {
                    escaped.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            if (!NeedsEscape(c, keepLineBreaks))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Whether the UTF-8 text would come out of <see cref="Escape"/> unchanged, so it can be written as it is without a detour through UTF-16.</summary>
    /// <remarks>False for anything that is not well-formed UTF-8: the caller then takes the text path, which decides what it means.</remarks>
    public static bool IsShownAsWritten(ReadOnlySpan<byte> utf8, bool keepLineBreaks = false)
    {
        while (true)
        {
            var printable = utf8.IndexOfAnyExceptInRange((byte)' ', (byte)'~');
            if (printable < 0)
            {
                return true;
            }

            utf8 = utf8[printable..];
            if (utf8[0] < 0x80)
            {
                if (NeedsEscape((char)utf8[0], keepLineBreaks))
                {
                    return false;
                }

                utf8 = utf8[1..];
                continue;
            }

            if (Rune.DecodeFromUtf8(utf8, out var rune, out var length) != System.Buffers.OperationStatus.Done || IsUnsafe(Rune.GetUnicodeCategory(rune)))
            {
                return false;
            }

            utf8 = utf8[length..];
        }
    }

    private static int FirstUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // Printable ASCII is most of any report (all of a batch's JSON lines): skip it a vector at a time.
            var printable = text.AsSpan(i).IndexOfAnyExceptInRange(' ', '~');
            if (printable < 0)
            {
                return -1;
            }

            i += printable;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsUnsafe(Rune.GetUnicodeCategory(new Rune(c, text[i + 1]))))
                {
                    return i;
                }

                i++;
                continue;
            }

            if (NeedsEscape(c, keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NeedsEscape(char c, bool keepLineBreaks)
    {
        if (c < ' ')
        {
            return !(keepLineBreaks && c is '\n' or '\t');
        }

        // Printable ASCII and Latin-1 letters are the common case; only DEL, C1 and the soft hyphen need a look.
        if (c < '\u007F')
        {
            return false;
        }

        // A lone surrogate is no character at all; it is shown as what it is.
        return char.IsSurrogate(c) || IsUnsafe(char.GetUnicodeCategory(c));
    }

    private static bool IsUnsafe(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
