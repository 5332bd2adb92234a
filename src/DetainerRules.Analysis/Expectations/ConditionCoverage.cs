using System.Diagnostics;
using DetainerRules.Engine;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Analysis.Expectations;

/// <summary>For one condition of one rule: whether some test showed that it matters, with it true and with it false.</summary>
/// <remarks>
/// A condition (a field test, a decision test, or a whole <c>any/no/every</c> test) is shown to
/// matter in a test when flipping its value, everything else held, flips the rule's whole
/// condition: the "unique cause" idea of MC/DC, found by re-evaluating rather than by pairing tests.
/// It is covered when that has happened once with it true and once with it false.
/// </remarks>
public sealed record ConditionCoverage(string Policy, string Rule, string Condition, bool ShownTrue, bool ShownFalse)
{
    public bool Covered => ShownTrue && ShownFalse;

    /// <summary>Coverage of every condition of every rule of the policies the verdicts involve, in policy, rule and condition order.</summary>
    public static IReadOnlyList<ConditionCoverage> Of(IEnumerable<Verdict> verdicts, ConditionTracer tracer)
    {
        var shown = new Dictionary<(string Policy, PolicyRule Rule, Condition Atom), (bool True, bool False)>();
        var order = new List<(string Policy, PolicyRule Rule, Condition Atom)>();
        void Visit(Verdict verdict)
        {
            var own = verdict.Own;
            var decisions = new Modality[Enum.GetValues<DecisionKind>().Length];
            foreach (var d in own.Decisions)
            {
                decisions[(int)d.Kind] = d.Value;
            }

            foreach (var rule in own.Policy.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                var values = new Dictionary<Condition, bool>(ReferenceEqualityComparer.Instance);
                bool Holds(Condition atom)
                {
                    if (!values.TryGetValue(atom, out var v))
                    {
                        v = tracer.Holds(atom, own.Scenario, decisions, null);
                        values[atom] = v;
                    }

                    return v;
                }

                var whole = Evaluate(rule.When, Holds, null, false);
                foreach (var atom in Atoms(rule.When))
                {
                    var key = (own.Policy.Id, rule, atom);
                    if (!shown.TryGetValue(key, out var seen))
                    {
                        order.Add(key);
                        seen = (false, false);
                    }

                    var value = Holds(atom);
                    if (Evaluate(rule.When, Holds, atom, !value) != whole)
                    {
                        seen = value ? (true, seen.False) : (seen.True, true);
                    }

                    shown[key] = seen;
                }
            }

            foreach (var authority in verdict.AuthorityVerdicts)
            {
                Visit(authority);
            }
        }

        foreach (var verdict in verdicts)
        {
            Visit(verdict);
        }

        return [.. order
            .DistinctBy(k => (k.Policy, k.Rule.Id, ConditionPrinter.Print(k.Atom)))
            .OrderBy(k => k.Policy, StringComparer.Ordinal)
            .ThenBy(k => k.Rule.Id, StringComparer.Ordinal)
            .Select(k => new ConditionCoverage(k.Policy, k.Rule.Id, ConditionPrinter.Print(k.Atom), shown[k].True, shown[k].False))];
    }

    /// <summary>The conditions a rule's condition combines with and, or and not, named conditions opened up.</summary>
    private static IEnumerable<Condition> Atoms(Condition condition) => condition switch
    {
        AllOf all => all.Parts.SelectMany(Atoms),
        AnyOf any => any.Parts.SelectMany(Atoms),
        Negation not => Atoms(not.Inner),
        NamedConditionUse use => Atoms(use.Body),
        FieldTest or DecisionTest or Quantified or WithinYears or Constant => [condition],
        _ => throw new UnreachableException($"no atoms for a {condition.GetType().Name}"),
    };

    private static bool Evaluate(Condition condition, Func<Condition, bool> holds, Condition? forced, bool forcedValue) => condition switch
    {
        _ when ReferenceEquals(condition, forced) => forcedValue,
        AllOf all => all.Parts.All(p => Evaluate(p, holds, forced, forcedValue)),
        AnyOf any => any.Parts.Any(p => Evaluate(p, holds, forced, forcedValue)),
        Negation not => !Evaluate(not.Inner, holds, forced, forcedValue),
        NamedConditionUse use => Evaluate(use.Body, holds, forced, forcedValue),
        FieldTest or DecisionTest or Quantified or WithinYears or Constant => holds(condition),
        _ => throw new UnreachableException($"no way to evaluate a {condition.GetType().Name}"),
    };
}
