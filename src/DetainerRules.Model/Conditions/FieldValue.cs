using System.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Conditions;

/// <summary>What a field holds in a scenario (or in one of its offenses), in the condition language's words, for explanations.</summary>
public static class FieldValue
{
    /// <param name="offense">The charge or conviction a test inside <c>charge(...)</c> or <c>conviction(...)</c> reads; null at scenario level.</param>
    public static string Describe(Field field, Scenario scenario, IOffense? offense)
    {
        var info = FieldCatalog.Get(field);
        return $"{info.Name} is {Words(info, info.Read(scenario, offense))}";
    }

    /// <summary>A value as a condition would write it: <c>true</c>, <c>noncitizen</c>, <c>[interview]</c>, <c>"PC 187"</c>.</summary>
    private static string Words(FieldInfo field, object? value) => value switch
    {
        null => field.Absent,
        bool b => b ? "true" : "false",
        Enum e => Vocabulary.Word(e),
        string text => $"\"{text}\"",
        IReadOnlySet<FederalRequest> requests => requests.Count == 0 ? "[]" : $"[{string.Join(", ", requests.Order().Select(r => Vocabulary.Word(r)))}]",
        _ => throw new UnreachableException($"no words for a value of type {value.GetType().Name} of {field.Name}"),
    };
}
