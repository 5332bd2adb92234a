using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary><c>GET /</c>: every policy by jurisdiction (state, then family), each family's versions on a timeline, each version's rules and answering defaults by verification level.</summary>
public static class CatalogPage
{
    /// <summary>The heading for policies whose file names no <c>state</c>.</summary>
    public const string NoState = "State not given";

    private static readonly Verification[] Levels = Enum.GetValues<Verification>();

    public static IResult Render(IReadOnlyList<Policy> policies, IReadOnlyList<Diagnostic> problems) => PageLayout.Page("Policy catalog", w =>
    {
        var timeline = new Timeline(policies);
        var states = policies.GroupBy(p => p.State ?? string.Empty)
            .Select(g => (Code: g.Key, Name: StateName(g.Key), Policies: g.ToList()))
            .OrderBy(s => s.Code == UsJurisdictions.Federal ? 0 : s.Code.Length == 0 ? 2 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        w.WriteLine("<h1>Policy catalog</h1>");
        w.WriteLine($"<p>{policies.Count} {(policies.Count == 1 ? "policy" : "policies")} in {states.Count} {(states.Count == 1 ? "jurisdiction" : "jurisdictions")}, grouped by state, each family's versions oldest first. "
            + $"A version with no end date is marked {Timeline.CurrentMark}. The counts are of rules, and of defaults that give an answer (not <em>unknown</em>) whatever the facts, at each verification level: each stands at the level of the weakest source it rests on.</p>");
        w.WriteLine("<nav class=\"states\" aria-label=\"Jurisdictions\">");
        foreach (var state in states)
        {
            w.WriteLine($"<a href=\"#{Anchor(state.Code)}\">{HtmlText.Encode(state.Name)}</a>");
        }

        w.WriteLine("</nav>");
        foreach (var state in states)
        {
            WriteState(w, state.Code, state.Name, state.Policies, policies, timeline);
        }

        if (problems.Count > 0)
        {
            w.WriteLine("<h2 id=\"problems\">Files that did not load</h2><ul>");
            foreach (var problem in problems)
            {
                w.WriteLine($"<li><code>{HtmlText.Encode(problem.ToString())}</code></li>");
            }

            w.WriteLine("</ul>");
        }
    });

    private static void WriteState(TextWriter w, string code, string name, List<Policy> inState, IReadOnlyList<Policy> all, Timeline timeline)
    {
        w.WriteLine($"<section id=\"{Anchor(code)}\"><h2>{HtmlText.Encode(name)}{(code.Length > 0 && code != name ? $" <small class=\"muted\">{HtmlText.Encode(code)}</small>" : string.Empty)}</h2>");
        w.WriteLine("<div class=\"scroll\"><table class=\"catalog\"><thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">In force</th><th scope=\"col\" class=\"timeline\">Timeline</th>");
        foreach (var level in Levels)
        {
            w.Write($"<th scope=\"col\">{PageLayout.Level(level)}</th>");
        }

        w.WriteLine("</tr></thead>");

        // A family is listed where its versions are; each version once, even if a family spans states.
        var groups = inState.GroupBy(p => p.Family ?? p.Id).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var versions = PolicyCatalogJson.VersionsOf(group.First(), all).Where(group.Contains).ToList();
            w.WriteLine("<tbody>");
            if (group.First().Family is { } family)
            {
                w.WriteLine($"<tr class=\"family\"><th scope=\"rowgroup\" colspan=\"{3 + Levels.Length}\">Family <code>{HtmlText.Encode(family)}</code>: {versions.Count} {(versions.Count == 1 ? "version" : "versions")}</th></tr>");
            }

            foreach (var p in versions)
            {
                w.Write($"<tr class=\"version\"><td>{PageLayout.PolicyLink(p.Id)}<br>{HtmlText.Encode(p.Title.Trim())}<br><span class=\"muted where\">{HtmlText.Encode(p.Jurisdiction)}</span></td>");
                w.Write($"<td>{PageLayout.Dates(p)}{(Timeline.IsOpenEnded(p) ? " " + Timeline.CurrentMark : string.Empty)}</td>");
                w.Write($"<td class=\"timeline\">{timeline.Bar(p)}</td>");
                foreach (var (level, answers) in PolicyText.AnswersByLevel(p))
                {
                    w.Write($"<td class=\"count {Vocabulary.Word(level)}{(answers == 0 ? " zero" : string.Empty)}\">{answers}</td>");
                }

                w.WriteLine("</tr>");
            }

            w.WriteLine("</tbody>");
        }

        w.WriteLine("</table></div></section>");
    }

    /// <summary>The state's name, from its postal code; the code itself when unknown (a file's <c>state</c> is checked against the list, but shown encoded all the same).</summary>
    public static string StateName(string code) =>
        code.Length == 0 ? NoState
        : UsJurisdictions.Names.TryGetValue(code, out var name) ? name : code;

    private static string Anchor(string code) => code.Length == 0 ? "state-none" : "state-" + HtmlText.Encode(code);
}
