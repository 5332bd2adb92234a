using System.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>Writes a type-checked condition back in the condition language, as an analyst would have written it.</summary>
/// <remarks>Named conditions print as their names; offense lists as the values they stand for.</remarks>
public static class ConditionPrinter
{
    public static string Print(Condition condition) => Print(condition, false);

    private static string Print(Condition condition, bool nested) => condition switch
    {
        AllOf all => Group(string.Join(" and ", all.Parts.Select(p => Print(p, true))), nested && all.Parts.Count > 1),
        AnyOf any => Group(string.Join(" or ", any.Parts.Select(p => Print(p, true))), nested && any.Parts.Count > 1),
        Negation not => "not " + Print(not.Inner, true),
        Constant constant => constant.Value ? "true" : "false",
        NamedConditionUse use => use.Name,
        DecisionTest test => Decision(test),
        Quantified q => $"{q.Quantifier.ToString().ToLowerInvariant()} {(q.List == OffenseList.Charges ? "charge" : "conviction")}({Print(q.Inner, false)})",
        WithinYears w => w.FromRelease ? $"within {w.Years} years of release" : $"within {w.Years} years",
        FieldTest t => Test(t),
        _ => throw new UnreachableException($"no way to print a {condition.GetType().Name}"),
    };

    private static string Decision(DecisionTest test)
    {
        var name = "decision." + Vocabulary.Word(test.Decision);
        var values = test.Values.Select(v => Vocabulary.Word(v)).ToList();
        return values.Count == 1
            ? $"{name} {(test.Negated ? "!=" : "=")} {values[0]}"
            : $"{name} {(test.Negated ? "not in" : "in")} [{string.Join(", ", values)}]";
    }

    private static string Group(string text, bool parenthesise) => parenthesise ? $"({text})" : text;

    private static string Test(FieldTest test)
    {
        var name = FieldCatalog.Get(test.Field).Name;
        var operands = test.Operands.Select(Word).ToList();
        return test.Operator switch
        {
            TestOperator.IsTrue => name,
            TestOperator.IsKnown => $"{name} is known",
            TestOperator.IsNotKnown => $"{name} is not known",
            TestOperator.Has => $"{name} has {operands[0]}",
            TestOperator.In when operands.Count == 1 => $"{name} = {operands[0]}",
            TestOperator.In => $"{name} in [{string.Join(", ", operands)}]",
            TestOperator.NotIn when operands.Count == 1 => $"{name} != {operands[0]}",
            TestOperator.NotIn => $"{name} not in [{string.Join(", ", operands)}]",
            TestOperator.Less => $"{name} < {operands[0]}",
            TestOperator.LessOrEqual => $"{name} <= {operands[0]}",
            TestOperator.Greater => $"{name} > {operands[0]}",
            TestOperator.GreaterOrEqual => $"{name} >= {operands[0]}",
            _ => throw new UnreachableException($"no way to print the operator {test.Operator}"),
        };
    }

    private static string Word(object operand) => operand switch
    {
        Enum e => Vocabulary.Word(e),
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        _ => throw new UnreachableException($"an operand of type {operand.GetType().Name}"),
    };
}
