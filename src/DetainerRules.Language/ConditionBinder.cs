using System.Diagnostics;
using DetainerRules.Model.Time;
using DetainerRules.Language.Syntax;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Language;

/// <summary>Parses conditions and checks them against the scenario model, producing typed conditions.</summary>
/// <remarks>
/// Named conditions are parsed once and bound where they are used, so one name can serve inside
/// <c>any charge(...)</c> and at the top level as long as its fields exist in both places.
/// </remarks>
public sealed class ConditionBinder
{
    private const string DecisionPrefix = "decision.";
    /// <summary>Deepest nesting of named conditions; a longer chain is refused, not followed to a stack overflow.</summary>
    public const int MaxNamedDepth = 64;

    /// <summary>Every offense category, in the order of the enum.</summary>
    private static readonly OffenseCategory[] OffenseCategories = Enum.GetValues<OffenseCategory>();

    private readonly IReadOnlyDictionary<string, OffenseCategories> _offenseLists;
    private readonly IReadOnlyDictionary<string, ConditionText> _named;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, SyntaxNode?> _parsedNames = new(StringComparer.Ordinal);

    /// <summary>Each named condition as bound so far, one table per scope (indexed by it): a table keyed by a (name, scope) tuple is framework code compiled at every start.</summary>
    private readonly Dictionary<string, Condition?>[] _boundNames = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly List<string> _resolving = [];
    private readonly JurisdictionTime _time;
    private readonly HashSet<string> _cycles = new(StringComparer.Ordinal);

    public ConditionBinder(
        IReadOnlyDictionary<string, OffenseCategories> offenseLists,
        IReadOnlyDictionary<string, ConditionText> namedConditions,
        List<Diagnostic> diagnostics,
        JurisdictionTime? time = null)
    {
        _time = time ?? JurisdictionTime.AsWritten;
        _offenseLists = offenseLists;
        _named = namedConditions;
        _diagnostics = diagnostics;
    }

    private enum Scope
    {
        Scenario,
        Charge,
        Conviction,
    }

    /// <summary>Binds a top-level condition; on error, records a diagnostic and returns null.</summary>
    public Condition? Bind(ConditionText source)
    {
        try
        {
            return Bind(Parse(source), source, Scope.Scenario);
        }
        catch (ConditionError error)
        {
            Report(error);
            return null;
        }
    }

    /// <summary>
    /// Type-checks the named conditions no rule used, so a mistake in one is reported even before
    /// a rule needs it. Call after binding every rule.
    /// </summary>
    /// <remarks>
    /// An unused name has no scope of its own, so it is checked where it can be meant: inside a
    /// conviction (which has every field a charge has) when it reads an offense outside any
    /// quantifier of its own, directly or through the names it uses; at the top level otherwise.
    /// </remarks>
    public void CheckUnusedNamed()
    {
        foreach (var name in _named.Keys.Order(StringComparer.Ordinal))
        {
            if (_boundNames.Any(bound => bound.ContainsKey(name)) || ParseNamed(name) is not { } syntax)
            {
                continue;
            }

            try
            {
                Bind(syntax, _named[name], ReadsAnOffense(syntax, [name]) ? Scope.Conviction : Scope.Scenario);
            }
            catch (ConditionError error)
            {
                Report(error);
            }
        }
    }

    /// <summary>Whether a condition reads a charge or a conviction outside the quantifiers it writes, itself or through the names it uses.</summary>
    private bool ReadsAnOffense(SyntaxNode node, HashSet<string> seen) => node switch
    {
        LogicalSyntax l => l.Parts.Any(p => ReadsAnOffense(p, seen)),
        NotSyntax n => ReadsAnOffense(n.Inner, seen),
        WithinSyntax => true,
        QuantifierSyntax or BoolSyntax => false,
        TestSyntax t => FieldCatalog.Find(t.Path.Text) is { Scope: FieldScope.Offense },
        NameSyntax n when FieldCatalog.Find(n.Name.Text) is { } field => field.Scope == FieldScope.Offense,
        NameSyntax n => _named.ContainsKey(n.Name.Text) && seen.Add(n.Name.Text) && ParseNamed(n.Name.Text) is { } used && ReadsAnOffense(used, seen),
        _ => throw new UnreachableException($"the parser made a {node.GetType().Name}, which the binder does not know"),
    };

