using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>Why a policy answered a decision as it did, as HTML: what <see cref="TextReport"/> writes for it with <c>--explain</c>, laid out for reading.</summary>
/// <remarks>
/// The rules that decided (or conflicted), each with its <c>because</c> and its condition traced on
/// the booking; the default when no rule spoke; the rules that fired and lost; the layer whose
/// answer prevails; then the sources, each quoted as on the policy page. Only what the verdict and
/// its explanation hold is shown: nothing is decided here.
/// </remarks>
internal static class Explanation
{
    public static void Write(TextWriter w, Verdict verdict, Decision decision, DecisionExplanation? explanation)
    {
        var policy = verdict.Policy;
        w.Write($"<div class=\"why\"><p>{HtmlText.Encode(Phrases.Sentence(decision, verdict.HoldUntil))}.</p>");
        if (decision.IsConflict)
        {
            var onLimit = decision.Conflict.Select(c => c.Effect.Value).Distinct().Count() == 1;
            w.Write($"<p class=\"conflict\">Conflict: rules of equal priority disagree{(onLimit ? " on the hold limit" : string.Empty)}, so the policy gives no answer.</p><ul class=\"rules\">");
            foreach (var claim in decision.Conflict)
            {
                WriteRule(w, claim, $"says {Claimed(claim.Effect)}", explanation?.Conflict.FirstOrDefault(t => t.Rule == claim.Rule));
            }

            w.Write("</ul>");
        }
        else if (decision.Default is { } fallback)
        {
            w.Write($"<p>No rule applies; the policy's default: {HtmlText.Encode(fallback.Because)}</p>");
        }
        else
        {
            w.Write("<ul class=\"rules\">");
            foreach (var claim in decision.Deciding)
            {
                var amendment = policy.AmendmentFor(claim.Rule) is { } a ? $"<br><span class=\"muted\">The rule comes from {HtmlText.Encode(claim.Rule.Origin ?? string.Empty)}: {HtmlText.Encode(a)}</span>" : string.Empty;
                WriteRule(w, claim, "decides", explanation?.Deciding.FirstOrDefault(t => t.Rule == claim.Rule), amendment);
            }

            w.Write("</ul>");
        }

        if (decision.Overridden.Count > 0)
        {
            var winners = string.Join(", ", decision.Deciding.Concat(decision.Conflict).Select(a => $"{a.Rule.Id} (priority {a.Rule.Priority})"));
            w.Write($"<p>Overridden, by {HtmlText.Encode(winners)}:</p><ul class=\"rules overridden\">");
            foreach (var lost in decision.Overridden)
            {
                WriteRule(w, lost, $"said {Claimed(lost.Effect)}", explanation?.Overridden.FirstOrDefault(t => t.Rule == lost.Rule));
            }

            w.Write("</ul>");
        }

        if (verdict.Layers.TryGetValue(decision.Kind, out var layer) && layer != policy.Id)
        {
            w.Write($"<p>This answer is {PageLayout.PolicyLink(layer)}'s, which prevails over {PageLayout.PolicyLink(policy.Id)}.</p>");
        }

        foreach (var d in verdict.Disagreements.Where(d => d.Decision == decision.Kind))
        {
            w.Write($"<p>Layers disagree: {HtmlText.Encode(d.Policy)} says {Vocabulary.Word(d.PolicyValue)}, {HtmlText.Encode(d.Authority)} says {Vocabulary.Word(d.AuthorityValue)}; in force: {Vocabulary.Word(d.Effective)}.</p>");
        }

        if (decision.Cites.Count > 0)
        {
            w.Write("<h4>Sources</h4>");
            PolicyPage.WriteCites(w, decision.Cites);
        }

        w.Write("</div>");
    }

    private static void WriteRule(TextWriter w, Assertion claim, string verb, RuleTrace? trace, string extra = "")
    {
        var rule = claim.Rule;
        w.Write($"<li>Rule <code>{HtmlText.Encode(rule.Id)}</code> <span class=\"muted\">(priority {rule.Priority})</span> {HtmlText.Encode(verb)}: {HtmlText.Encode(rule.Because)}{extra}");
        if (trace is not null)
        {
            w.Write($"<p class=\"when\">when <span class=\"muted\">({HtmlText.Encode(trace.Policy)})</span>: <code>{HtmlText.Encode(rule.WhenText.Trim())}</code></p>");
            w.Write("<ul class=\"trace\">");
            WriteNode(w, trace.When);
            w.Write("</ul>");
        }

        w.Write("</li>");
    }

    /// <summary>A traced condition, a part an item, nested as the condition is.</summary>
    private static void WriteNode(TextWriter w, TraceNode node)
    {
        var held = node.Holds ? "holds" : "fails";
        var values = node.Values is null ? string.Empty : $" <span class=\"values\">[{HtmlText.Encode(node.Values)}]</span>";
        w.Write($"<li class=\"{held}\"><span class=\"held\">{held}</span> <code>{HtmlText.Encode(node.Condition)}</code>{values}");
        if (node.Parts.Count > 0)
        {
            w.Write("<ul>");
            foreach (var part in node.Parts)
            {
                WriteNode(w, part);
            }

            w.Write("</ul>");
        }

        w.Write("</li>");
    }

    /// <summary>What a rule claims: the value, and the hold limit by name and in words when it sets one.</summary>
    private static string Claimed(DecisionEffect effect) =>
        Vocabulary.Word(effect.Value) + (effect.Limit is { } limit ? $" with limit {limit.Name} ({limit.Text})" : string.Empty);
}
