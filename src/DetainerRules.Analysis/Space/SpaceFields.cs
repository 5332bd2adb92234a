using System.Diagnostics;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;

namespace DetainerRules.Analysis.Space;

/// <summary>The scenario fields that are dimensions of the space on their own: those the field table gives phrases for.</summary>
/// <remarks>
/// The space lists the person's fields first, then the charges and convictions, then what ICE did
/// (the detainer, presence at release, requests). A field added to the table with a title and
/// phrases becomes a dimension, a <c>--where</c> key and a value of explanations with no more code.
/// </remarks>
internal static class SpaceFields
{
    private static readonly IReadOnlyList<FieldInfo> Own = [.. FieldCatalog.All.Where(f => f.Phrases is not null)];

    /// <summary>The fields about the person, which lead the space.</summary>
    public static IReadOnlyList<FieldInfo> Leading { get; } = [.. Own.Where(FieldCatalog.Person.Contains)];

    /// <summary>The others, which follow the detainer.</summary>
    public static IReadOnlyList<FieldInfo> Trailing { get; } = [.. Own.Where(f => !FieldCatalog.Person.Contains(f))];

    /// <summary>The words <c>--where</c> takes for a field, in the order messages list them.</summary>
    public static IReadOnlyList<string> Words(FieldInfo field) => field.Kind switch
    {
        FieldKind.Flag => ["yes", "no"],
        FieldKind.OptionalFlag => ["yes", "no", "unknown"],
        FieldKind.Choice or FieldKind.OrderedChoice or FieldKind.OptionalChoice => Vocabulary.Words(field.ValueType!),
        FieldKind.Set or FieldKind.Text or FieldKind.OptionalText => throw new UnreachableException($"`{field.Name}` ({field.Kind}) is not a dimension of its own"),
        _ => throw new UnreachableException($"no words for the kind {field.Kind}"),
    };

    /// <summary>How <c>--where</c> and the JSON write one value: <c>yes</c>, <c>no</c>, <c>unknown</c>, or the vocabulary's word.</summary>
    public static string Word(object? value) => value switch
    {
        null => "unknown",
        true => "yes",
        false => "no",
        Enum e => Vocabulary.Word(e),
        _ => throw new UnreachableException($"no word for a value of type {value.GetType().Name}"),
    };
}
