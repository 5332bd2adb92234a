using System.Collections.Concurrent;
using System.Diagnostics;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Engine;

/// <summary>Evaluates a condition part by part on one scenario, for explanations: which parts held, on which values.</summary>
/// <remarks>
/// Each part is compiled with the translation the rule network uses (<see cref="ConditionDelegates"/>),
/// once per tracer, so a trace cannot disagree with the network's answer.
/// <threadsafety instance="true"/>
/// </remarks>
public sealed class ConditionTracer
{
    private readonly ConcurrentDictionary<Condition, Func<Scenario, Modality[], bool>> _scenarioParts = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Condition, Func<Scenario, Modality[], Charge, bool>> _chargeParts = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Condition, Func<Scenario, Modality[], Conviction, bool>> _convictionParts = new(ReferenceEqualityComparer.Instance);

    /// <param name="decisions">The decisions the condition may read, indexed by <see cref="DecisionKind"/>.</param>
    public TraceNode Trace(Condition condition, Scenario scenario, Modality[] decisions) => Trace(condition, scenario, decisions, null);

    /// <summary>Whether one part holds, at scenario level or for one offense.</summary>
    public bool Holds(Condition part, Scenario scenario, Modality[] decisions, IOffense? offense) => offense switch
    {
        Charge c => _chargeParts.GetOrAdd(part, ConditionDelegates.CompileForCharge)(scenario, decisions, c),
        Conviction c => _convictionParts.GetOrAdd(part, ConditionDelegates.CompileForConviction)(scenario, decisions, c),
        null => _scenarioParts.GetOrAdd(part, ConditionDelegates.Compile)(scenario, decisions),
        _ => throw new UnreachableException($"an offense of type {offense.GetType().Name}"),
    };

    private TraceNode Trace(Condition condition, Scenario scenario, Modality[] decisions, IOffense? offense)
    {
        var text = ConditionPrinter.Print(condition);
        var holds = Holds(condition, scenario, decisions, offense);
        switch (condition)
        {
            case AllOf all:
                return new TraceNode(text, holds, null, [.. all.Parts.Select(p => Trace(p, scenario, decisions, offense))]);
            case AnyOf any:
                return new TraceNode(text, holds, null, [.. any.Parts.Select(p => Trace(p, scenario, decisions, offense))]);
            case Negation not:
                return new TraceNode(text, holds, null, [Trace(not.Inner, scenario, decisions, offense)]);
            case NamedConditionUse use:
                return new TraceNode(text, holds, null, [Trace(use.Body, scenario, decisions, offense)]);
            case Quantified q:
                IEnumerable<IOffense> elements = q.List == OffenseList.Charges ? scenario.Charges : scenario.Convictions;
                var parts = elements.Select((e, i) => Trace(q.Inner, scenario, decisions, e) with { Condition = Element(q.List, i, e) }).ToList();
                return new TraceNode(text, holds, parts.Count == 0 ? $"no {(q.List == OffenseList.Charges ? "charges" : "convictions")}" : null, parts);
            case FieldTest test:
                return new TraceNode(text, holds, FieldValue.Describe(test.Field, scenario, offense), []);
            case DecisionTest test:
                return new TraceNode(text, holds, $"decision.{Model.Vocabulary.Word(test.Decision)} is {Model.Vocabulary.Word(decisions[(int)test.Decision])}", []);
            case WithinYears within:
                var c = (Conviction)offense!;
                var released = c.ReleasedOn is { } r ? $", released {r:yyyy-MM-dd}" : string.Empty;
                return new TraceNode(text, holds, $"convicted {c.ConvictedOn:yyyy-MM-dd}{released}; booked {within.Time.DayOf(scenario.BookedAt):yyyy-MM-dd}", []);
            case Constant:
                return new TraceNode(text, holds, null, []);
            default:
                throw new UnreachableException($"no way to trace a {condition.GetType().Name}");
        }
    }

    private static string Element(OffenseList list, int index, object offense) => offense switch
    {
        Charge c => $"charge {index + 1}: {c.Offense} ({Model.Vocabulary.Word(c.Level)}, {Model.Vocabulary.Word(c.Category)})",
        Conviction c => $"conviction {index + 1}: {c.Offense} ({Model.Vocabulary.Word(c.Level)}, {Model.Vocabulary.Word(c.Category)}, {c.ConvictedOn:yyyy-MM-dd})",
        _ => throw new UnreachableException($"element {index + 1} of the {list} is a {offense.GetType().Name}"),
    };
}
