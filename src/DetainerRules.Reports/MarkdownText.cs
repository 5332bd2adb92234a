using System.Text;

namespace DetainerRules.Reports;

/// <summary>Puts text from policy and scenario files into Markdown so it stays one piece of inline text: no line breaks, no way out of a code span or a table cell.</summary>
/// <remarks>
/// A line break in an id would end the code span and let the rest start a heading or a list; a
/// backtick would close the span; a <c>|</c> would split a table cell. Line breaks and other
/// controls are written as visible escapes (<see cref="TerminalText"/>), code spans use a fence
/// longer than any run of backticks inside, and table cells escape <c>|</c>, which GitHub-style
/// tables honour even inside code spans.
/// </remarks>
public static class MarkdownText
{
    /// <summary>Inline prose: backslash-escapes what Markdown would read as markup (code, emphasis, links, HTML).</summary>
    public static string Text(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in TerminalText.Escape(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A code span holding <paramref name="text"/> as it is (its controls escaped), whatever backticks it contains.</summary>
    public static string Code(string text)
    {
        var content = TerminalText.Escape(text);
        var longest = 0;
        for (int i = 0, run = 0; i < content.Length; i++)
        {
            run = content[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);

        // CommonMark strips one space on each side when both are there, so content that starts or ends with a backtick can be padded.
        var padded = content.StartsWith('`') || content.EndsWith('`') || (content.StartsWith(' ') && content.EndsWith(' ') && content.Trim().Length > 0)
            ? $" {content} "
            : content;
        return fence + padded + fence;
    }

    /// <summary>Table-cell content (already Markdown): a <c>|</c> would end the cell, so it is escaped, in code spans too.</summary>
    /// <remarks>Tables pair backslashes before they look for pipes, so after an odd run of them one more is added: the cell may show an extra backslash, but it cannot split.</remarks>
    public static string Cell(string markdown)
    {
        var escaped = new StringBuilder(markdown.Length);
        var backslashes = 0;
        foreach (var c in markdown)
        {
            if (c == '|')
            {
                escaped.Append(backslashes % 2 == 1 ? "\\\\|" : "\\|");
            }
            else
            {
                escaped.Append(c);
            }

            backslashes = c == '\\' ? backslashes + 1 : 0;
        }

        return escaped.ToString();
    }
}