    /// <summary>Checks every named condition's name and syntax, so one that no rule uses is still checked.</summary>
    public void BindAllNamed()
    {
        foreach (var name in _named.Keys.Order(StringComparer.Ordinal))
        {
            var text = _named[name];
            if (Parser.Keywords.Contains(name) || FieldCatalog.Find(name) is not null)
            {
                _diagnostics.Add(Diagnostic.Error(text.Locate(0), DiagnosticCodes.UnknownName, text.Field,
                    $"`{name}` cannot name a condition: it is a word of the condition language"));
                continue;
            }

            ParseNamed(name);
        }
    }

    private static SyntaxNode Parse(ConditionText source)
    {
        try
        {
            return Parser.Parse(source.Text);
        }
        catch (ConditionSyntaxException e)
        {
            throw Error(source, e.Offset, DiagnosticCodes.ConditionSyntax, e.Message);
        }
    }

    private void Report(ConditionError error)
    {
        if (!error.Repeated)
        {
            _diagnostics.Add(error.Diagnostic);
        }
    }

    private static ConditionError Error(ConditionText source, int offset, DiagnosticCode code, string message) =>
        new(Diagnostic.Error(source.Locate(offset), code, source.Field, message));

    private Condition Bind(SyntaxNode node, ConditionText source, Scope scope)
    {
        var span = source.Locate(node.Start);
        return node switch
        {
            LogicalSyntax l when l.IsAnd => new AllOf([.. l.Parts.Select(p => Bind(p, source, scope))], span),
            LogicalSyntax l => new AnyOf([.. l.Parts.Select(p => Bind(p, source, scope))], span),
            NotSyntax n => new Negation(Bind(n.Inner, source, scope), span),
            BoolSyntax b => new Constant(b.Value, span),
            QuantifierSyntax q => BindQuantifier(q, source, scope),
            WithinSyntax w => BindWithin(w, source, scope),
            NameSyntax n => BindName(n, source, scope),
            TestSyntax t => BindTest(t, source, scope),
            _ => throw new UnreachableException($"the parser made a {node.GetType().Name}, which the binder does not know"),
        };
    }

    private Quantified BindQuantifier(QuantifierSyntax q, ConditionText source, Scope scope)
    {
        if (scope != Scope.Scenario)
        {
            throw Error(source, q.Start, DiagnosticCodes.WrongScope, $"`{q.Quantifier.Text} {q.List.Text}` cannot be nested inside another charge or conviction test");
        }

        var (list, inner) = q.List.Text switch
        {
            "charge" or "charges" => (OffenseList.Charges, Scope.Charge),
            "conviction" or "convictions" => (OffenseList.Convictions, Scope.Conviction),
            _ => throw Error(source, q.List.Start, DiagnosticCodes.UnknownName,
                $"unknown list `{q.List.Text}`: expected `charge` or `conviction`{Suggestion.Hint(q.List.Text, ["charge", "conviction"])}"),
        };
        var quantifier = q.Quantifier.Text switch
        {
            "any" => Quantifier.Any,
            "no" => Quantifier.No,
            "every" => Quantifier.Every,
            _ => throw new UnreachableException($"the parser read `{q.Quantifier.Text}` as a quantifier"),
        };
        var body = q.Inner is null ? new Constant(true, source.Locate(q.End)) : Bind(q.Inner, source, inner);
        return new Quantified(quantifier, list, body, source.Locate(q.Start));
    }

    private WithinYears BindWithin(WithinSyntax w, ConditionText source, Scope scope)
    {
        if (scope != Scope.Conviction)
        {
            throw Error(source, w.Start, DiagnosticCodes.WrongScope, "`within N years` applies to a conviction: use it inside `any conviction(...)`");
        }

        if (!int.TryParse(w.Years.Text, out var years) || years > 200)
        {
            throw Error(source, w.Years.Start, DiagnosticCodes.UnknownValue, $"`{w.Years.Text}` years is out of range: use 0 to 200");
        }

        return new WithinYears(years, w.FromRelease, source.Locate(w.Start)) { Time = _time };
    }

    private Condition BindName(NameSyntax n, ConditionText source, Scope scope)
    {
        var name = n.Name.Text;
        var span = source.Locate(n.Start);
        if (FieldCatalog.Find(name) is { } field)
        {
            CheckScope(field, n.Name, source, scope);
            if (field.Kind is not (FieldKind.Flag or FieldKind.OptionalFlag))
            {
                throw Error(source, n.Start, DiagnosticCodes.WrongOperator,
                    $"`{name}` is not a yes/no field: compare it with a value, e.g. `{name} = {ExampleValue(field)}`");
            }

            return new FieldTest(field.Field, TestOperator.IsTrue, [], span);
        }

        if (name.StartsWith(DecisionPrefix, StringComparison.Ordinal))
        {
            throw Error(source, n.Start, DiagnosticCodes.WrongOperator, $"compare `{name}` with a value, e.g. `{name} = required`");
        }

        if (_named.ContainsKey(name))
        {
            return new NamedConditionUse(name, BindNamed(name, n, source, scope), span);
        }

        throw Error(source, n.Start, DiagnosticCodes.UnknownName, $"unknown name `{name}`{Help(name, scope)}");
    }

