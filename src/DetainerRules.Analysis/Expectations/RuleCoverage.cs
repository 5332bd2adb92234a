using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Expectations;

/// <summary>For one policy: which of its rules some test made fire, and which none did.</summary>
public sealed record RuleCoverage(string Policy, IReadOnlyList<string> Fired, IReadOnlyList<string> NeverFired)
{
    /// <summary>Coverage of every policy the verdicts involve, authorities included, in policy-id order.</summary>
    public static IReadOnlyList<RuleCoverage> Of(IEnumerable<Verdict> verdicts)
    {
        var policies = new Dictionary<string, (Model.Policies.Policy Policy, HashSet<string> Fired)>(StringComparer.Ordinal);
        void Add(Verdict verdict)
        {
            if (!policies.TryGetValue(verdict.Policy.Id, out var entry))
            {
                entry = (verdict.Policy, new HashSet<string>(StringComparer.Ordinal));
                policies[verdict.Policy.Id] = entry;
            }

            entry.Fired.UnionWith(verdict.Fired.Select(r => r.Id));
            foreach (var authority in verdict.AuthorityVerdicts)
            {
                Add(authority);
            }
        }

        foreach (var verdict in verdicts)
        {
            Add(verdict);
        }

        return [.. policies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var ids = p.Value.Policy.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            return new RuleCoverage(p.Key, [.. ids.Where(p.Value.Fired.Contains)], [.. ids.Where(id => !p.Value.Fired.Contains(id))]);
        })];
    }
}
