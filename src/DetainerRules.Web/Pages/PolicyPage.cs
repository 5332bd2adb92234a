using DetainerRules.Analysis.Expectations;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary><c>GET /policies/{id}</c>: a policy read beside its sources, each rule and default next to the quoted words it encodes, with their link, level and role.</summary>
/// <remarks>The same facts as <c>detainer show</c> (<see cref="PolicyText"/>) and <c>GET /v1/policies/{id}</c>, laid out for reading; every text from the file is encoded, every link checked (<see cref="HtmlText"/>).</remarks>
public static class PolicyPage
{
    /// <param name="versions">The policy's family, oldest first (<see cref="PolicyCatalogJson.VersionsOf"/>).</param>
    /// <param name="cases">Its expectation cases, run under it (<see cref="Api.CatalogSnapshot.CasesOf"/>).</param>
    public static IResult Render(Policy p, IReadOnlyList<Policy> versions, ExpectationCases cases) => PageLayout.Page(p.Title.Trim(), w =>
    {
        w.WriteLine($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Catalog</a> › <a href=\"/#state-{(p.State is { } s ? HtmlText.Encode(s) : "none")}\">{HtmlText.Encode(CatalogPage.StateName(p.State ?? string.Empty))}</a> › <code>{HtmlText.Encode(p.Id)}</code></nav>");
        w.WriteLine($"<h1>{HtmlText.Encode(p.Title.Trim())}</h1>");
        WriteFacts(w, p);
        if (p.Summary is { Length: > 0 } summary)
        {
            w.WriteLine($"<h2>Summary</h2><p class=\"summary\">{HtmlText.Encode(summary.Trim(), keepLineBreaks: true)}</p>");
        }

        WriteVersions(w, p, versions);
        WriteSources(w, p);

        w.WriteLine($"<h2 id=\"rules\">Rules <small class=\"muted\">{p.Rules.Count}</small></h2>");
        w.WriteLine("<p class=\"muted\">Each rule on the left, the provisions it rests on (<em>basis</em>) or is read beside (<em>context</em>) on the right. A rule stands at the level of its weakest basis.</p>");
        foreach (var rule in p.Rules)
        {
            WriteRule(w, p, rule, cases);
        }

        w.WriteLine("<h2 id=\"defaults\">Defaults</h2>");
        w.WriteLine("<p class=\"muted\">What the policy answers for a decision when no rule speaks to it.</p>");
        foreach (var (kind, fallback) in p.Defaults.OrderBy(d => d.Key))
        {
            WriteDefault(w, p, kind, fallback);
        }

        DecisionGraph.Write(w, p);

        if (p.OpenQuestions.Count > 0)
        {
            w.WriteLine("<h2 id=\"open-questions\">Open questions</h2><ul>");
            foreach (var question in p.OpenQuestions)
            {
                w.WriteLine($"<li>{HtmlText.Encode(question)}</li>");
            }

            w.WriteLine("</ul>");
        }

        WriteExpectations(w, p, cases);
    });

    private static void WriteFacts(TextWriter w, Policy p)
    {
        w.WriteLine("<dl class=\"facts\">");
        Fact(w, "Id", $"<code>{HtmlText.Encode(p.Id)}</code>");
        Fact(w, "Jurisdiction", HtmlText.Encode(p.Jurisdiction) + (p.State is { } state ? $" <span class=\"muted\">({HtmlText.Encode(CatalogPage.StateName(state))})</span>" : string.Empty));
        Fact(w, "In force", PageLayout.Dates(p) + (Timeline.IsOpenEnded(p) ? " " + Timeline.CurrentMark : string.Empty));
        Fact(w, "Days judged in", p.Time.Name is { } zone ? $"<code>{HtmlText.Encode(zone)}</code>" : "each time's written offset (no time zone named)");
        Fact(w, "Verified", HtmlText.Encode(PolicyText.Verification(p)));
        if (p.Family is { } family)
        {
            Fact(w, "Family", $"<code>{HtmlText.Encode(family)}</code>");
        }

        if (p.BoundBy.Count > 0)
        {
            Fact(w, "Bound by", string.Join(", ", p.BoundBy.Select(PageLayout.PolicyLink)) + " <span class=\"muted\">(their forbidden and required answers prevail)</span>");
        }

        if (p.Lineage.Count > 1)
        {
            var chain = new StringWriter();
            chain.Write(string.Join(" → ", p.Lineage.Select(PageLayout.PolicyLink)));
            var amended = p.Lineage.Where(p.Amendments.ContainsKey).ToList();
            if (amended.Count > 0)
            {
                chain.Write("<ul>");
                foreach (var id in amended)
                {
                    chain.Write($"<li><code>{HtmlText.Encode(id)}</code>: {HtmlText.Encode(p.Amendments[id])}</li>");
                }

                chain.Write("</ul>");
            }

            Fact(w, "Built from", chain.ToString());
        }

        w.WriteLine("</dl>");
    }

    private static void Fact(TextWriter w, string term, string html) => w.WriteLine($"<dt>{term}</dt><dd>{html}</dd>");

