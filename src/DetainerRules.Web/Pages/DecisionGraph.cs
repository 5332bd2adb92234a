using System.Globalization;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>A policy's decision flow drawn as SVG on its page: the nodes and edges of <see cref="PolicyGraph"/> (what <c>detainer graph</c> writes as Mermaid or DOT), laid out in columns.</summary>
/// <remarks>
/// The server draws it itself, so the page needs neither Graphviz nor a script: scenario fields, then
/// named conditions, then rules, then decisions, each column stacked top to bottom in the graph's
/// order, an edge a curve from the right of what is read to the left of what reads it (dashed where
/// it is read negated). Presentation attributes and classes only: the Content-Security-Policy
/// refuses style attributes. Every label is a policy's text, encoded.
/// </remarks>
internal static class DecisionGraph
{
    private static readonly string[] Columns = ["field", "condition", "rule", "decision"];
    private const int BoxWidth = 230;
    private const int Gap = 90;
    private const int LineHeight = 15;
    private const int Padding = 8;
    private const int Spacing = 12;

    public static void Write(TextWriter w, Policy policy)
    {
        var graph = PolicyGraph.Of(policy);
        var boxes = new Dictionary<string, (double X, double Y, double Height)>(StringComparer.Ordinal);
        // Only the kinds the policy has take a column (a policy without named conditions has three).
        var used = Columns.Where(k => graph.Nodes.Any(n => n.Kind == k)).ToList();
        var heights = new double[Math.Max(1, used.Count)];
        var placed = graph.Nodes.Select(n => (Node: n, Column: Math.Max(0, used.IndexOf(n.Kind)))).ToList();
        foreach (var (node, column) in placed)
        {
            var height = (node.Label.Split('\n').Length * LineHeight) + (2 * Padding);
            boxes[node.Id] = (column * (BoxWidth + Gap), heights[column], height);
            heights[column] += height + Spacing;
        }

        var width = (heights.Length * BoxWidth) + ((heights.Length - 1) * Gap);
        var total = Math.Max(heights.Max() - Spacing, LineHeight);
        w.WriteLine($"<h2 id=\"graph\">Decision flow</h2><p class=\"muted\">What each rule reads (scenario fields and named conditions) and the decisions it sets; a dashed line is read negated. The same graph as <code>detainer graph {HtmlText.Encode(policy.Id)}</code>.</p>");
        w.Write(FormattableString.Invariant($"<div class=\"scroll\"><svg class=\"graph\" viewBox=\"-2 -2 {width + 4} {total + 4}\" width=\"{width + 4}\" height=\"{total + 4}\" role=\"img\" aria-label=\"Decision flow of {HtmlText.Encode(policy.Id)}: {graph.Nodes.Count} nodes, {graph.Edges.Count} edges\">"));
        foreach (var (from, to, _, dashed) in graph.Edges)
        {
            if (!boxes.TryGetValue(from, out var a) || !boxes.TryGetValue(to, out var b))
            {
                continue;
            }

            var (x1, y1, x2, y2) = (a.X + BoxWidth, a.Y + (a.Height / 2), b.X, b.Y + (b.Height / 2));
            var bend = Math.Max(40, Math.Abs(x2 - x1) / 2);
            w.Write(FormattableString.Invariant($"<path class=\"edge{(dashed ? " negated" : string.Empty)}\" d=\"M{x1:0.#} {y1:0.#} C{x1 + bend:0.#} {y1:0.#} {x2 - bend:0.#} {y2:0.#} {x2:0.#} {y2:0.#}\"/>"));
        }

        foreach (var (node, _) in placed)
        {
            var box = boxes[node.Id];
            w.Write(FormattableString.Invariant($"<g class=\"node {node.Kind}\"><rect x=\"{box.X:0.#}\" y=\"{box.Y:0.#}\" width=\"{BoxWidth}\" height=\"{box.Height:0.#}\" rx=\"6\"/><text x=\"{box.X + Padding:0.#}\" y=\"{box.Y + Padding:0.#}\">"));
            foreach (var line in node.Label.Split('\n'))
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<tspan x=\"{box.X + Padding:0.#}\" dy=\"{LineHeight}\">{HtmlText.Encode(line)}</tspan>"));
            }

            w.Write("</text></g>");
        }

        w.WriteLine("</svg></div>");
    }
}
