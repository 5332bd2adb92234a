namespace DetainerRules.Language.Syntax;

/// <summary>A token and where it sits in the condition text (0-based character offsets).</summary>
/// <remarks>
/// A class, not a struct: the framework's lists and arrays of a struct it does not know are compiled when the program
/// first runs them (no ahead-of-time image can hold them), and every policy's conditions are lexed at start.
/// </remarks>
public sealed record Token(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;
}
