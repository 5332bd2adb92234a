namespace DetainerRules.Language.Syntax;

/// <summary>An untyped condition as written, with its character range; the binder gives it meaning.</summary>
public abstract record SyntaxNode(int Start, int End);

/// <summary><c>a and b</c> or <c>a or b</c>.</summary>
public sealed record LogicalSyntax(bool IsAnd, IReadOnlyList<SyntaxNode> Parts, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>not a</c>.</summary>
public sealed record NotSyntax(SyntaxNode Inner, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BoolSyntax(bool Value, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>any charge(...)</c>, <c>no conviction</c>, <c>every charge(...)</c>.</summary>
public sealed record QuantifierSyntax(Token Quantifier, Token List, SyntaxNode? Inner, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>within 5 years</c> or <c>within 5 years of release</c>.</summary>
public sealed record WithinSyntax(Token Years, bool FromRelease, int Start, int End) : SyntaxNode(Start, End);

/// <summary>A bare word: a yes/no field or a named condition.</summary>
public sealed record NameSyntax(Token Name, int Start, int End) : SyntaxNode(Start, End);

/// <summary>A field compared with values: <c>detainer.warrant = judicial</c>, <c>category in violent</c>.</summary>
/// <param name="Values">The values written: one for a comparison or <c>has</c>, one or more in brackets for <c>in</c> and <c>not in</c>, none for <c>is known</c> or a named list.</param>
/// <param name="ListName">For <c>in name</c>: the named list instead of literal values.</param>
public sealed record TestSyntax(Token Path, SyntaxOperator Operator, IReadOnlyList<Token> Values, Token? ListName, int Start, int End)
    : SyntaxNode(Start, End);
