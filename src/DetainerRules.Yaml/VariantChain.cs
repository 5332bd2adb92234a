using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>Reads a policy file into a draft, its base first when it is a variant (<c>extends</c>), each file's sections merged over its base's.</summary>
/// <remarks>Bases are found through <paramref name="resolve"/>; the chain itself only refuses cycles and chains beyond <see cref="PolicyLoader.MaxChainLength"/>.</remarks>
internal sealed class VariantChain(FieldReader r, ResolveBase resolve)
{
    // The keys come from the format's shapes, which the JSON Schema is written from too.
    private static readonly IReadOnlyList<string> BaseKeys = PolicyFormat.BaseKeys;
    private static readonly IReadOnlyList<string> VariantKeys = PolicyFormat.Top.Keys;

    private readonly SectionReader _sections = new(r);
    private readonly DraftMerge _merge = new(r);

    /// <param name="key">What tells <paramref name="file"/> from other files (its real path).</param>
    public PolicyDraft? Read(string text, string file, string key) => Read(text, file, key, []);

    private PolicyDraft? Read(string text, string file, string key, List<string> chain)
    {
        var (root, locate) = DocumentReader.Read(file, text);
        var top = r.Mapping(root, VariantKeys)
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, DiagnosticCodes.Field, string.Empty, $"expected a policy (a mapping with `id`, `rules`, ...), found {root.Kind}")]);
        var id = PolicyIds.Check(r, r.Required(top, "id"), "policy");
        var isVariant = top["extends"] is not null;
        var draft = isVariant ? ReadBase(top, file, key, chain) : new PolicyDraft();
        if (draft is null)
        {
            return null;
        }

        if (!isVariant)
        {
            foreach (var k in VariantKeys.Except(BaseKeys).Where(k => top[k] is not null))
            {
                r.Report(top[k]!.Span, top.PathOf(k), $"`{k}` is for a variant: add `extends: <policy>` to change another policy", DiagnosticCodes.Reference);
            }
        }

        // What only a variant may say is reported above for a base policy and otherwise ignored.
        YamlNode? Variant(string k) => isVariant ? top[k] : null;
        var origin = id ?? "?";
        draft.Id = id;
        draft.Span = root.Span;
        draft.Lineage.Add(origin);
        draft.Files.Add(PolicyLoader.FileOf(file, text));
        draft.Family = top["family"] is { } familyNode ? PolicyIds.Check(r, familyNode, "family") : draft.Family;
        if (top["bound_by"] is { } boundBy)
        {
            _sections.ReadBoundBy(draft, boundBy);
        }

        draft.Title = Inherit(top, "title", draft.Title, isVariant);
        draft.Jurisdiction = Inherit(top, "jurisdiction", draft.Jurisdiction, isVariant);
        draft.Summary = top["summary"] is { } s ? r.Text(s) : draft.Summary;
        draft.Time = top["time_zone"] is { } zone ? _sections.ReadTimeZone(zone) ?? draft.Time : draft.Time;
        draft.State = top["state"] is { } state ? _sections.ReadState(state) : draft.State;
        if (top["effective"] is not null || !isVariant)
        {
            (draft.EffectiveFrom, draft.EffectiveUntil) = _sections.ReadEffective(top["effective"]);
        }

        if (top["amendment"] is { } amendment && r.Text(amendment) is { } said)
        {
            draft.Amendments[origin] = said;
        }
        else if (isVariant)
        {
            r.Report(top.Node.Span, top.PathOf("amendment"), "a variant must say what it changes in `amendment`", DiagnosticCodes.Completeness);
        }

        var sources = isVariant ? top["sources"] : r.Required(top, "sources");
        _merge.Merge(draft, _sections.ReadSources(sources), draft.Sources, "sources", origin, sources, replace: false, (name, definedBy) =>
            r.Report(top["sources"]!.Span, top.PathOf("sources"), $"source `{name}` is already defined by `{definedBy}`: cite it as it is, or give the new source another id", DiagnosticCodes.Identity));
        _merge.Merge(draft, _sections.ReadOffenseLists(top["offense_lists"]), draft.OffenseLists, "offense_lists", origin, top["offense_lists"], replace: false);
        var replacingLists = _sections.ReadOffenseLists(Variant("replace_offense_lists"));
        ListRemovals.NoteLists(draft, replacingLists, Variant("replace_offense_lists"), origin);
        _merge.Merge(draft, replacingLists, draft.OffenseLists, "offense_lists", origin, Variant("replace_offense_lists"), replace: true);
        _merge.Merge(draft, _sections.ReadNamedConditions(top["conditions"], text, locate), draft.Conditions, "conditions", origin, top["conditions"], replace: false);
        var replacingConditions = _sections.ReadNamedConditions(Variant("replace_conditions"), text, locate);
        ListRemovals.NoteConditions(draft, replacingConditions, Variant("replace_conditions"), origin);
        _merge.Merge(draft, replacingConditions, draft.Conditions, "conditions", origin, Variant("replace_conditions"), replace: true);
        _merge.Merge(draft, _sections.ReadLimits(top["limits"]), draft.Limits, "limits", origin, top["limits"], replace: false);
        _merge.Merge(draft, _sections.ReadLimits(Variant("replace_limits")), draft.Limits, "limits", origin, Variant("replace_limits"), replace: true);
        _merge.MergeDefaults(draft, isVariant ? top["defaults"] : r.Required(top, "defaults"), isVariant, origin);
        if (top["open_questions"] is { } questions)
        {
            // A variant restates its open questions: some of its base's are settled by the change.
            draft.OpenQuestions.Clear();
            draft.OpenQuestions.AddRange(r.List(questions).Select(r.Text).OfType<string>());
        }

        _merge.MergeRules(draft, isVariant ? top["rules"] : r.Required(top, "rules"), Variant("replace_rules"), Variant("remove_rules"), origin, text, locate);
        return draft;
    }

    private string? Inherit(MappingView top, string key, string? inherited, bool isVariant) =>
        top[key] is { } node ? r.Text(node) : isVariant ? inherited : r.Text(r.Required(top, key));

    private PolicyDraft? ReadBase(MappingView top, string file, string key, List<string> chain)
    {
        var node = top["extends"]!;
        var name = r.Text(node);
        if (name is null)
        {
            return null;
        }

        var found = resolve(file, name);
        if (found.Problem is { } problem)
        {
            r.Report(node.Span, node.Path, problem.Message, problem.Code);
            return null;
        }

        if (chain.Contains(found.Key, StringComparer.Ordinal) || found.Key == key)
        {
            r.Report(node.Span, node.Path, $"`extends` makes a cycle: {string.Join(" -> ", chain.Append(key).Append(found.Key).Select(Path.GetFileNameWithoutExtension))}", DiagnosticCodes.PolicyCycle);
            return null;
        }

        if (chain.Count >= PolicyLoader.MaxChainLength)
        {
            // The chain is named file by file (names only, never content), as a cycle is, so the user sees where to cut it.
            r.Report(node.Span, node.Path, $"chain of variants is longer than {PolicyLoader.MaxChainLength}: {string.Join(" -> ", chain.Append(key).Append(found.Key).Select(Path.GetFileNameWithoutExtension))}", DiagnosticCodes.PolicyCycle);
            return null;
        }

        return Read(found.Text, found.Path, found.Key, [.. chain, key]);
    }
}
