namespace DetainerRules.Language.Syntax;

/// <summary>Recursive-descent parser for the condition language: one method per rule of the EBNF grammar in rules/README.md ("Grammar").</summary>
public sealed class Parser
{
    /// <summary>Deeper nesting is refused, so a hostile file cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> Quantifiers = ["any", "no", "every"];
    private readonly IReadOnlyList<Token> _tokens;
    private int _position;
    private int _depth;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    /// <summary>Words with a meaning of their own, which cannot name a condition or a list.</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "is", "known", "has", "any", "no", "every", "within", "years", "year", "of", "release", "true", "false",
    };

    private Token Current => _tokens[_position];

    public static SyntaxNode Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ConditionSyntaxException("condition is empty: write `true` for a rule that always applies", 0);
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new ConditionSyntaxException($"unexpected `{parser.Current.Text}`: expected `and`, `or` or the end of the condition", parser.Current.Start);
        }

        return node;
    }

    private SyntaxNode ParseOr() => ParseLogical(isAnd: false);

    private SyntaxNode ParseLogical(bool isAnd)
    {
        var word = isAnd ? "and" : "or";
        var parts = new List<SyntaxNode> { isAnd ? ParseUnary() : ParseLogical(isAnd: true) };
        while (Current.IsWord(word))
        {
            _position++;
            parts.Add(isAnd ? ParseUnary() : ParseLogical(isAnd: true));
        }

        return parts.Count == 1 ? parts[0] : new LogicalSyntax(isAnd, parts, parts[0].Start, parts[^1].End);
    }

    private SyntaxNode ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionSyntaxException($"condition is nested more than {MaxDepth} levels deep", Current.Start);
        }

        try
        {
            if (Current.IsWord("not"))
            {
                var start = Current.Start;
                _position++;
                var inner = ParseUnary();
                return new NotSyntax(inner, start, inner.End);
            }

            return ParsePrimary();
        }
        finally
        {
            _depth--;
        }
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                _position++;
                var inner = ParseOr();
                Expect(TokenKind.CloseParen, "`)`");
                return inner;
            case TokenKind.Word when token.Text is "true" or "false":
                _position++;
                return new BoolSyntax(token.Text == "true", token.Start, token.End);
            case TokenKind.Word when Quantifiers.Contains(token.Text):
                return ParseQuantifier();
            case TokenKind.Word when token.Text == "within":
                return ParseWithin();
            case TokenKind.Word when !Keywords.Contains(token.Text):
                _position++;
                return ParseTest(token);
            case TokenKind.End:
                throw new ConditionSyntaxException("condition ends too early: expected a field, a named condition or `(`", token.Start);
            default:
                throw new ConditionSyntaxException($"unexpected `{token.Text}`: expected a field, a named condition or `(`", token.Start);
        }
    }

    private QuantifierSyntax ParseQuantifier()
    {
        var quantifier = Current;
        _position++;
        var list = Expect(TokenKind.Word, "`charge` or `conviction` after `" + quantifier.Text + "`");
        if (Current.Kind != TokenKind.OpenParen)
        {
            return new QuantifierSyntax(quantifier, list, null, quantifier.Start, list.End);
        }

        _position++;
        var inner = ParseOr();
        var close = Expect(TokenKind.CloseParen, "`)`");
        return new QuantifierSyntax(quantifier, list, inner, quantifier.Start, close.End);
    }

    private WithinSyntax ParseWithin()
    {
        var start = Current.Start;
        _position++;
        var years = Expect(TokenKind.Number, "a number of years after `within`");
        if (!(Current.IsWord("years") || Current.IsWord("year")))
        {
            throw new ConditionSyntaxException($"expected `years` after `within {years.Text}`", Current.Start);
        }

        var end = Current.End;
        _position++;
        if (!Current.IsWord("of"))
        {
            return new WithinSyntax(years, false, start, end);
        }

        _position++;
        var release = Current;
        if (!release.IsWord("release"))
        {
            throw new ConditionSyntaxException("expected `release` after `of`: the look-back counts from the conviction or from release", release.Start);
        }

        _position++;
        return new WithinSyntax(years, true, start, release.End);
    }

    private SyntaxNode ParseTest(Token path)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual:
                _position++;
                var value = ExpectValue();
                return new TestSyntax(path, token.Kind == TokenKind.Equal ? "=" : token.Text, [value], null, path.Start, value.End);
            case TokenKind.Word when token.Text == "has":
                _position++;
                var member = ExpectValue();
                return new TestSyntax(path, "has", [member], null, path.Start, member.End);
            case TokenKind.Word when token.Text == "in":
                _position++;
                return ParseMembership(path, "in");
            case TokenKind.Word when token.Text == "not" && Peek(1).IsWord("in"):
                _position += 2;
                return ParseMembership(path, "not in");
            case TokenKind.Word when token.Text == "is":
                _position++;
                var negated = Current.IsWord("not");
                if (negated)
                {
                    _position++;
                }

                var known = Current;
                if (!known.IsWord("known"))
                {
                    throw new ConditionSyntaxException("expected `known` after `is`: write `is known` or `is not known`", known.Start);
                }

                _position++;
                return new TestSyntax(path, negated ? "is not known" : "is known", [], null, path.Start, known.End);
            default:
                return new NameSyntax(path, path.Start, path.End);
        }
    }

    private TestSyntax ParseMembership(Token path, string op)
    {
        if (Current.Kind == TokenKind.Word && !Keywords.Contains(Current.Text))
        {
            var list = Current;
            _position++;
            return new TestSyntax(path, op, [], list, path.Start, list.End);
        }

        Expect(TokenKind.OpenBracket, "`[` or the name of a list after `" + op + "`");
        var values = new List<Token> { ExpectValue() };
        while (Current.Kind == TokenKind.Comma)
        {
            _position++;
            values.Add(ExpectValue());
        }

        var close = Expect(TokenKind.CloseBracket, "`,` or `]`");
        return new TestSyntax(path, op, values, null, path.Start, close.End);
    }

    private Token ExpectValue()
    {
        var token = Current;
        if (token.Kind is TokenKind.Word or TokenKind.Text or TokenKind.Number)
        {
            _position++;
            return token;
        }

        throw new ConditionSyntaxException(
            token.Kind == TokenKind.End ? "condition ends too early: expected a value" : $"unexpected `{token.Text}`: expected a value",
            token.Start);
    }

    private Token Expect(TokenKind kind, string what)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            var found = token.Kind == TokenKind.End ? "the end of the condition" : $"`{token.Text}`";
            throw new ConditionSyntaxException($"expected {what}, found {found}", token.Start);
        }

        _position++;
        return token;
    }

    private Token Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];
}
