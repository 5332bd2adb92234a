using System.Text.RegularExpressions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Analysis.Checks;

/// <summary>Inherited rules whose <c>because</c> still names an entry a later variant took out of a list.</summary>
/// <remarks>
/// A variant that drops burglary from the notice list changes what its base's rules do, but not
/// what they say: the explanation would still tell a reader burglary is why ICE was notified.
/// An entry is named as written (<c>assault_on_officer</c>) or in words (<c>assault on an
/// officer</c>, <c>burglaries</c>).
/// </remarks>
public static class StaleReasons
{
    public static IReadOnlyList<Diagnostic> Check(Policy policy)
    {
        var findings = new List<Diagnostic>();
        foreach (var removal in policy.Removals)
        {
            var by = IndexIn(policy, removal.By);
            var named = Naming(removal.Entry);
            foreach (var rule in policy.Rules.Where(r => IndexIn(policy, r.Origin ?? policy.Id) < by && named.IsMatch(r.Because)))
            {
                var list = removal.Part.Split(':', 2)[1];
                findings.Add(Diagnostic.Warning(removal.Span, DiagnosticCodes.StaleReason, "because",
                    $"`{removal.By}` takes `{removal.Entry}` out of `{list}`, but rule `{rule.Id}` (from `{rule.Origin ?? policy.Id}`) still gives it as a reason: \"{rule.Because.Trim()}\"; restate the rule under `replace_rules` with a reason that fits"));
            }
        }

        return findings;
    }

    private static int IndexIn(Policy policy, string id) => policy.Lineage.ToList().IndexOf(id) is >= 0 and var i ? i : policy.Lineage.Count;

    /// <summary>The entry's words, with "a", "an" or "the" allowed between them and a plural ending.</summary>
    private static Regex Naming(string entry)
    {
        var words = entry.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape).ToList();
        var last = words[^1];
        words[^1] = last.EndsWith('y') ? $"(?:{last}|{last[..^1]}ies)" : $"{last}(?:s|es)?";
        return new Regex(@"\b" + string.Join(@"[\s_-]+(?:(?:a|an|the)\s+)?", words) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
