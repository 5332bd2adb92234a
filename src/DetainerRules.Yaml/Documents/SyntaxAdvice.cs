namespace DetainerRules.Yaml.Documents;

/// <summary>What a YAML parser error usually means in a hand-written file, said in the file's own terms.</summary>
/// <remarks>
/// YamlDotNet reports where its grammar broke ("while parsing a block collection, did not find
/// expected '-' indicator"), which is accurate but names the parser's states, not the writer's
/// mistake. The common mistakes in policy and scenario files are few (indentation, a `: ` inside an
/// unquoted value, a tab, an unclosed quote or bracket); each gets a plain reading, and the parser's
/// own words follow it so that nothing is hidden. Messages not listed pass through unchanged.
/// </remarks>
internal static class SyntaxAdvice
{
    private static readonly (string Says, string Means)[] Readings =
    [
        ("found invalid tab as indentation", "a tab indents this line; YAML indents with spaces only"),
        ("did not find expected '-' indicator", "this line is indented differently from the list items above it: the items of one list start with `-` in the same column, and each item's keys line up"),
        ("while scanning a plain scalar value, found invalid mapping", "a value here holds `: `, or a key is indented further than its siblings: quote a value that contains `: ` (\"Law: the act\"), or line the key up with the keys above it"),
        ("while parsing a block mapping, did not find expected key", "a key was expected here: check that this line is indented like the keys above it, and that a quoted value has no unescaped quote inside (write `'He said \"no\"'`)"),
        ("mapping values are not allowed in this context", "a value here holds `: `: quote it (\"Law: the act\")"),
        ("found wrong indentation", "a quoted value is not closed, or its next line is indented less than the value: close the quote"),
        ("found unexpected end of stream", "the file ends inside a quoted value or an open `[` or `{`: close it"),
        ("did not find expected node content", "a value is missing here, or a `[` or `{` above is never closed"),
    ];

    /// <summary>The plain reading of <paramref name="parserMessage"/> followed by the parser's words, or the parser's words alone.</summary>
    public static string Explain(string parserMessage)
    {
        foreach (var (says, means) in Readings)
        {
            if (parserMessage.Contains(says, StringComparison.Ordinal))
            {
                return $"{means} (the YAML parser: {parserMessage})";
            }
        }

        return parserMessage;
    }

    /// <summary>Whether the message is about a tab, whose position YamlDotNet reports as the start of the enclosing mapping.</summary>
    public static bool IsAboutATab(string parserMessage) => parserMessage.Contains("tab", StringComparison.Ordinal);
}
