using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using NUnit.Framework.Constraints;

namespace DetainerRules.Testing;

/// <summary>
/// Constraints on two policies' answers:
/// <c>Assert.That(Policies.Compare("lvmpd-2023", "lvmpd-2025-01").On(DecisionKind.NotifyIce), Answers.RequiredInSubset)</c>.
/// </summary>
public static class Answers
{
    /// <summary>The two policies give the same answer in every case.</summary>
    public static Constraint Agree => new ComparisonProperty("agree in every case", _ => true);

    /// <summary>The policies give different answers in at least one case.</summary>
    public static Constraint Differ => new ComparisonProperty("differ in some case", _ => true, expectViolations: true);

    /// <summary>Wherever the first policy requires it, so does the second: the first requires it in a subset of the cases.</summary>
    public static Constraint RequiredInSubset => InSubset(Modality.Required);

    /// <summary>Wherever the first policy forbids it, so does the second.</summary>
    public static Constraint ForbiddenInSubset => InSubset(Modality.Forbidden);

    /// <summary>Wherever the first policy answers one of <paramref name="values"/>, the second does too (not necessarily the same one).</summary>
    public static Constraint InSubset(params Modality[] values)
    {
        var words = values.Select(v => Vocabulary.Word(v)).ToHashSet();
        var named = string.Join(" or ", words);
        return new ComparisonProperty($"the first answers {named} only where the second does too", split => words.Contains(split.Answers[0].Value) && !words.Contains(split.Answers[1].Value));
    }
}

/// <summary>A constraint on a <see cref="DecisionComparison"/>: which ways of splitting the two policies offend it.</summary>
/// <param name="offends">Whether a split (cases where the two answer differently) breaks the property.</param>
/// <param name="expectViolations">True when the property asks for an offending split rather than forbidding one.</param>
internal sealed class ComparisonProperty(string what, Func<Split, bool> offends, bool expectViolations = false) : Constraint
{
    public override string Description => what;

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var comparison = actual as DecisionComparison ?? throw new ArgumentException($"expected Policies.Compare(...).On(...), got {actual?.GetType().Name ?? "null"}", nameof(actual));
        var result = comparison.Run();
        var offending = result.Splits.Where(offends).ToList();
        var success = expectViolations ? offending.Count > 0 : offending.Count == 0;
        if (success)
        {
            return new PropertyResult(this, comparison, true, []);
        }

        if (expectViolations)
        {
            return new PropertyResult(this, comparison, false, [$"{comparison.Pair} give the same answer in all {result.Cases} cases"]);
        }

        var space = comparison.SpaceFor();
        var worst = offending[0];
        var region = worst.Regions[0];
        var point = space.Project(region.Example)!;
        List<string> evidence =
        [
            $"{comparison.Pair.First} says {worst.Answers[0].Text} where {comparison.Pair.Second} says {worst.Answers[1].Text}, in {offending.Sum(s => s.Cases)} of {result.Cases} cases",
            $"for instance: {region.Description}",
            .. Evidence.Case(space, comparison.Subject, point),
        ];
        return new PropertyResult(this, comparison, false, evidence);
    }
}
