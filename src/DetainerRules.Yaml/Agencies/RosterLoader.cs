using DetainerRules.Model.Agencies;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml.Agencies;

/// <summary>Reads one agency roster file (<see cref="AgencyFormat"/>), reporting every problem with its position.</summary>
public static class RosterLoader
{
    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    /// <param name="displayPath">How messages name the file; defaults to <paramref name="path"/>.</param>
    public static Roster LoadFile(string path, string? displayPath = null) => Load(InputFile.Read(path, displayPath), displayPath ?? path);

    /// <exception cref="InvalidInputException">The text has problems; all of them are listed.</exception>
    public static Roster Load(string text, string path)
    {
        var (root, _) = DocumentReader.Read(path, text);
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var top = r.Mapping(root, AgencyFormat.Top.Keys)
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, DiagnosticCodes.Field, string.Empty, "expected an agency roster: `source` and `agencies`")]);
        var source = ReadSource(r, r.Mapping(r.Required(top, "source"), AgencyFormat.Source.Keys));
        var agencies = new List<Agency>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in r.List(r.Required(top, "agencies")))
        {
            if (ReadAgency(r, item) is not { } agency)
            {
                continue;
            }

            if (!ids.Add(agency.Id))
            {
                r.Report(item.Span, item.Path, $"agency `{agency.Id}` is listed twice: give each agency one entry, with all its agreements", DiagnosticCodes.Identity);
                continue;
            }

            agencies.Add(agency);
        }

        var refused = new List<RefusedRow>();
        foreach (var item in r.List(top["refused"]))
        {
            var m = r.Mapping(item, AgencyFormat.Refused.Keys);
            var line = m is null ? null : r.Integer(r.Required(m, "line"), 1, int.MaxValue);
            var reason = m is null ? null : r.Text(r.Required(m, "reason"));
            var agency = m?["agency"] is { } a ? r.Text(a) : null;
            if (line is not null && reason is not null)
            {
                refused.Add(new RefusedRow(line.Value, agency, reason));
            }
        }

        return diagnostics.Count > 0 || source is null
            ? throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)])
            : new Roster(source, agencies, refused, path);
    }

    private static RosterSource? ReadSource(FieldReader r, MappingView? m)
    {
        if (m is null)
        {
            return null;
        }

        var title = r.Text(r.Required(m, "title"));
        var publisher = r.Text(r.Required(m, "publisher"));
        var url = m["url"] is { } u ? r.Text(u) : null;
        var snapshot = m["snapshot"] is { } s ? r.Text(s) : null;
        var asOf = r.Date(r.Required(m, "as_of"));
        return title is null || publisher is null || asOf is null ? null : new RosterSource(title, publisher, url, snapshot, asOf.Value);
    }

    private static Agency? ReadAgency(FieldReader r, YamlNode item)
    {
        var m = r.Mapping(item, AgencyFormat.Agency.Keys);
        if (m is null)
        {
            r.Report(item.Span, item.Path, "expected an agency (id, name, type, state, agreements)");
            return null;
        }

        var id = Pattern(r, r.Required(m, "id"), AgencyFormat.IdPattern, "an ORI (two letters and seven letters or digits) or the state's postal code in lowercase, a dash and the name in lowercase letters, digits and dashes");
        var name = r.Text(r.Required(m, "name"));
        var type = r.Word(r.Required(m, "type"), typeof(AgencyType)) as AgencyType?;
        var state = State(r, r.Required(m, "state"));
        var county = m["county"] is { } c ? r.Text(c) : null;
        var ori = m["ori"] is { } o ? Pattern(r, o, AgencyFormat.OriPattern, "an ORI: two letters and seven letters or digits") : null;
        var policy = m["policy"] is { } p ? Pattern(r, p, PolicyFormat.IdPattern, "a policy id or family: lowercase letters, digits and dashes") : null;
        var agreements = new List<Agreement>();
        foreach (var node in r.List(m["agreements"]))
        {
            var a = r.Mapping(node, AgencyFormat.Agreement.Keys);
            if (a is null)
            {
                r.Report(node.Span, node.Path, "expected an agreement (model, signed)");
                continue;
            }

            var model = r.Word(r.Required(a, "model"), typeof(AgreementModel)) as AgreementModel?;
            var signed = r.Date(r.Required(a, "signed"));
            var ends = r.Date(a["ends"]);
            if (signed is not null && ends is not null && ends < signed)
            {
                r.Report(a["ends"]!.Span, a.PathOf("ends"), $"the agreement ends ({ends:yyyy-MM-dd}) before it was signed ({signed:yyyy-MM-dd})");
            }
            else if (model is not null && signed is not null)
            {
                agreements.Add(new Agreement(model.Value, signed.Value, ends));
            }
        }

        return id is null || name is null || type is null || state is null
            ? null
            : new Agency(id, name, type.Value, state, county, ori, policy, agreements);
    }

    private static string? State(FieldReader r, YamlNode? node)
    {
        var text = r.Text(node);
        var states = AgencyFormat.Agency["state"].Shape is WordShape w ? w.Words : [];
        if (text is null || states.Contains(text))
        {
            return text;
        }

        r.Report(node!.Span, node.Path, $"`{text}` is not a state's postal code{Suggestion.Hint(text, states)}; expected e.g. `NV`, `TX`, `DC`");
        return null;
    }

    private static string? Pattern(FieldReader r, YamlNode? node, string pattern, string expected)
    {
        var text = r.Text(node);
        if (text is null || System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
        {
            return text;
        }

        r.Report(node!.Span, node.Path, $"`{text}` is not {expected}", DiagnosticCodes.Identity);
        return null;
    }
}