    private static void WriteVersions(TextWriter w, Policy p, IReadOnlyList<Policy> versions)
    {
        if (versions.Count < 2)
        {
            return;
        }

        w.WriteLine($"<h2 id=\"versions\">Versions of <code>{HtmlText.Encode(p.Family ?? p.Id)}</code></h2><ol class=\"timeline\">");
        foreach (var v in versions)
        {
            var self = ReferenceEquals(v, p) || v.Id == p.Id;
            var amends = v.Lineage.Count > 1 && v.Amendments.TryGetValue(v.Id, out var amendment)
                ? $"<br><span class=\"muted\">amends <code>{HtmlText.Encode(v.Lineage[^2])}</code>: {HtmlText.Encode(amendment)}</span>"
                : string.Empty;
            w.WriteLine($"<li{(self ? " class=\"this\" aria-current=\"page\"" : string.Empty)}>{PageLayout.PolicyLink(v.Id)} {PageLayout.Dates(v)}{(Timeline.IsOpenEnded(v) ? " " + Timeline.CurrentMark : string.Empty)}: <span class=\"title\">{HtmlText.Encode(v.Title.Trim())}</span>{(self ? " <span class=\"muted\">(this page)</span>" : string.Empty)}{amends}</li>");
        }

        w.WriteLine("</ol>");
    }

    private static void WriteSources(TextWriter w, Policy p)
    {
        w.WriteLine("<h2 id=\"sources\">Sources</h2><ul>");
        foreach (var source in p.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var citation = source.Citation is { } c && c != source.Title ? $" <span class=\"muted\">({HtmlText.Encode(c)})</span>" : string.Empty;
            w.WriteLine($"<li><code>{HtmlText.Encode(source.Id)}</code>: {HtmlText.Encode(source.Title)}{citation} {Link(source.Url)}</li>");
        }

        w.WriteLine("</ul>");
    }

    private static void WriteRule(TextWriter w, Policy p, PolicyRule rule, ExpectationCases cases)
    {
        var origin = rule.Origin is { } o && o != p.Id ? $", from {PageLayout.PolicyLink(o)}" : string.Empty;
        w.WriteLine($"<article class=\"rule\" id=\"rule-{HtmlText.Encode(rule.Id)}\"><div class=\"encodes\">");
        w.WriteLine($"<h3><code>{HtmlText.Encode(rule.Id)}</code> {PageLayout.Level(rule.Verified)}</h3><span class=\"muted\">priority {rule.Priority}{origin}</span>");
        w.WriteLine("<dl>");
        w.WriteLine($"<dt>when</dt><dd><pre><code>{HtmlText.Encode(rule.WhenText.Trim(), keepLineBreaks: true)}</code></pre></dd>");
        w.WriteLine($"<dt>then</dt><dd><ul>{string.Concat(rule.Then.Select(e => $"<li><code>{HtmlText.Encode(PolicyText.Effect(e))}</code></li>"))}</ul></dd>");
        w.WriteLine($"<dt>because</dt><dd>{HtmlText.Encode(rule.Because)}</dd>");
        if (p.AmendmentFor(rule) is { } amendment && rule.Origin != p.Id)
        {
            w.WriteLine($"<dt>amendment</dt><dd>{HtmlText.Encode(amendment)}</dd>");
        }

        WriteExercised(w, p, rule, cases);
        w.WriteLine("</dl></div>");
        WriteCites(w, rule.Cites);
        w.WriteLine("</article>");
    }

    private static void WriteDefault(TextWriter w, Policy p, DecisionKind kind, DefaultDecision fallback)
    {
        var word = Vocabulary.Word(kind);
        var origin = p.Origins.TryGetValue($"defaults:{word}", out var o) && o != p.Id ? $", from {PageLayout.PolicyLink(o)}" : string.Empty;
        w.WriteLine($"<article class=\"rule default\" id=\"default-{word}\"><div class=\"encodes\">");
        w.WriteLine($"<h3><code>{word}</code> {PageLayout.Level(fallback.Verified)}</h3><span class=\"muted\">default{origin}</span>");
        w.WriteLine($"<dl><dt>then</dt><dd><code>{HtmlText.Encode(PolicyText.Effect(fallback.Effect))}</code></dd>");
        w.WriteLine($"<dt>because</dt><dd>{HtmlText.Encode(fallback.Because)}</dd></dl></div>");
        WriteCites(w, fallback.Cites);
        w.WriteLine("</article>");
    }

    /// <summary>Each citation as a figure: the quoted words, the source and pinpoint, its level, role and link, a judgement's reading; the Evaluate page shows an answer's sources the same way.</summary>
    internal static void WriteCites(TextWriter w, IReadOnlyList<Citation> cites)
    {
        w.WriteLine("<div class=\"provisions\">");
        if (cites.Count == 0)
        {
            w.WriteLine("<p class=\"muted\">No source cited.</p>");
        }

        foreach (var cite in cites)
        {
            var role = Vocabulary.Word(cite.Role);
            w.WriteLine($"<figure class=\"cite {role}\">");
            if (cite.Quote is { } quote)
            {
                w.WriteLine($"<blockquote>{HtmlText.Encode(quote.Trim(), keepLineBreaks: true)}</blockquote>");
            }

            var source = cite.Source.Citation is { } c && c != cite.Source.Title
                ? $"{HtmlText.Encode(cite.Source.Title)} <span class=\"muted\">({HtmlText.Encode(c)})</span>"
                : HtmlText.Encode(cite.Source.Title);
            var at = cite.Pinpoint is { } pinpoint ? $", at {HtmlText.Encode(pinpoint)}" : string.Empty;
            w.Write($"<figcaption>{source}{at} {PageLayout.Level(cite.Verified)} <span class=\"role\">{role}</span> {Link(cite.Link)}");
            if (cite.Note is { } note)
            {
                w.Write($"<br><span class=\"note\">Our reading: {HtmlText.Encode(note)}</span>");
            }

            w.WriteLine("</figcaption></figure>");
        }

        w.WriteLine("</div>");
    }

    /// <summary>A link to read the source; a URL that is not http or https is shown as text, never as a link.</summary>
    private static string Link(string? url) => url is null
        ? string.Empty
        : HtmlText.Href(url) is { } href
            ? $"<a href=\"{href}\" rel=\"noreferrer noopener\">read the source</a>"
            : $"<span class=\"unlinked\">(not linked, not http or https: <code>{HtmlText.Encode(url)}</code>)</span>";

    /// <summary>The cases in which the rule fired, what it did in each and whether the case passed, each opening its booking on the Evaluate page; or that none makes it fire (<c>detainer test</c>'s uncovered rule).</summary>
    private static void WriteExercised(TextWriter w, Policy p, PolicyRule rule, ExpectationCases cases)
    {
        if (cases.Results is null)
        {
            return;
        }

        var exercising = cases.Exercising(rule);
        if (exercising.Count == 0)
        {
            w.WriteLine("<dt>exercised by</dt><dd class=\"exercised uncovered\">no case makes this rule fire</dd>");
            return;
        }

        w.WriteLine("<dt>exercised by</dt><dd class=\"exercised\"><ul>");
        foreach (var (result, roles) in exercising)
        {
            w.WriteLine($"<li class=\"{Result(result)}\">{Scenario(p, result)} <span class=\"role\">{HtmlText.Encode(roles)}</span> <span class=\"result\">{Result(result)}</span></li>");
        }

        w.WriteLine("</ul></dd>");
    }

    private static string Result(CaseResult result) => result.Passed ? "passed" : "failed";

    /// <summary>The case's scenario id, a link opening its booking under this policy on the Evaluate page where the form can hold it, placed in the case's zone (its own <c>timezone</c>, else its file's), so the link gives the case's answer.</summary>
    private static string Scenario(Policy p, CaseResult result)
    {
        var id = $"<code>{HtmlText.Encode(result.Case.ScenarioId)}</code>";
        return result.Verdict is { } verdict && ScenarioForm.Of(verdict.Scenario, [p.Id], result.Case.Bookings?.ZoneId) is { } form
            ? $"<a class=\"case-link\" href=\"{HtmlText.Encode(EvaluatePage.Path + form.Query())}\">{id}</a>"
            : id;
    }

    private static void WriteExpectations(TextWriter w, Policy p, ExpectationCases cases)
    {
        var file = HtmlText.Encode(ExpectationCases.NameFor(p));
        w.WriteLine("<h2 id=\"expectations\">Expectation cases</h2>");
        if (cases.Problem is { } problem)
        {
            w.WriteLine($"<p>The expectation file does not load: <code>{HtmlText.Encode(problem)}</code></p>");
        }
        else if (cases.Results is not { } results)
        {
            w.WriteLine($"<p class=\"muted\">No expectation file beside this catalog (<code>{file}</code> next to its rules folder).</p>");
        }
        else
        {
            var passed = results.Count(r => r.Passed);
            w.WriteLine($"<p>{results.Count} {(results.Count == 1 ? "case" : "cases")} in <code>{file}</code> state what this policy decides; run under it as <code>detainer test</code> runs them, {passed} passed and {results.Count - passed} failed:</p><ul class=\"cases\">");
            foreach (var result in results)
            {
                w.Write($"<li class=\"case {Result(result)}\">{Scenario(p, result)} <span class=\"result\">{Result(result)}</span> <span class=\"because\">{HtmlText.Encode(result.Case.Because)}</span>");
                if (result.Error is { } error)
                {
                    w.Write($"<br><span class=\"error\">Not run: {HtmlText.Encode(error)}</span>");
                }
                else if (result.Mismatches.Count > 0)
                {
                    w.Write($"<ul class=\"mismatches\">{string.Concat(result.Mismatches.Select(m => $"<li><code>{HtmlText.Encode(m.What)}</code>: expected <code>{HtmlText.Encode(m.Expected)}</code>, decided <code>{HtmlText.Encode(m.Actual)}</code> ({HtmlText.Encode(m.Why)})</li>"))}</ul>");
                }

                w.WriteLine("</li>");
            }

            w.WriteLine("</ul>");
        }
    }
}
