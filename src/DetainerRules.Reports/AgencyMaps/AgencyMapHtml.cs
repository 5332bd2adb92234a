using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports.AgencyMaps;

/// <summary>
/// <see cref="AgencyMap"/> as one self-contained HTML page: the states as an inline SVG tile grid (<see cref="StateTiles"/>),
/// each coloured by its law's answer, with the 287(g) counts on its tile, a legend, and the same facts as a table.
/// </summary>
/// <remarks>
/// No scripts, fonts or images from elsewhere: it opens from a file, offline. Every text from a policy or roster file is
/// escaped. The answer is written on each tile as well as coloured, so the map reads without colour.
/// </remarks>
public static class AgencyMapHtml
{
    private const int Tile = 88;
    private const int Gap = 6;
    private const string NoLaw = "none";

    private static readonly AgreementModel[] Models = Enum.GetValues<AgreementModel>();

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; max-width: 72rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        svg.map { width: 100%; max-width: 60rem; height: auto; }
        svg.map text { font-family: system-ui, sans-serif; text-anchor: middle; fill: #1d1d1f; }
        svg.map .code { font-size: 20px; font-weight: 600; } svg.map .answer { font-size: 12px; } svg.map .counts { font-size: 11px; fill: #333; }
        .legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
        .legend li { display: flex; align-items: center; gap: 0.4rem; }
        .swatch { display: inline-block; width: 1.2rem; height: 1.2rem; border: 1px solid #888; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #c8c8cc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; }
        .required { fill: #e8847a; background: #e8847a; } .permitted { fill: #f2d16b; background: #f2d16b; }
        .forbidden { fill: #7fb2e5; background: #7fb2e5; } .unknown { fill: #c9c9ce; background: #c9c9ce; }
        .none { fill: url(#hatch); background: repeating-linear-gradient(45deg, #fff 0 4px, #d4d4d8 4px 6px); }
        """;

    public static void Write(TextWriter w, AgencyMap map)
    {
        var day = Date(map.At);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>{E(map.Ask)}: state law and 287(g) agreements</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine($"<h1>{E(map.Ask)}</h1>");
        w.WriteLine($"<p>Each state is coloured by its law's answer (<code>{E(Vocabulary.Word(map.Decision))}</code> on the scenario <code>{E(map.Scenario)}</code>), "
            + $"as the law in the catalog on {day} binds an agency there with no policy of its own and no 287(g) agreement. "
            + "Under the answer, each tile counts the roster's 287(g) agreements by model (J: Jail Enforcement Model, W: Warrant Service Officer, T: Task Force Model). "
            + "Each state is one equal square, placed roughly where it lies (a tile grid, not its shape or size).</p>");
        WriteLegend(w, map);
        WriteSvg(w, map);
        WriteTable(w, map);
        w.WriteLine("<h2>Sources</h2><ul>");
        foreach (var source in map.Sources)
        {
            w.WriteLine($"<li>{E(source.Publisher)}, {E(source.Title)}, as of {Date(source.AsOf)}{(source.Url is { } url ? $" (<code>{E(url)}</code>)" : string.Empty)}</li>");
        }

        w.WriteLine($"<li>State law: the DetainerRules catalog, each family's version in force on {day} (rules/README.md lists each policy's sources).</li>");
        w.WriteLine("</ul></body></html>");
    }

    /// <summary>The class a state's answer is coloured by: a modality's word, or <c>none</c> where the catalog has no law for it.</summary>
    public static string Shade(AgencyMap.StateView state) => state.Answer is { } answer ? Vocabulary.Word(answer.Value) : NoLaw;

    private static void WriteLegend(TextWriter w, AgencyMap map)
    {
        w.WriteLine("<ul class=\"legend\">");
        foreach (var (shade, words) in new[] { ("required", "required"), ("permitted", "permitted"), ("forbidden", "forbidden"), ("unknown", "unknown (the law is silent, or its layers disagree)"), (NoLaw, "no state policy in the catalog") })
        {
            var count = map.States.Count(s => Shade(s) == shade);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<li><span class=\"swatch {shade}\"></span>{E(words)}: {count}</li>"));
        }

        w.WriteLine("</ul>");
    }

    private static void WriteSvg(TextWriter w, AgencyMap map)
    {
        var width = (StateTiles.Columns * (Tile + Gap)) + Gap;
        var height = (StateTiles.Rows * (Tile + Gap)) + Gap;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(map.Ask)}\">"));
        w.WriteLine("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"2\" height=\"6\" fill=\"#d4d4d8\"/></pattern></defs>");
        foreach (var state in map.States)
        {
            if (!StateTiles.Positions.TryGetValue(state.State, out var at))
            {
                continue;
            }

            var x = Gap + (at.Column * (Tile + Gap));
            var y = Gap + (at.Row * (Tile + Gap));
            var shade = Shade(state);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<g class=\"state\" id=\"state-{E(state.State)}\" data-answer=\"{shade}\"><title>{E(Tooltip(state))}</title>"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<rect class=\"{shade}\" x=\"{x}\" y=\"{y}\" width=\"{Tile}\" height=\"{Tile}\" rx=\"6\" stroke=\"#666\" stroke-width=\"1\"/>"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<text class=\"code\" x=\"{x + (Tile / 2)}\" y=\"{y + 28}\">{E(state.State)}</text>"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<text class=\"answer\" x=\"{x + (Tile / 2)}\" y=\"{y + 50}\">{E(shade == NoLaw ? "no policy" : shade)}</text>"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<text class=\"counts\" x=\"{x + (Tile / 2)}\" y=\"{y + 72}\">{E(TileCounts(state.Agreements))}</text></g>"));
        }

        w.WriteLine("</svg>");
    }

    private static void WriteTable(TextWriter w, AgencyMap map)
    {
        w.WriteLine("<h2>By state</h2>");
        w.WriteLine("<table class=\"states\"><thead><tr><th scope=\"col\">state</th><th scope=\"col\">state law in the catalog</th><th scope=\"col\">answer</th><th scope=\"col\">agencies</th>");
        foreach (var model in Models)
        {
            w.WriteLine($"<th scope=\"col\">{E(Vocabulary.Word(model))} agreements (agencies)</th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var state in map.States)
        {
            var law = state.Law.Count == 0 ? "none" : string.Join("; ", state.Law.Select(p => $"{p.Id}: {p.Title.Trim()}"));
            var answer = state.Answer is { } a ? Answer.Of(a).Text : "no state policy in the catalog";
            var counts = state.Agreements;
            w.Write($"<tr id=\"row-{E(state.State)}\"><th scope=\"row\">{E(Name(state.State))} ({E(state.State)})</th><td>{E(law)}</td><td class=\"{Shade(state)}\">{E(answer)}</td>");
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{counts?.Agencies ?? 0}</td>"));
            for (var m = 0; m < Models.Length; m++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{counts?.Agreements[m] ?? 0} ({counts?.AgenciesWith[m] ?? 0})</td>"));
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static string Tooltip(AgencyMap.StateView state)
    {
        var answer = state.Answer is { } a ? Answer.Of(a).Text : "no state policy in the catalog";
        var law = state.Law.Count == 0 ? string.Empty : $" ({string.Join(", ", state.Law.Select(p => p.Id))})";
        var counts = state.Agreements is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Agencies} agencies with 287(g) agreements: {string.Join(", ", Models.Select((m, i) => $"{Vocabulary.Word(m)} {c.Agreements[i]}"))}")
            : "no agency with a 287(g) agreement in the roster";
        return $"{Name(state.State)}: {answer}{law}; {counts}";
    }

    private static string TileCounts(StateAgreements? counts) => counts is null
        ? "no 287(g)"
        : string.Create(CultureInfo.InvariantCulture, $"J{counts.Agreements[0]} W{counts.Agreements[1]} T{counts.Agreements[2]}");

    private static string Name(string state) => UsJurisdictions.Names.TryGetValue(state, out var name) ? name : state;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Untrusted text as HTML (<see cref="HtmlText.Encode"/>).</summary>
    private static string E(string text) => HtmlText.Encode(text);
}
