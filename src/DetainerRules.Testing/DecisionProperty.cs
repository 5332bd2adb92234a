using System.Diagnostics;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Model.Decisions;
using NUnit.Framework.Constraints;

namespace DetainerRules.Testing;

/// <summary>A property of one policy over a space of cases: it never, always or sometimes gives some answer.</summary>
/// <remarks>Checked at every point of the space the policy spans (narrowed by <see cref="Over"/>), so a pass holds for every scenario the model can express.</remarks>
public sealed class DecisionProperty : Constraint
{
    private readonly Quantity _quantity;
    private readonly Subject _subject;
    private readonly Func<Answer, bool> _matches;
    private readonly string _what;
    private readonly Space _space;

    internal DecisionProperty(Quantity quantity, Subject subject, Func<Answer, bool> matches, string what, Space? space = null)
    {
        _quantity = quantity;
        _subject = subject;
        _matches = matches;
        _what = what;
        _space = space ?? Space.All;
    }

    internal enum Quantity
    {
        Never,
        Always,
        Sometimes,
    }

    public override string Description => $"{_quantity.ToString().ToLowerInvariant()} {_what}, over {_space}";

    /// <summary>The same property over part of the space.</summary>
    public DecisionProperty Over(Space space) => new(_quantity, _subject, _matches, _what, space);

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var policy = actual as PolicyUnderTest ?? throw new ArgumentException($"expected a policy from Policies.Load, got {actual?.GetType().Name ?? "null"}", nameof(actual));
        var space = ScenarioSpace.For([policy.Evaluator], [_subject], _space.Filter);
        var cases = 0L;
        var matching = 0L;
        int[]? firstMatch = null;
        int[]? firstMiss = null;
        Answer? missAnswer = null;
        Answer? matchAnswer = null;
        foreach (var point in space.Points(_subject))
        {
            cases++;
            var answer = _subject.AnswerFrom(policy.Evaluator, space.Build(point, "case"));
            if (_matches(answer))
            {
                matching++;
                firstMatch ??= point;
                matchAnswer ??= answer;
            }
            else
            {
                firstMiss ??= point;
                missAnswer ??= answer;
            }
        }

        var success = _quantity switch
        {
            Quantity.Never => matching == 0,
            Quantity.Always => matching == cases,
            Quantity.Sometimes => matching > 0,
            _ => throw new UnreachableException($"no test for the quantity {_quantity}"),
        };
        if (success)
        {
            return new PropertyResult(this, policy, true, []);
        }

        var evidence = _quantity switch
        {
            Quantity.Never => [$"{policy} answers {matchAnswer!.Text} in {matching} of {cases} cases, e.g.", .. Evidence.Case(space, _subject, firstMatch!)],
            Quantity.Always => [$"{policy} answers otherwise in {cases - matching} of {cases} cases, e.g. {missAnswer!.Text} in", .. Evidence.Case(space, _subject, firstMiss!)],
            Quantity.Sometimes => new List<string> { $"{policy} never does, in any of {cases} cases" },
            _ => throw new UnreachableException($"no evidence for the quantity {_quantity}"),
        };
        return new PropertyResult(this, policy, false, evidence);
    }
}
