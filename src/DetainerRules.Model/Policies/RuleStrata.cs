using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Model.Policies;

/// <summary>Orders rules into layers so that a rule reading a decision runs after every rule that can set it.</summary>
/// <remarks>
/// Firing order inside a layer cannot matter, because no rule in a layer reads what another in it
/// sets. This is what makes a policy's answers independent of the order of its rules.
/// </remarks>
public sealed class RuleStrata
{
    private readonly Dictionary<PolicyRule, int> _ruleLevels;
    private readonly Dictionary<DecisionKind, int> _decisionLevels;

    private RuleStrata(Dictionary<PolicyRule, int> ruleLevels, Dictionary<DecisionKind, int> decisionLevels, IReadOnlyList<string> cycle)
    {
        _ruleLevels = ruleLevels;
        _decisionLevels = decisionLevels;
        Cycle = cycle;
    }

    /// <summary>Rule ids and decisions forming a cycle (a rule that, through others, reads what it sets); empty when there is none.</summary>
    public IReadOnlyList<string> Cycle { get; }

    /// <summary>The decisions a rule's condition reads.</summary>
    public static IReadOnlySet<DecisionKind> Reads(PolicyRule rule) =>
        rule.When.DescendantsAndSelf().OfType<DecisionTest>().Select(t => t.Decision).ToHashSet();

    /// <summary>The rules that set any of <paramref name="decisions"/> and, transitively, those that set what they read; and every decision involved.</summary>
    /// <remarks>Nothing outside this cone can change those decisions: it is all a one-decision evaluation needs.</remarks>
    public static (IReadOnlyList<PolicyRule> Rules, IReadOnlySet<DecisionKind> Decisions) Cone(IReadOnlyList<PolicyRule> rules, IEnumerable<DecisionKind> decisions)
    {
        var pending = new Queue<DecisionKind>(decisions);
        var seen = new HashSet<DecisionKind>(pending);
        var cone = new HashSet<PolicyRule>();
        while (pending.TryDequeue(out var decision))
        {
            foreach (var rule in rules.Where(r => r.Then.Any(e => e.Decision == decision) && cone.Add(r)))
            {
                foreach (var read in Reads(rule).Where(seen.Add))
                {
                    pending.Enqueue(read);
                }
            }
        }

        return ([.. cone.OrderBy(r => r.Id, StringComparer.Ordinal)], seen);
    }

    public static RuleStrata Compute(IReadOnlyList<PolicyRule> rules)
    {
        var writers = Enum.GetValues<DecisionKind>().ToDictionary(k => k, k => rules.Where(r => r.Then.Any(e => e.Decision == k)).ToList());
        var ruleLevels = new Dictionary<PolicyRule, int>();
        var decisionLevels = new Dictionary<DecisionKind, int>();
        var path = new List<string>();
        IReadOnlyList<string> cycle = [];

        int RuleLevel(PolicyRule rule)
        {
            if (ruleLevels.TryGetValue(rule, out var known))
            {
                return known;
            }

            if (path.Contains("rule " + rule.Id))
            {
                cycle = [.. path.SkipWhile(p => p != "rule " + rule.Id), "rule " + rule.Id];
                return 0;
            }

            path.Add("rule " + rule.Id);
            var level = Reads(rule).Select(d => DecisionLevel(d) + 1).DefaultIfEmpty(0).Max();
            path.RemoveAt(path.Count - 1);
            ruleLevels[rule] = level;
            return level;
        }

        int DecisionLevel(DecisionKind decision)
        {
            if (decisionLevels.TryGetValue(decision, out var known))
            {
                return known;
            }

            var name = "decision " + Vocabulary.Word(decision);
            if (path.Contains(name))
            {
                cycle = [.. path.SkipWhile(p => p != name), name];
                return 0;
            }

            path.Add(name);
            var level = writers[decision].Select(w => RuleLevel(w) + 1).DefaultIfEmpty(0).Max();
            path.RemoveAt(path.Count - 1);
            decisionLevels[decision] = level;
            return level;
        }

        foreach (var rule in rules)
        {
            RuleLevel(rule);
        }

        foreach (var decision in Enum.GetValues<DecisionKind>())
        {
            DecisionLevel(decision);
        }

        return new RuleStrata(ruleLevels, decisionLevels, cycle);
    }

    public int LevelOf(PolicyRule rule) => _ruleLevels[rule];

    /// <summary>The layer at which a decision is settled: after all its writers, before all its readers.</summary>
    public int LevelOf(DecisionKind decision) => _decisionLevels[decision];
}
