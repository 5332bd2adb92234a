namespace DetainerRules.Language.Syntax;

/// <summary>Splits a condition into tokens.</summary>
/// <remarks>
/// Words may contain dots and dashes (<c>person.foreign_born</c>, <c>I-247A</c>): the language has
/// no arithmetic, so neither character is ever an operator.
/// </remarks>
public static class Lexer
{
    /// <summary>The longest condition accepted; longer text is refused before it is scanned.</summary>
    public const int MaxLength = 10_000;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new ConditionSyntaxException($"condition is {text.Length} characters long; the limit is {MaxLength}", 0);
        }

        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], start, i));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start, i));
            }
            else if (c is '"' or '\'')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    throw new ConditionSyntaxException("unterminated string: add the closing quote", start);
                }

                i++;
                tokens.Add(new Token(TokenKind.Text, text[(start + 1)..(i - 1)], start, i));
            }
            else
            {
                var (kind, length) = Symbol(text, i);
                i += length;
                tokens.Add(new Token(kind, text[start..i], start, i));
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length, text.Length));
        return tokens;
    }

    private static (TokenKind Kind, int Length) Symbol(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '(' => (TokenKind.OpenParen, 1),
            ')' => (TokenKind.CloseParen, 1),
            '[' => (TokenKind.OpenBracket, 1),
            ']' => (TokenKind.CloseBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '=' => (TokenKind.Equal, next == '=' ? 2 : 1),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '<' => next == '=' ? (TokenKind.LessOrEqual, 2) : (TokenKind.Less, 1),
            '>' => next == '=' ? (TokenKind.GreaterOrEqual, 2) : (TokenKind.Greater, 1),
            '&' or '|' or '!' => throw new ConditionSyntaxException(
                $"unexpected `{text[i..(next == text[i] ? i + 2 : i + 1)]}`: the language spells it out, write `{text[i] switch { '&' => "and", '|' => "or", _ => "not" }}`", i),
            _ => throw new ConditionSyntaxException(
                $"unexpected character `{text[i]}`: conditions use words, `and`, `or`, `not`, comparisons and parentheses", i),
        };
    }
}
