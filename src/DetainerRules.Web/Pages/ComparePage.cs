using DetainerRules.Analysis.Comparison;
using DetainerRules.Reports;
using DetainerRules.Web.Api;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Pages;

/// <summary><c>GET /compare?p=A&amp;p=B[&amp;at=YYYY-MM-DD][&amp;timezone=ZONE]</c>: any catalog policies compared decision by decision over the scenario space, the content of <c>detainer compare --space --format html</c> as a page.</summary>
/// <remarks>
/// The comparison is <see cref="CompareEndpoint.Compare"/>'s, as <c>POST /v1/compare</c> answers it:
/// a family is resolved on <c>at</c> as the command resolves it (and needs it), and <c>timezone</c> places
/// every policy that names none as the API's field does, read as the Evaluate page reads it
/// (<see cref="TimeZoneInput.Read"/>) and shown as the database's id. What the request gets wrong (a
/// zone refused even before any policy is chosen) is shown on the page with the form, with the API's
/// status and message.
/// </remarks>
public static class ComparePage
{
    public const string Path = "/compare";

    /// <summary>The page for the query: the form alone, the comparison, or why there is none.</summary>
    public static IResult Render(CatalogSnapshot catalog, IQueryCollection query)
    {
        var names = query["p"].OfType<string>().Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var at = query["at"].FirstOrDefault() is { Length: > 0 } day ? day : null;
        var typed = TimeZoneInput.Typed(query[TimeZoneInput.Name].FirstOrDefault());
        var options = PolicyOptions.Of(catalog.All.Policies);
        PolicyComparison? comparison = null;

        // The zone is read first, by the Evaluate page's reader, so one it refuses is reported before any policy is chosen.
        TimeZoneInput.TryRead(typed, out var bookings, out var problem);
        var zone = bookings?.ZoneId;

        if (problem is null && names.Count > 0)
        {
            try
            {
                comparison = CompareEndpoint.Compare(catalog, new CompareRequest { Policies = names, Space = true, At = at, TimeZone = zone });
            }
            catch (Exception e) when (Problems.Of(e) is { } refused)
            {
                problem = refused;
            }
        }

        return PageLayout.Page("Compare policies", w =>
        {
            w.WriteLine("<h1>Compare policies</h1>");
            w.WriteLine("<p>Choose two or more policies: where they answer differently, decision by decision, over every case they can tell apart, as <code>detainer compare --space</code> finds it, "
                + "with the regions of cases where they split and an example of each that opens on the Evaluate page. A family is compared at its version in force on the day given. "
                + "A time zone places every compared policy that names none (or <code>local</code>), as <code>compare --timezone</code> does.</p>");
            var zoneErrors = problem is null ? [] : problem.Diagnostics.Where(d => d.Field == TimeZoneInput.Name).Select(d => d.Message).ToList();
            WriteForm(w, options, names, at, typed, zoneErrors);
            if (problem is not null)
            {
                w.WriteLine("<section class=\"problems\" id=\"problems\" role=\"alert\"><h2>The policies cannot be compared</h2>");
                w.WriteLine($"<p>{HtmlText.Encode(problem.Message)}</p>");
                var details = problem.Diagnostics.Select(RequestTexts.Shown).Where(d => d.Message != problem.Message && !problem.Message.EndsWith(d.Message, StringComparison.Ordinal)).ToList();
                if (details.Count > 0)
                {
                    w.WriteLine($"<ul>{string.Concat(details.Select(d => $"<li>{HtmlText.Encode(d.ToString())}</li>"))}</ul>");
                }

                w.WriteLine("</section>");
            }
            else if (comparison is not null)
            {
                // The examples open under the compared versions by id (a label made unique by `#n` names no policy, and is left out), placed in the same zone.
                var ids = comparison.Policies.Where(PolicyIds.IsId).ToList();
                ComparisonSection.Write(w, comparison, zone, (x, _, region) => ComparisonSection.WriteExampleLink(x, region.Example, ids, zone));
            }
        }, problem?.Status ?? StatusCodes.Status200OK);
    }

    /// <param name="zone">The zone as typed, kept in its field.</param>
    private static void WriteForm(TextWriter w, PolicyOptions options, IReadOnlyList<string> chosen, string? at, string? zone, IReadOnlyList<string> zoneErrors)
    {
        w.WriteLine($"<form class=\"compare\" id=\"choose\" method=\"get\" action=\"{Path}\">");
        w.WriteLine("<div class=\"field\"><label for=\"policies\">Policies <span class=\"muted\">(choose two or more with Ctrl or Shift)</span></label>");
        w.WriteLine("<select id=\"policies\" name=\"p\" multiple size=\"10\">");
        var offered = new HashSet<string>(StringComparer.Ordinal);
        w.WriteLine("<optgroup label=\"Families (version in force on the day below)\">");
        foreach (var family in options.Families)
        {
            offered.Add(family);
            w.WriteLine(Option(family, $"{family} (family)", chosen.Contains(family)));
        }

        w.WriteLine("</optgroup><optgroup label=\"Policies by id\">");
        foreach (var (id, title) in options.Versions.Where(v => !offered.Contains(v.Id)))
        {
            offered.Add(id);
            w.WriteLine(Option(id, $"{id}: {title}", chosen.Contains(id)));
        }

        w.WriteLine("</optgroup>");

        // A name asked for that the catalog does not offer stays chosen, so the problem can be read and the choice changed.
        foreach (var name in chosen.Where(p => !offered.Contains(p)))
        {
            w.WriteLine(Option(name, name, selected: true));
        }

        w.WriteLine("</select></div>");
        w.WriteLine($"<div class=\"field\"><label for=\"at\">On the day <span class=\"muted\">(YYYY-MM-DD; needed for a family)</span></label><input type=\"text\" id=\"at\" name=\"at\" value=\"{HtmlText.Encode(at ?? string.Empty)}\" placeholder=\"YYYY-MM-DD\" autocomplete=\"off\"></div>");
        TimeZoneInput.Write(w, zone ?? string.Empty, options.Zones, zoneErrors);
        w.WriteLine("<p class=\"send\"><button type=\"submit\">Compare</button></p></form>");
    }

    private static string Option(string value, string text, bool selected) =>
        $"<option value=\"{HtmlText.Encode(value)}\"{(selected ? " selected" : string.Empty)}>{HtmlText.Encode(text)}</option>";
}
