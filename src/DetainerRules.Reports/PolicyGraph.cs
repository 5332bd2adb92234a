using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>A policy's decision flow as a graph: what the scenario says, the named conditions, the rules, and the decisions they set.</summary>
/// <remarks>
/// Left to right: scenario fields feed named conditions and rules; each rule, labelled with its
/// priority, points at the decisions it sets with the value it sets; a rule that reads a decision
/// hangs off that decision by a dashed edge. Every decision shows its default.
/// </remarks>
public sealed class PolicyGraph
{
    private readonly List<(string Id, string Label, string Kind)> _nodes = [];
    private readonly List<(string From, string To, string Label, bool Dashed)> _edges = [];

    private PolicyGraph(Policy policy) => Policy = policy;

    public Policy Policy { get; }

    public IReadOnlyList<(string Id, string Label, string Kind)> Nodes => _nodes;

    public IReadOnlyList<(string From, string To, string Label, bool Dashed)> Edges => _edges;

    public static PolicyGraph Of(Policy policy)
    {
        var graph = new PolicyGraph(policy);
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var fallback = policy.Defaults[kind].Effect;
            graph.Node("decision_" + Vocabulary.Word(kind), $"{Vocabulary.Word(kind)}\ndefault: {Answer.Of(new Decision(fallback, [], [], [], null)).Text}", "decision");
        }

        foreach (var rule in policy.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var ruleNode = "rule_" + Sanitize(rule.Id);
            graph.Node(ruleNode, $"{rule.Id}\npriority {rule.Priority}", "rule");
            foreach (var effect in rule.Then)
            {
                graph._edges.Add((ruleNode, "decision_" + Vocabulary.Word(effect.Decision), Answer.Of(new Decision(effect, [], [], [], null)).Text, false));
            }

            foreach (var input in Inputs(rule.When))
            {
                graph.Input(input, ruleNode, policy);
            }

            foreach (var read in RuleStrata.Reads(rule).Order())
            {
                graph._edges.Add(("decision_" + Vocabulary.Word(read), ruleNode, "read by", true));
            }
        }

        return graph;
    }

    /// <summary>Mermaid flowchart text, for Markdown that renders diagrams.</summary>
    public string Mermaid()
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var (id, label, kind) in _nodes)
        {
            var escaped = MermaidLabel(label);
            text.Append("  ").Append(id).Append(kind switch
            {
                "decision" => $"([\"{escaped}\"])",
                "rule" => $"[\"{escaped}\"]",
                "condition" => $"{{{{\"{escaped}\"}}}}",
                _ => $"[/\"{escaped}\"/]",
            }).Append('\n');
        }

        foreach (var (from, to, label, dashed) in _edges)
        {
            text.Append("  ").Append(from).Append(dashed ? " -. \"" + MermaidLabel(label) + "\" .-> " : " -- \"" + MermaidLabel(label) + "\" --> ").Append(to).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Graphviz DOT text.</summary>
    public string Dot()
    {
        var text = new StringBuilder();
        text.Append($"digraph \"{Escape(Policy.Id)}\" {{\n");
        text.Append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        text.Append($"  label=\"{Escape(Policy.Id + ": " + Policy.Title + (Policy.BoundBy.Count > 0 ? " (bound by " + string.Join(", ", Policy.BoundBy) + ")" : string.Empty))}\";\n  labelloc=t;\n");
        foreach (var (id, label, kind) in _nodes)
        {
            var shape = kind switch
            {
                "decision" => "shape=ellipse, style=filled, fillcolor=\"#cfe3f7\"",
                "rule" => "shape=box, style=\"rounded,filled\", fillcolor=\"#f6efc6\"",
                "condition" => "shape=hexagon",
                _ => "shape=parallelogram",
            };
            text.Append($"  {id} [label=\"{Escape(label)}\", {shape}];\n");
        }

        foreach (var (from, to, label, dashed) in _edges)
        {
            text.Append($"  {from} -> {to} [label=\"{Escape(label)}\"{(dashed ? ", style=dashed" : string.Empty)}];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private void Node(string id, string label, string kind)
    {
        if (!_nodes.Any(n => n.Id == id))
        {
            _nodes.Add((id, label, kind));
        }
    }

    /// <summary>An input of a rule or named condition: a named condition (drawn once, with its own inputs) or a scenario field; an edge read under `not` (or `no`) is labelled so.</summary>
    private void Input((string Name, NamedConditionUse? Use, bool Negated) input, string target, Policy policy)
    {
        if (input.Use is { } use)
        {
            var id = "condition_" + Sanitize(use.Name);
            if (!_nodes.Any(n => n.Id == id))
            {
                Node(id, $"{use.Name}\n{Wrap(policy.NamedConditions.GetValueOrDefault(use.Name) ?? string.Empty)}", "condition");
                foreach (var inner in Inputs(use.Body))
                {
                    Input(inner, id, policy);
                }
            }

            Edge(id, target, input.Negated);
            return;
        }

        var field = "field_" + Sanitize(input.Name);
        Node(field, input.Name, "field");
        Edge(field, target, input.Negated);
    }

    private void Edge(string from, string to, bool negated)
    {
        var label = negated ? "not" : string.Empty;
        if (!_edges.Any(e => e.From == from && e.To == to && e.Label == label))
        {
            _edges.Add((from, to, label, false));
        }
    }

    /// <summary>What a condition reads directly: named conditions it uses, and fields outside them, each with whether it is read under an odd number of negations.</summary>
    /// <remarks>`no charge(x)` is `not any charge(x)`; `every` mixes both senses, so its inputs are drawn plain.</remarks>
    private static IEnumerable<(string Name, NamedConditionUse? Use, bool Negated)> Inputs(Condition condition, bool negated = false) => condition switch
    {
        NamedConditionUse use => [(use.Name, use, negated)],
        FieldTest test => [(FieldCatalog.Get(test.Field).Scope == FieldScope.Offense ? "offense " + FieldCatalog.Get(test.Field).Name : FieldCatalog.Get(test.Field).Name, null, negated)],
        Negation n => Inputs(n.Inner, !negated),
        Quantified q => [(q.List == OffenseList.Charges ? "charges" : "convictions", null, negated ^ (q.Quantifier == Quantifier.No)),
            .. Inputs(q.Inner, negated ^ (q.Quantifier == Quantifier.No)).Where(i => i.Use is not null)],
        WithinYears => [("conviction dates", null, negated)],
        _ => condition.Children.SelectMany(c => Inputs(c, negated)).DistinctBy(i => (i.Name, i.Negated)),
    };

    private static string Wrap(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Sanitize(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings("\\n");

    /// <summary>A label inside Mermaid's double quotes: a quote would end it and a raw line break the statement, so both become Mermaid's own escapes, as do angle brackets (labels may render HTML).</summary>
    private static string MermaidLabel(string label) => label
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .ReplaceLineEndings("<br/>");
}
