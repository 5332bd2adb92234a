using System.Linq.Expressions;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>Compiles conditions to plain delegates, with the same translation the rule network uses.</summary>
/// <remarks>
/// Analysis asks the same condition of thousands of probe scenarios; a delegate answers without a
/// rule session. Decisions a condition reads come in an array indexed by <see cref="DecisionKind"/>.
/// Sharing <see cref="ConditionExpressions"/> with the network means both can only mean the same thing.
/// </remarks>
public static class ConditionDelegates
{
    /// <summary>A condition over a whole scenario.</summary>
    public static Func<Scenario, Modality[], bool> Compile(Condition condition)
    {
        var (scenario, decisions, expressions) = Parameters();
        return FastCompiler.Compile(Expression.Lambda<Func<Scenario, Modality[], bool>>(expressions.Build(condition), scenario, decisions));
    }

    /// <summary>The condition inside <c>charge(...)</c>, over one charge of a scenario.</summary>
    public static Func<Scenario, Modality[], Charge, bool> CompileForCharge(Condition inner) => CompileInner<Charge>(inner, "charge");

    /// <summary>The condition inside <c>conviction(...)</c>, over one conviction of a scenario.</summary>
    public static Func<Scenario, Modality[], Conviction, bool> CompileForConviction(Condition inner) => CompileInner<Conviction>(inner, "conviction");

    private static Func<Scenario, Modality[], T, bool> CompileInner<T>(Condition inner, string name)
    {
        var (scenario, decisions, expressions) = Parameters();
        var offense = Expression.Parameter(typeof(T), name);
        return FastCompiler.Compile(Expression.Lambda<Func<Scenario, Modality[], T, bool>>(expressions.BuildInner(inner, offense), scenario, decisions, offense));
    }

    private static (ParameterExpression Scenario, ParameterExpression Decisions, ConditionExpressions Expressions) Parameters()
    {
        var scenario = Expression.Parameter(typeof(Scenario), "scenario");
        var decisions = Expression.Parameter(typeof(Modality[]), "decisions");
        var expressions = new ConditionExpressions(scenario, kind => Expression.ArrayIndex(decisions, Expression.Constant((int)kind))) { QuantifiersAsLoops = true };
        return (scenario, decisions, expressions);
    }
}
