using DetainerRules.Language;
using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>Reads the sections of one policy file (sources, offense lists, named conditions, limits, dates, place, authorities) as that file states them, before any merge.</summary>
internal sealed class SectionReader(FieldReader r)
{
    /// <summary>The authorities a policy lists, each once, with where each is written.</summary>
    public void ReadBoundBy(PolicyDraft draft, YamlNode node)
    {
        // A variant that lists its authorities replaces its base's list.
        draft.BoundBy.Clear();
        draft.BoundBySpans.Clear();
        foreach (var item in r.List(node))
        {
            if (PolicyIds.Check(r, item, "authority") is not { } id)
            {
                continue;
            }

            var first = draft.BoundBy.IndexOf(id);
            if (first >= 0)
            {
                r.Report(item.Span, item.Path, $"`{id}` is listed twice in `bound_by` (first at line {draft.BoundBySpans[first].Line}): list each authority once", DiagnosticCodes.Identity);
                continue;
            }

            draft.BoundBy.Add(id);
            draft.BoundBySpans.Add(item.Span);
        }
    }

    public (LegalDate? From, LegalDate? Until) ReadEffective(YamlNode? node)
    {
        var m = r.Mapping(node, PolicyFormat.Effective.Keys);
        if (m is null)
        {
            return (null, null);
        }

        var (from, until) = (r.LegalDate(m["from"]), r.LegalDate(m["until"]));
        if (from is { } f && until is { } u && u.Latest < f.Earliest)
        {
            r.Report(m["until"]!.Span, m.PathOf("until"), $"the policy ends ({u}) before it starts ({f})");
        }

        return (from, until);
    }

    public string? ReadState(YamlNode node)
    {
        if (r.Text(node) is not { } code)
        {
            return null;
        }

        if (UsJurisdictions.Names.ContainsKey(code))
        {
            return code;
        }

        r.Report(node.Span, node.Path, $"unknown state `{code}`{Suggestion.Hint(code, UsJurisdictions.Names.Keys)}: use a postal code such as `NV` or `DC`, or `US` for federal policy");
        return null;
    }

    /// <summary>An IANA zone the bundled time zone database knows; null (reported) otherwise.</summary>
    public Model.Time.JurisdictionTime? ReadTimeZone(YamlNode node)
    {
        if (r.Text(node) is not { } id)
        {
            return null;
        }

        if (Model.Time.JurisdictionTime.Find(id) is { } time)
        {
            return time;
        }

        r.Report(node.Span, node.Path, $"unknown time zone `{id}`{Suggestion.Hint(id, Model.Time.JurisdictionTime.ZoneIds)}: name an IANA zone such as `America/Los_Angeles`, or `local` for a policy with no one place (time zone database {Model.Time.JurisdictionTime.DatabaseVersion})");
        return null;
    }

    public Dictionary<string, Source> ReadSources(YamlNode? node)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var item in r.List(node))
        {
            var m = r.Mapping(item, PolicyFormat.Source.Keys);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a source (id, title, url or citation)");
                continue;
            }

            var id = PolicyIds.Check(r, r.Required(m, "id"), "source");
            var title = r.Text(r.Required(m, "title"));
            var url = m["url"] is { } u ? r.Text(u) : null;
            var citation = m["citation"] is { } c ? r.Text(c) : null;
            if (url is null && citation is null)
            {
                r.Report(m.Node.Span, item.Path, "a source needs a `url` or a `citation` so readers can find it", DiagnosticCodes.Completeness);
            }

            if (id is not null && title is not null && !sources.TryAdd(id, new Source(id, title, url, citation)))
            {
                r.Report(m["id"]!.Span, m.PathOf("id"), $"source id `{id}` is used twice", DiagnosticCodes.Identity);
            }
        }

        return sources;
    }

    public Dictionary<string, OffenseCategories> ReadOffenseLists(YamlNode? node)
    {
        var lists = new Dictionary<string, OffenseCategories>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node))
        {
            var categories = new OffenseCategories(Categories(value));
            if (value is YamlScalar { IsNull: true } || (value is YamlSequence { Items.Count: 0 }))
            {
                r.Report(value.Span, value.Path, $"offense list `{key.Value}` is empty: list at least one category", DiagnosticCodes.Completeness);
            }

            lists[key.Value] = categories;
        }

        return lists;
    }

    /// <summary>The categories of a list as written, each word that names none reported.</summary>
    /// <remarks>An iterator, not a query: queries over an enum are framework code compiled at every start.</remarks>
    private IEnumerable<OffenseCategory> Categories(YamlNode value)
    {
        foreach (var item in r.List(value))
        {
            if (r.Word(item, typeof(OffenseCategory)) is OffenseCategory category)
            {
                yield return category;
            }
        }
    }

    public Dictionary<string, ConditionText> ReadNamedConditions(YamlNode? node, string text, Func<int, SourceSpan> locate)
    {
        var named = new Dictionary<string, ConditionText>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node))
        {
            if (r.Scalar(value, "a condition") is { } scalar)
            {
                named[key.Value] = new ConditionText(scalar.Value, value.Path, ScalarPositions.For(scalar, text, locate));
            }
        }

        return named;
    }

    public Dictionary<string, HoldLimit> ReadLimits(YamlNode? node)
    {
        var limits = new Dictionary<string, HoldLimit>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node))
        {
            var m = r.Mapping(value, PolicyFormat.Limit.Keys);
            if (m is null)
            {
                r.Report(value.Span, value.Path, "expected a limit (hours, exclude, description)");
                continue;
            }

            var hours = r.Integer(m["hours"], 0, 24 * 365);

            // Loops over the nodes and their words, not queries over (node, word) tuples: a query over a tuple is framework
            // code compiled at every start. Every word is read (and its problems reported) before any is refused.
            var excluded = r.List(m["exclude"]);
            var words = new string?[excluded.Count];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = r.Text(excluded[i]);
            }

            var weekends = false;
            var holidays = false;
            for (var i = 0; i < words.Length; i++)
            {
                switch (words[i])
                {
                    case "weekends":
                        weekends = true;
                        break;
                    case "federal_holidays":
                        holidays = true;
                        break;
                    case { } word:
                        r.Report(excluded[i].Span, excluded[i].Path, $"`{word}` cannot be excluded{Suggestion.Hint(word, ["weekends", "federal_holidays"])}; expected `weekends` or `federal_holidays`");
                        break;
                }
            }

            var description = m["description"] is { } d ? r.Text(d) : null;
            if (m["hours"] is null && description is null)
            {
                r.Report(m.Node.Span, value.Path, "a limit needs `hours`, or a `description` when no fixed number of hours applies", DiagnosticCodes.Completeness);
            }

            limits[key.Value] = new HoldLimit(key.Value, hours, weekends, holidays, description);
        }

        return limits;
    }

    /// <summary>The entries of a section of named definitions; a malformed name is reported and skipped.</summary>
    private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlNode? node)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            yield break;
        }

        if (node is not YamlMapping mapping)
        {
            r.Report(node.Span, node.Path, $"expected a mapping of names to definitions, found {node.Kind}");
            yield break;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (!PolicyIds.IsName(key.Value))
            {
                r.Report(key.Span, value.Path, $"name `{key.Value}` must be lowercase letters, digits, `_` and `-`", DiagnosticCodes.Identity);
                continue;
            }

            yield return (key, value);
        }
    }
}
