namespace DetainerRules.Language.Syntax;

/// <summary>A token and where it sits in the condition text (0-based character offsets).</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;
}
