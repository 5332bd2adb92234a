using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Conditions;

/// <summary>
/// Everything the tool knows about one field a condition may read, in one place: its name in the
/// condition language (which is also its path in a scenario file), where it lives, its type, how to
/// reach it and tell whether it is there, how to set it, its batch CSV column, and its words.
/// </summary>
/// <remarks>
/// The engines translate <see cref="Value"/> and <see cref="Present"/> into their conditions,
/// explanations read and print the field through <see cref="Read"/>, the scenario space takes its
/// dimensions, values and phrases from here, and the scenario writers and readers their keys and
/// columns; <c>FieldTableTests</c> holds every member of <see cref="Conditions.Field"/> to a complete
/// descriptor that each of them handles alike.
/// </remarks>
/// <param name="Name">The field in the condition language and its path in a scenario file: <c>person.citizenship</c>; an offense field's key in a charge or conviction: <c>level</c>.</param>
/// <param name="ValueType">The enum type for choice and set fields; null otherwise.</param>
/// <param name="Description">What the field holds, for messages and the policy graph.</param>
public sealed record FieldInfo(Field Field, string Name, FieldScope Scope, FieldKind Kind, Type? ValueType, string Description)
{
    // Compiled once per descriptor, on first read; kept beside the record so that it is no part of its equality.
    private static readonly ConditionalWeakTable<FieldInfo, Func<Scenario, IOffense?, object?>> Readers = new();

    /// <summary>The value: a lambda over the <see cref="Scenario"/>, or for an offense field over the <see cref="IOffense"/>.</summary>
    /// <remarks>A value of type <c>T?</c> is there when it has a value; a string of an optional kind when it is not null.</remarks>
    public required LambdaExpression Value { get; init; }

    /// <summary>Whether the value is there, where that is not its own nullness: a detainer's form is there when there is a detainer.</summary>
    public LambdaExpression? Present { get; init; }

    /// <summary>How explanations say the value is missing.</summary>
    public string Absent { get; init; } = "not known";

    /// <summary>The batch CSV column that holds a scenario field; for an offense field, its part of a <c>charges</c> or <c>convictions</c> item. Null when the field has no cell of its own (whether there is a detainer follows from the detainer's cells).</summary>
    public string? CsvColumn { get; init; }

    /// <summary>A heading for the field's dimension of the scenario space: "citizenship".</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The values the scenario space gives a field that is a dimension of its own, the usual one first,
    /// each with how a description of cases says it; null for the fields the space groups (the
    /// detainer's, the requests') or lays out per offense.
    /// </summary>
    public IReadOnlyList<(object? Value, string Phrase)>? Phrases { get; init; }

    /// <summary>Sets a scenario field (null: to missing); null for an offense field.</summary>
    public Func<Scenario, object?, Scenario>? WriteScenario { get; init; }

    /// <summary>Sets an offense field of a charge or a conviction; null for a scenario field.</summary>
    public Func<IOffense, object?, IOffense>? WriteOffense { get; init; }

    /// <summary>The field's key in the mapping that holds it: <c>citizenship</c> in <c>person</c>.</summary>
    public string Key => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>Whether a value can be missing, so that a test must ask about presence first.</summary>
    public bool Optional => Kind is FieldKind.OptionalFlag or FieldKind.OptionalChoice or FieldKind.OptionalText;

    /// <summary>The field reached from <paramref name="target"/> (the scenario, or a charge or conviction for an offense field), with a test of presence when it can be missing.</summary>
    public (Expression? Present, Expression Value) Access(Expression target)
    {
        var value = FieldAccess.Inline(Value, target);
        if (Present is { } present)
        {
            return (FieldAccess.Inline(present, target), value);
        }

        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            return (Expression.Property(value, nameof(Nullable<bool>.HasValue)), Expression.Property(value, nameof(Nullable<bool>.Value)));
        }

        return Optional ? (Expression.NotEqual(value, Expression.Constant(null, value.Type)), value) : (null, value);
    }

    /// <summary>The value in <paramref name="scenario"/> (or in <paramref name="offense"/>, for an offense field); null when it is missing.</summary>
    /// <remarks>A flag or enum member comes boxed, the requests as the scenario's set.</remarks>
    public object? Read(Scenario scenario, IOffense? offense)
    {
        if (Scope == FieldScope.Offense && offense is null)
        {
            throw new ArgumentException($"`{Name}` is read on a charge or conviction", nameof(offense));
        }

        return Readers.GetValue(this, f => f.CompileReader())(scenario, offense);
    }

    private Func<Scenario, IOffense?, object?> CompileReader()
    {
        var scenario = Expression.Parameter(typeof(Scenario), "scenario");
        var offense = Expression.Parameter(typeof(IOffense), "offense");
        var (present, value) = Access(Scope == FieldScope.Offense ? offense : scenario);
        Expression boxed = Expression.Convert(value, typeof(object));
        if (present is not null)
        {
            boxed = Expression.Condition(present, boxed, Expression.Constant(null, typeof(object)));
        }

        return Expression.Lambda<Func<Scenario, IOffense?, object?>>(boxed, scenario, offense).Compile();
    }
}
