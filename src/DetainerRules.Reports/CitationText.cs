using DetainerRules.Model;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>A citation as text: where it points, how it was verified, and the words it relies on.</summary>
internal static class CitationText
{
    /// <summary>One line: the source and pinpoint with its verification, e.g. <c>Cal. Gov. Code § 7282.5, (b) [primary]</c>, marked when it is only context.</summary>
    public static string Heading(Citation cite) =>
        $"{cite.Text} [{Vocabulary.Word(cite.Verified)}{(cite.Role == CitationRole.Context ? ", context" : string.Empty)}]";

    /// <summary>The lines under the heading: the quoted words, the reason for a judgement, and the link.</summary>
    public static IEnumerable<string> Details(Citation cite)
    {
        if (cite.Quote is { } quote)
        {
            yield return $"\"{OneLine(quote)}\"";
        }

        if (cite.Note is { } note)
        {
            yield return $"our reading: {OneLine(note)}";
        }

        if (cite.Link is { } link)
        {
            yield return link;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
