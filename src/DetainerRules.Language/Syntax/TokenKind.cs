namespace DetainerRules.Language.Syntax;

/// <summary>The kinds of token in a condition.</summary>
public enum TokenKind
{
    Word,
    Number,
    Text,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    End,
}
