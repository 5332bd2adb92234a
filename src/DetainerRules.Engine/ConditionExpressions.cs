using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>Translates a type-checked condition into an expression tree over the scenario and the decisions it reads.</summary>
/// <param name="decisionValue">The value of a decision the condition reads, as an expression of type <see cref="Modality"/>: the rule network and the compiled delegates hold decisions differently.</param>
/// <remarks>
/// Only the members named here are ever reached, whatever a policy says: the condition model has no
/// node that could name another. Values that may be absent are tested for presence first and fail
/// closed: a comparison on a missing value is false, except <c>!=</c> and <c>not in</c>, which are true.
/// </remarks>
internal sealed class ConditionExpressions(Expression scenario, Func<DecisionKind, Expression> decisionValue)
{
    private static readonly MethodInfo AnyMethod = GenericEnumerableMethod(nameof(Enumerable.Any));
    private static readonly MethodInfo AllMethod = GenericEnumerableMethod(nameof(Enumerable.All));
    private static readonly MethodInfo WithinMethod = typeof(WithinYears).GetMethod(nameof(WithinYears.Covers))!;
    private static readonly MethodInfo DayOfMethod = typeof(Model.Time.JurisdictionTime).GetMethod(nameof(Model.Time.JurisdictionTime.DayOf))!;
    private static readonly MethodInfo ContainsMethod = typeof(IReadOnlySet<FederalRequest>).GetMethod(nameof(IReadOnlySet<FederalRequest>.Contains))!;

    /// <summary>Test lists with a loop in the expression rather than <c>Enumerable.Any</c> with a nested lambda, which allocates a closure per test; for delegates only (the rule network keeps the form it can compare and share).</summary>
    public bool QuantifiersAsLoops { get; init; }

    public Expression Build(Condition condition) => Build(condition, null);

    /// <summary>The condition inside <c>any charge(...)</c> or <c>any conviction(...)</c>, over one element.</summary>
    public Expression BuildInner(Condition inner, ParameterExpression offense) => Build(inner, offense);

