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
    private const int Unknown = -1;

    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    private readonly Dictionary<PolicyRule, int> _ruleLevels;

    /// <summary>Each decision's layer, indexed by the decision.</summary>
    private readonly int[] _decisionLevels;

    private RuleStrata(Dictionary<PolicyRule, int> ruleLevels, int[] decisionLevels, IReadOnlyList<string> cycle)
    {
        _ruleLevels = ruleLevels;
        _decisionLevels = decisionLevels;
        Cycle = cycle;
    }

    /// <summary>Rule ids and decisions forming a cycle (a rule that, through others, reads what it sets); empty when there is none.</summary>
    public IReadOnlyList<string> Cycle { get; }

    /// <summary>The decisions a rule's condition reads, each once, in the order of the decisions.</summary>
    /// <remarks>An array, not a read-only list: an array of an enum walked through the list's interface runs framework code compiled at start.</remarks>
    public static DecisionKind[] Reads(PolicyRule rule)
    {
        var read = new IndexSet(Kinds.Length);
        foreach (var test in ReadTests(rule))
        {
            read.Add((int)test.Decision);
        }

        return read.InNumberOrder(Kinds);
    }

    /// <summary>The rules that set any of <paramref name="decisions"/> and, transitively, those that set what they read; and every decision involved.</summary>
    /// <remarks>
    /// Nothing outside this cone can change those decisions: it is all a one-decision evaluation needs. Rules are told
    /// apart by reference, not by the record's value (which would hash each rule's whole condition tree).
    /// </remarks>
    public static DecisionCone Cone(IReadOnlyList<PolicyRule> rules, DecisionKind[] decisions)
    {
        // Each decision, once involved, brings in its writers; each writer, the decisions it reads. The decisions in the
        // order they were added are the queue: each is added, and so walked, at most once.
        var involves = new IndexSet(Kinds.Length);
        foreach (var decision in decisions)
        {
            involves.Add((int)decision);
        }

        var cone = new HashSet<PolicyRule>(ReferenceEqualityComparer.Instance);
        for (var next = 0; next < involves.Count; next++)
        {
            var decision = Kinds[involves.AddedAt(next)];
            foreach (var rule in rules)
            {
                if (rule.Then.Any(e => e.Decision == decision) && cone.Add(rule))
                {
                    foreach (var test in ReadTests(rule))
                    {
                        involves.Add((int)test.Decision);
                    }
                }
            }
        }

        return new DecisionCone([.. cone.OrderBy(r => r.Id, StringComparer.Ordinal)], involves, involves.InNumberOrder(Kinds));
    }

    /// <remarks>
    /// Decisions are counted in arrays indexed by the decision and marked in an <see cref="IndexSet"/>, and a rule's reads
    /// walked as its condition's tests, not gathered into framework sets keyed by the enum: every framework collection or
    /// query over an enum is compiled when the program first runs it (no ahead-of-time image can hold it), and this runs
    /// for every policy a command loads.
    /// </remarks>
    public static RuleStrata Compute(IReadOnlyList<PolicyRule> rules)
    {
        var writers = new List<PolicyRule>[Kinds.Length];
        foreach (var kind in Kinds)
        {
            writers[(int)kind] = [.. rules.Where(r => r.Then.Any(e => e.Decision == kind))];
        }

        // By reference: a rule's record equality would hash its whole condition tree for every lookup.
        var ruleLevels = new Dictionary<PolicyRule, int>(ReferenceEqualityComparer.Instance);
        var decisionLevels = new int[Kinds.Length];
        for (var i = 0; i < decisionLevels.Length; i++)
        {
            decisionLevels[i] = Unknown;
        }
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
            var level = 0;
            var met = new IndexSet(Kinds.Length);
            foreach (var read in ReadTests(rule))
            {
                if (met.Add((int)read.Decision))
                {
                    level = Math.Max(level, DecisionLevel(read.Decision) + 1);
                }
            }

            path.RemoveAt(path.Count - 1);
            ruleLevels[rule] = level;
            return level;
        }

        int DecisionLevel(DecisionKind decision)
        {
            if (decisionLevels[(int)decision] is var known and not Unknown)
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
            var level = 0;
            foreach (var writer in writers[(int)decision])
            {
                level = Math.Max(level, RuleLevel(writer) + 1);
            }

            path.RemoveAt(path.Count - 1);
            decisionLevels[(int)decision] = level;
            return level;
        }

        foreach (var rule in rules)
        {
            RuleLevel(rule);
        }

        foreach (var decision in Kinds)
        {
            DecisionLevel(decision);
        }

        return new RuleStrata(ruleLevels, decisionLevels, cycle);
    }

    /// <summary>The tests of decisions in a rule's condition, in the order they are written (a decision tested twice comes twice).</summary>
    private static IEnumerable<DecisionTest> ReadTests(PolicyRule rule) => rule.When.DescendantsAndSelf().OfType<DecisionTest>();

    public int LevelOf(PolicyRule rule) => _ruleLevels[rule];

    /// <summary>The layer at which a decision is settled: after all its writers, before all its readers.</summary>
    public int LevelOf(DecisionKind decision) => _decisionLevels[(int)decision];
}
