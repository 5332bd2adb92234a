using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Merges what one file of a chain of variants says over what its base made of the draft: adding, replacing and removing, and saying which policy each part came from.</summary>
internal sealed class DraftMerge(FieldReader r)
{
    /// <summary>Adds (or, with <paramref name="replace"/>, replaces) the entries of one section.</summary>
    /// <param name="node">The section in the file, where problems are reported.</param>
    /// <param name="redefined">Reports an entry the base already defines, given its name and the policy that defined it; by default at the entry, pointing at <c>replace_SECTION</c>.</param>
    public void Merge<T>(PolicyDraft draft, Dictionary<string, T> entries, Dictionary<string, T> into, string section, string origin, YamlNode? node, bool replace, Action<string, string>? redefined = null)
    {
        redefined ??= (name, definedBy) =>
            r.Report(node!.Span, $"{node.Path}.{name}", $"`{name}` is already defined by `{definedBy}`: list it under `replace_{section}` to change it", DiagnosticCodes.Identity);
        foreach (var (name, value) in entries)
        {
            var exists = into.ContainsKey(name);
            if (replace && !exists)
            {
                r.Report(node!.Span, $"{node.Path}.{name}", $"replaces nothing: the base has no {section} entry `{name}`{Suggestion.Hint(name, into.Keys)}", DiagnosticCodes.Reference);
                continue;
            }

            if (!replace && exists && draft.Lineage.Count > 1)
            {
                redefined(name, draft.Origins[$"{section}:{name}"]);
                continue;
            }

            into[name] = value;
            draft.Origins[$"{section}:{name}"] = origin;
        }
    }

    /// <summary>Keeps each default's node, to be read once the chain is merged; a base policy must give every decision one.</summary>
    public void MergeDefaults(PolicyDraft draft, YamlNode? node, bool isVariant, string origin)
    {
        var m = r.Mapping(node, Vocabulary.Words(typeof(DecisionKind)));
        if (m is null)
        {
            return;
        }

        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var word = Vocabulary.Word(kind);
            if (m[word] is { } value)
            {
                draft.Defaults[(int)kind] = value;
                draft.Origins[$"defaults:{word}"] = origin;
            }
            else if (!isVariant)
            {
                r.Report(m.Node.Span, m.PathOf(word), $"no default for decision `{word}`: every decision needs one (`unknown` when the sources are silent)", DiagnosticCodes.Completeness);
            }
        }
    }

    /// <summary>Removes, replaces and adds rules, in that order, keeping each rule's node to be read once the chain is merged.</summary>
    public void MergeRules(PolicyDraft draft, YamlNode? added, YamlNode? replaced, YamlNode? removed, string origin, string text, Func<int, SourceSpan> locate)
    {
        var inherited = draft.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in r.List(removed))
        {
            var id = r.Text(item);
            var index = draft.Rules.FindIndex(rule => rule.Id == id);
            if (index < 0)
            {
                r.Report(item.Span, item.Path, $"removes nothing: the base has no rule `{id}`{Suggestion.Hint(id ?? string.Empty, inherited)}", DiagnosticCodes.Reference);
                continue;
            }

            draft.Rules.RemoveAt(index);
        }

        foreach (var (mapping, maybeId) in RuleNodes(replaced))
        {
            if (maybeId is not { } id)
            {
                continue;
            }

            var index = draft.Rules.FindIndex(rule => rule.Id == id);
            if (index < 0)
            {
                r.Report(mapping.Span, mapping.Path, $"replaces nothing: the base has no rule `{id}`{Suggestion.Hint(id, inherited)}", DiagnosticCodes.Reference);
                continue;
            }

            draft.Rules[index] = new DraftRule(id, mapping, origin, text, locate);
        }

        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mapping, id) in RuleNodes(added))
        {
            var rejected = id is null;
            if (id is not null && inherited.Contains(id))
            {
                r.Report(mapping.Span, mapping.Path, $"rule `{id}` already exists in the base: list it under `replace_rules` to change it, or `remove_rules` to drop it", DiagnosticCodes.Identity);
                rejected = true;
            }
            else if (id is not null && !own.Add(id))
            {
                r.Report(mapping.Span, mapping.Path + ".id", $"rule id `{id}` is used twice", DiagnosticCodes.Identity);
                rejected = true;
            }

            draft.Rules.Add(new DraftRule(id ?? string.Empty, mapping, origin, text, locate, rejected));
        }
    }

    /// <summary>Each rule mapping with its id; the id is null when missing or malformed (already reported).</summary>
    private IEnumerable<(YamlMapping Node, string? Id)> RuleNodes(YamlNode? node)
    {
        foreach (var item in r.List(node))
        {
            if (item is not YamlMapping mapping)
            {
                r.Report(item.Span, item.Path, "expected a rule (id, when, then, because, cite)");
                continue;
            }

            var idNode = mapping.ValueOf("id");
            if (idNode is null)
            {
                r.Report(mapping.Span, mapping.Path + ".id", "required field is missing");
            }

            yield return (mapping, idNode is null ? null : PolicyIds.Check(r, idNode, "rule"));
        }
    }
}