    private static MethodInfo GenericEnumerableMethod(string name) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2);

    private Expression Build(Condition condition, ParameterExpression? offense) => condition switch
    {
        AllOf all => all.Parts.Select(p => Build(p, offense)).Aggregate(Expression.AndAlso),
        AnyOf any => any.Parts.Select(p => Build(p, offense)).Aggregate(Expression.OrElse),
        Negation not => Expression.Not(Build(not.Inner, offense)),
        Constant constant => Expression.Constant(constant.Value),
        NamedConditionUse use => Build(use.Body, offense),
        DecisionTest test => DecisionTest(test),
        Quantified quantified => Quantified(quantified),
        WithinYears within => Within(within, offense!),
        FieldTest test => FieldTest(test, offense),
        _ => throw new UnreachableException($"condition node {condition.GetType().Name} has no translation"),
    };

    private Expression DecisionTest(DecisionTest test)
    {
        var value = decisionValue(test.Decision);
        // A loop, not a query: a query over the values (an enum) is framework code compiled at every start.
        Expression matches = Expression.Equal(value, Expression.Constant(test.Values[0]));
        for (var i = 1; i < test.Values.Count; i++)
        {
            matches = Expression.OrElse(matches, Expression.Equal(value, Expression.Constant(test.Values[i])));
        }

        return test.Negated ? Expression.Not(matches) : matches;
    }

    private Expression Quantified(Quantified quantified)
    {
        var (list, type) = quantified.List == OffenseList.Charges
            ? (Expression.Property(scenario, nameof(Scenario.Charges)), typeof(Charge))
            : (Expression.Property(scenario, nameof(Scenario.Convictions)), typeof(Conviction));
        var element = Expression.Parameter(type, quantified.List == OffenseList.Charges ? "charge" : "conviction");
        if (QuantifiersAsLoops)
        {
            return Loop(quantified, list, type, element);
        }

        var predicate = Expression.Lambda(Build(quantified.Inner, element), element);
        return quantified.Quantifier switch
        {
            Quantifier.Any => Expression.Call(AnyMethod.MakeGenericMethod(type), list, predicate),
            Quantifier.No => Expression.Not(Expression.Call(AnyMethod.MakeGenericMethod(type), list, predicate)),
            Quantifier.Every => Expression.Call(AllMethod.MakeGenericMethod(type), list, predicate),
            _ => throw new UnreachableException($"quantifier {quantified.Quantifier} has no translation"),
        };
    }

    /// <summary><c>any</c>: some element passes; <c>no</c>: none does; <c>every</c>: none fails, as a loop that stops at the first that decides.</summary>
    private BlockExpression Loop(Quantified quantified, Expression list, Type type, ParameterExpression element)
    {
        var listType = typeof(IReadOnlyList<>).MakeGenericType(type);
        var items = Expression.Variable(listType, "items");
        var index = Expression.Variable(typeof(int), "index");
        var found = Expression.Variable(typeof(bool), "found");
        var test = Build(quantified.Inner, element);
        var (seek, result) = quantified.Quantifier switch
        {
            // Stop at the first element that passes: found means some did.
            Quantifier.Any => (test, (Expression)found),
            Quantifier.No => (test, Expression.Not(found)),

            // Stop at the first element that fails: found means not every one passed.
            Quantifier.Every => (Expression.Not(test), Expression.Not(found)),
            _ => throw new UnreachableException($"quantifier {quantified.Quantifier} has no translation"),
        };
        var done = Expression.Label("done");
        var count = Expression.Property(items, typeof(IReadOnlyCollection<>).MakeGenericType(type).GetProperty("Count")!);
        var item = Expression.MakeIndex(items, listType.GetProperty("Item"), [index]);
        return Expression.Block(
            typeof(bool),
            [items, index, found, element],
            Expression.Assign(items, Expression.Convert(list, listType)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Assign(found, Expression.Constant(false)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(index, count),
                    Expression.Block(
                        Expression.Assign(element, item),
                        Expression.IfThen(seek, Expression.Block(Expression.Assign(found, Expression.Constant(true)), Expression.Break(done))),
                        Expression.PostIncrementAssign(index)),
                    Expression.Break(done)),
                done),
            result);
    }

    private MethodCallExpression Within(WithinYears within, ParameterExpression conviction)
    {
        Expression date = Expression.Property(conviction, nameof(Conviction.ConvictedOn));
        if (within.FromRelease)
        {
            date = Expression.Coalesce(Expression.Property(conviction, nameof(Conviction.ReleasedOn)), date);
        }

        // The booking day in the jurisdiction's calendar, whatever offset the record was written in.
        var bookedOn = Expression.Call(Expression.Constant(within.Time), DayOfMethod, Expression.Property(scenario, nameof(Scenario.BookedAt)));
        return Expression.Call(WithinMethod, bookedOn, date, Expression.Constant(within.Years));
    }

    private Expression FieldTest(FieldTest test, ParameterExpression? offense)
    {
        var (present, value) = Access(test.Field, offense);
        Expression Guard(Expression e) => present is null ? e : Expression.AndAlso(present, e);
        return test.Operator switch
        {
            TestOperator.IsTrue => Guard(value),
            TestOperator.In => Guard(Matches(value, test.Operands)),
            TestOperator.NotIn => Expression.Not(Guard(Matches(value, test.Operands))),
            TestOperator.IsKnown => present ?? Expression.Constant(true),
            TestOperator.IsNotKnown => present is null ? Expression.Constant(false) : Expression.Not(present),
            TestOperator.Has => Expression.Call(value, ContainsMethod, Expression.Constant(test.Operands[0])),
            TestOperator.Less or TestOperator.LessOrEqual or TestOperator.Greater or TestOperator.GreaterOrEqual => Guard(Order(test.Operator, value, test.Operands[0])),
            _ => throw new UnreachableException($"operator {test.Operator} has no translation"),
        };
    }

    private static Expression Matches(Expression value, IReadOnlyList<object> operands)
    {
        if (operands.Count == 0)
        {
            return Expression.Constant(false);
        }

        if (value.Type.IsEnum && operands.Count > 2)
        {
            // One mask test instead of a chain of comparisons: categories lists run to a dozen members.
            var mask = operands.Aggregate(0UL, (m, o) => m | (1UL << Convert.ToInt32(o, System.Globalization.CultureInfo.InvariantCulture)));
            var bit = Expression.RightShift(Expression.Constant(mask), Expression.Convert(value, typeof(int)));
            return Expression.NotEqual(Expression.And(bit, Expression.Constant(1UL)), Expression.Constant(0UL));
        }

        return operands.Select(o => (Expression)Expression.Equal(value, Expression.Constant(o, value.Type))).Aggregate(Expression.OrElse);
    }

    private static BinaryExpression Order(TestOperator op, Expression value, object operand)
    {
        var left = Expression.Convert(value, typeof(int));
        var right = Expression.Constant(Convert.ToInt32(operand, System.Globalization.CultureInfo.InvariantCulture));
        return op switch
        {
            TestOperator.Less => Expression.LessThan(left, right),
            TestOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
            TestOperator.Greater => Expression.GreaterThan(left, right),
            TestOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
            _ => throw new UnreachableException($"operator {op} does not order values"),
        };
    }

    /// <summary>The field's value, and a presence test when the value can be missing, as the field table reaches them.</summary>
    private (Expression? Present, Expression Value) Access(Field field, ParameterExpression? offense)
    {
        var info = FieldCatalog.Get(field);
        return info.Access(info.Scope == FieldScope.Offense ? offense! : scenario);
    }
}
