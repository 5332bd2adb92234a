using DetainerRules.Language;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>Turns a merged draft into a policy: reads its defaults and rules, binds every condition against the merged definitions, and checks the rules for cycles.</summary>
internal static class PolicyBinder
{
    private static readonly IReadOnlyList<string> RuleKeys = PolicyFormat.Rule.Keys;

    /// <returns>Null when a problem (reported to <paramref name="r"/>) leaves the policy incomplete.</returns>
    public static Policy? Bind(FieldReader r, PolicyDraft draft)
    {
        if (draft.Rules.Count > InputLimits.MaxRules)
        {
            r.Report(draft.Span, "rules", $"the policy has {draft.Rules.Count} rules; the limit is {InputLimits.MaxRules}", DiagnosticCodes.Completeness);
            return null;
        }

        var parts = new PartReader(r, draft.Sources, draft.Limits);
        var binder = new ConditionBinder(draft.OffenseLists, draft.Conditions, r.Diagnostics, draft.Time);
        binder.BindAllNamed();
        var defaults = new DecisionDictionary<DefaultDecision>(kind => draft.Defaults[(int)kind] is { } node ? parts.ReadDefault(kind, node) : null);

        // Every rule is read, a rejected one too (for what it reports); a loop, not a query over (rule, rejected) tuples,
        // which the framework would compile at every cold start.
        var rules = new List<PolicyRule>();
        foreach (var rule in draft.Rules)
        {
            if (ReadRule(parts, binder, rule) is { } read && !rule.Rejected)
            {
                rules.Add(read);
            }
        }

        binder.CheckUnusedNamed();
        CheckCycles(r, rules);
        if (draft.Id is null || draft.Title is null || draft.Jurisdiction is null || defaults.Count != draft.Defaults.Length)
        {
            return null;
        }

        return new Policy(draft.Id, draft.Title, draft.Jurisdiction, draft.EffectiveFrom, draft.EffectiveUntil, draft.Summary, [.. draft.Sources.Values], defaults, rules, draft.OpenQuestions, draft.Span)
        {
            Family = draft.Family,
            Time = draft.Time,
            State = draft.State,
            BoundBy = draft.BoundBy,
            BoundBySpans = draft.BoundBySpans,
            Files = draft.Files,
            Lineage = draft.Lineage,
            Amendments = draft.Amendments,
            NamedConditions = Texts(draft.Conditions),
            OffenseLists = draft.OffenseLists,
            Limits = draft.Limits,
            Origins = draft.Origins,
            Removals = draft.Removals,
        };
    }

    /// <summary>Each named condition's text, by name.</summary>
    /// <remarks>A loop, not <c>ToDictionary</c>: the query over the table's key-value pairs was compiled at every start.</remarks>
    private static Dictionary<string, string> Texts(Dictionary<string, ConditionText> conditions)
    {
        var texts = new Dictionary<string, string>(conditions.Count, StringComparer.Ordinal);
        foreach (var (name, condition) in conditions)
        {
            texts[name] = condition.Text;
        }

        return texts;
    }

    private static PolicyRule? ReadRule(PartReader parts, ConditionBinder binder, DraftRule draft)
    {
        var r = parts.Reader;
        var m = r.Mapping(draft.Node, RuleKeys)!;
        var whenScalar = r.Scalar(r.Required(m, "when"), "a condition");
        var when = whenScalar is null ? null : binder.Bind(new ConditionText(whenScalar.Value, whenScalar.Path, ScalarPositions.For(whenScalar, draft.Text, draft.Locate)));
        var then = parts.ReadEffects(r.Required(m, "then"));
        var priority = m["priority"] is { } p ? r.Integer(p, -1_000_000, 1_000_000) : 0;
        var because = r.Text(r.Required(m, "because"));
        var cites = parts.ReadCites(r.Required(m, "cite"));
        return when is not null && then is not null && priority is not null && because is not null && cites is not null
            ? new PolicyRule(draft.Id, when, whenScalar!.Value, then, priority.Value, because, cites, m.Node.Span) { Origin = draft.Origin }
            : null;
    }

    private static void CheckCycles(FieldReader r, List<PolicyRule> rules)
    {
        var strata = RuleStrata.Compute(rules);
        if (strata.Cycle.Count > 0)
        {
            var first = rules.First(rule => strata.Cycle.Contains("rule " + rule.Id));
            r.Report(first.Span, "rules", $"rules read and set decisions in a cycle: {string.Join(" -> ", strata.Cycle)}", DiagnosticCodes.PolicyCycle);
        }
    }
}