    /// <summary>What to write instead of an unknown name: an offense field read through its list, the closest name, or the fields sharing its prefix.</summary>
    /// <param name="rest">For a comparison, what follows the name as written (<c> = felony</c>), so the example is the user's own test.</param>
    private string Help(string name, Scope scope, string? rest = null)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && name[..dot] is "charge" or "charges" or "conviction" or "convictions"
            && FieldCatalog.Find(name[(dot + 1)..]) is { Scope: FieldScope.Offense } offenseField)
        {
            var list = name[..dot].TrimEnd('s');
            var test = rest is not null ? offenseField.Name + rest : $"{offenseField.Name} = {ExampleValue(offenseField)}";
            return $": a {list}'s fields are tested inside the list, e.g. `any {list}({test})`";
        }

        var known = KnownNames(scope).ToList();
        if (Suggestion.Hint(name, known) is { Length: > 0 } hint)
        {
            return hint;
        }

        var siblings = dot > 0 ? known.Where(k => k.StartsWith(name[..(dot + 1)], StringComparison.Ordinal)).ToList() : [];
        return siblings.Count > 0 ? $"; the fields of `{name[..dot]}` are {string.Join(", ", siblings.Select(k => $"`{k}`"))}" : string.Empty;
    }

    private Condition BindNamed(string name, NameSyntax use, ConditionText source, Scope scope)
    {
        if (_resolving.Count >= MaxNamedDepth)
        {
            throw Error(source, use.Start, DiagnosticCodes.ConditionCycle, $"named conditions nest more than {MaxNamedDepth} deep at `{name}`: {string.Join(" -> ", _resolving.Take(3))} -> ...");
        }

        if (_resolving.Contains(name))
        {
            var members = _resolving.SkipWhile(n => n != name).ToList();
            var error = Error(source, use.Start, DiagnosticCodes.ConditionCycle, $"named condition `{name}` refers to itself: {string.Join(" -> ", members.Append(name))}");

            // One cycle is reported once, whichever of its names it was entered from.
            throw _cycles.Add(string.Join(" ", members.Order(StringComparer.Ordinal))) ? error : error.AsRepeat();
        }

        if (_boundNames[(int)scope].TryGetValue(name, out var cached))
        {
            return cached ?? throw Error(source, use.Start, DiagnosticCodes.UnknownName, $"named condition `{name}` has errors (reported where it is defined)");
        }

        var syntax = ParseNamed(name);
        Condition? bound = null;
        if (syntax is not null)
        {
            _resolving.Add(name);
            try
            {
                bound = Bind(syntax, _named[name], scope);
            }
            catch (ConditionError error) when (error.Diagnostic.Code != DiagnosticCodes.ConditionCycle)
            {
                _diagnostics.Add(error.Diagnostic with { Message = error.Diagnostic.Message + $" (in `{name}`, used at {source.Locate(use.Start)})" });
            }
            finally
            {
                _resolving.RemoveAt(_resolving.Count - 1);
            }
        }

        _boundNames[(int)scope][name] = bound;
        return bound ?? throw Error(source, use.Start, DiagnosticCodes.UnknownName, $"named condition `{name}` has errors (reported where it is defined)");
    }

    private SyntaxNode? ParseNamed(string name)
    {
        if (!_parsedNames.TryGetValue(name, out var syntax))
        {
            try
            {
                syntax = Parse(_named[name]);
            }
            catch (ConditionError error)
            {
                _diagnostics.Add(error.Diagnostic);
                syntax = null;
            }

            _parsedNames[name] = syntax;
        }

        return syntax;
    }

    private Condition BindTest(TestSyntax t, ConditionText source, Scope scope)
    {
        var span = source.Locate(t.Start);
        var path = t.Path.Text;
        if (path.StartsWith(DecisionPrefix, StringComparison.Ordinal))
        {
            return BindDecisionTest(t, source, span);
        }

        var field = FieldCatalog.Find(path)
            ?? throw Error(source, t.Path.Start, DiagnosticCodes.UnknownName, $"unknown field `{path}`{Help(path, scope, source.Text[(t.Path.Start + t.Path.Text.Length)..t.End].TrimEnd())}");
        CheckScope(field, t.Path, source, scope);
        var op = Operator(t, field, source);
        var operands = op is TestOperator.IsKnown or TestOperator.IsNotKnown ? [] : Operands(t, field, source);
        return new FieldTest(field.Field, op, operands, span);
    }

    private static DecisionTest BindDecisionTest(TestSyntax t, ConditionText source, SourceSpan span)
    {
        var name = t.Path.Text[DecisionPrefix.Length..];
        if (!Vocabulary.TryParse(typeof(DecisionKind), name, out var decision))
        {
            throw Error(source, t.Path.Start, DiagnosticCodes.UnknownName,
                $"unknown decision `{name}`{Suggestion.Hint(name, Vocabulary.Words(typeof(DecisionKind)))}");
        }

        var kind = (DecisionKind)decision;

        if (t.Operator is not (SyntaxOperator.Equal or SyntaxOperator.NotEqual or SyntaxOperator.In or SyntaxOperator.NotIn) || t.ListName is not null)
        {
            var written = t.ListName is { } list ? $"{t.Operator.Text()} {list.Text}" : t.Operator.Text();
            throw Error(source, t.Start, DiagnosticCodes.WrongOperator, $"a decision is compared with `=`, `!=`, `in [...]` or `not in [...]`, not `{written}`");
        }

        // Loops over the tokens, here and in Operands, not queries: a query yielding an enum (here a decision value) is
        // compiled at each start, which ReadyToRun cannot do ahead (the framework is outside the tool's images).
        var values = new Modality[t.Values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (Modality)Word(t.Values[i], typeof(Modality), source, "a decision value is a word", "a decision value");
        }

        return new DecisionTest(kind, values, t.Operator is SyntaxOperator.NotEqual or SyntaxOperator.NotIn, span);
    }

    private static TestOperator Operator(TestSyntax t, FieldInfo field, ConditionText source)
    {
        var op = t.Operator switch
        {
            SyntaxOperator.Equal or SyntaxOperator.In => TestOperator.In,
            SyntaxOperator.NotEqual or SyntaxOperator.NotIn => TestOperator.NotIn,
            SyntaxOperator.Less => TestOperator.Less,
            SyntaxOperator.LessOrEqual => TestOperator.LessOrEqual,
            SyntaxOperator.Greater => TestOperator.Greater,
            SyntaxOperator.GreaterOrEqual => TestOperator.GreaterOrEqual,
            SyntaxOperator.Has => TestOperator.Has,
            SyntaxOperator.IsKnown => TestOperator.IsKnown,
            SyntaxOperator.IsNotKnown => TestOperator.IsNotKnown,
            _ => throw new UnreachableException($"the parser made the operator {t.Operator}, which the binder does not know"),
        };
        var allowed = field.Kind switch
        {
            FieldKind.Flag or FieldKind.Choice or FieldKind.Text => op is TestOperator.In or TestOperator.NotIn,
            FieldKind.OptionalFlag or FieldKind.OptionalChoice or FieldKind.OptionalText =>
                op is TestOperator.In or TestOperator.NotIn or TestOperator.IsKnown or TestOperator.IsNotKnown,
            FieldKind.OrderedChoice => op is TestOperator.In or TestOperator.NotIn or TestOperator.Less or TestOperator.LessOrEqual or TestOperator.Greater or TestOperator.GreaterOrEqual,
            FieldKind.Set => op is TestOperator.Has,
            _ => throw new UnreachableException($"no operators are listed for a field of kind {field.Kind}"),
        };
        if (!allowed)
        {
            var hint = field.Kind == FieldKind.Set ? $": write `{field.Name} has {ExampleValue(field)}`" : string.Empty;
            throw Error(source, t.Start, DiagnosticCodes.WrongOperator, $"`{t.Operator.Text()}` does not apply to `{field.Name}` ({Describe(field.Kind)}){hint}");
        }

        return op;
    }

    private List<object> Operands(TestSyntax t, FieldInfo field, ConditionText source)
    {
        if (t.ListName is { } list)
        {
            if (field.Field != Field.OffenseCategory)
            {
                throw Error(source, list.Start, DiagnosticCodes.WrongOperator, $"a named list applies to `category` only; write the values of `{field.Name}` in brackets");
            }

            return _offenseLists.TryGetValue(list.Text, out var categories)
                ? InOrder(categories)
                : throw Error(source, list.Start, DiagnosticCodes.UnknownName,
                    $"unknown offense list `{list.Text}`{Suggestion.Hint(list.Text, _offenseLists.Keys)}");
        }

        var operands = new List<object>(t.Values.Count);
        for (var i = 0; i < t.Values.Count; i++)
        {
            operands.Add(Operand(t.Values[i], field, source));
        }

        return operands;
    }

    /// <summary>A list's categories in the order of the enum, walked over its values rather than sorted: a sort of an enum is framework code compiled at every start.</summary>
    private static List<object> InOrder(OffenseCategories categories)
    {
        var inOrder = new List<object>(categories.Count);
        foreach (var category in OffenseCategories)
        {
            if (categories.Contains(category))
            {
                inOrder.Add(category);
            }
        }

        return inOrder;
    }

    private static object Operand(Token value, FieldInfo field, ConditionText source)
    {
        switch (field.Kind)
        {
            case FieldKind.Flag or FieldKind.OptionalFlag:
                return value.Text switch
                {
                    "true" when value.Kind == TokenKind.Word => true,
                    "false" when value.Kind == TokenKind.Word => false,
                    _ => throw Error(source, value.Start, DiagnosticCodes.UnknownValue, $"`{field.Name}` is yes/no: compare it with `true` or `false`, not `{Written(value)}`"),
                };
            case FieldKind.Text or FieldKind.OptionalText:
                return value.Kind == TokenKind.Text
                    ? value.Text
                    : throw Error(source, value.Start, DiagnosticCodes.UnknownValue, $"`{field.Name}` is text: put the value in quotes, e.g. \"{value.Text}\"");
            default:
                return Word(value, field.ValueType!, source, $"`{field.Name}` takes a word", $"a value of `{field.Name}`");
        }
    }

    /// <summary>
    /// A vocabulary word of <paramref name="type"/>, refused the same way wherever a word is expected: a word
    /// written in quotes is told to drop them, anything else gets the nearest word and the whole list.
    /// </summary>
    private static Enum Word(Token value, Type type, ConditionText source, string takesAWord, string whatItIsNot)
    {
        if (value.Kind == TokenKind.Word && Vocabulary.TryParse(type, value.Text, out var member))
        {
            return member;
        }

        if (value.Kind == TokenKind.Text && Vocabulary.TryParse(type, value.Text, out _))
        {
            throw Error(source, value.Start, DiagnosticCodes.UnknownValue, $"{takesAWord}, not text: write `{value.Text}` without quotes");
        }

        var words = Vocabulary.Words(type);
        throw Error(source, value.Start, DiagnosticCodes.UnknownValue,
            $"`{Written(value)}` is not {whatItIsNot}{Suggestion.Hint(value.Text, words)}; expected one of {string.Join(", ", words.Select(w => $"`{w}`"))}");
    }

    /// <summary>A value as written: text in its quotes, a word or a number as it is.</summary>
    private static string Written(Token value) => value.Kind == TokenKind.Text ? $"\"{value.Text}\"" : value.Text;

    private static void CheckScope(FieldInfo field, Token at, ConditionText source, Scope scope)
    {
        if (field.Scope == FieldScope.Offense && scope == Scope.Scenario)
        {
            throw Error(source, at.Start, DiagnosticCodes.WrongScope,
                $"`{field.Name}` belongs to a charge or a conviction: test it inside `any charge(...)` or `any conviction(...)`");
        }
    }

    private IEnumerable<string> KnownNames(Scope scope) =>
        FieldCatalog.All.Where(f => scope != Scope.Scenario || f.Scope == FieldScope.Scenario).Select(f => f.Name)
            .Concat(_named.Keys)
            .Concat(Vocabulary.Words(typeof(DecisionKind)).Select(d => DecisionPrefix + d));

    private static string ExampleValue(FieldInfo field) =>
        field.ValueType is { } t ? Vocabulary.Words(t)[0] : field.Kind is FieldKind.Text or FieldKind.OptionalText ? "\"...\"" : "true";

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Flag => "a yes/no field",
        FieldKind.OptionalFlag => "a yes/no field that may be unknown",
        FieldKind.OrderedChoice => "an ordered value",
        FieldKind.Set => "a set: test it with `has`",
        FieldKind.Text => "text",
        FieldKind.OptionalText => "text that may be missing",
        FieldKind.OptionalChoice => "a value that may be missing",
        FieldKind.Choice => "a value",
        _ => throw new UnreachableException($"no words for a field of kind {kind}"),
    };
}
