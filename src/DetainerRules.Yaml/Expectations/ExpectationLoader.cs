using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml.Expectations;

/// <summary>Reads expectation files: cases of a scenario (by reference or written out) and what one or more policies should decide for it.</summary>
/// <remarks>
/// A case's <c>expect</c> is for the file's <c>policy</c> (or the case's own <c>policy</c>);
/// <c>policies</c> maps further policy ids to what each should decide for the same scenario.
/// </remarks>
public static class ExpectationLoader
{
    private static readonly IReadOnlyList<string> TopKeys = ExpectationFormat.Top.Keys;
    private static readonly IReadOnlyList<string> CaseKeys = ExpectationFormat.Case.Keys;

    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    /// <param name="displayPath">How messages name the file; defaults to <paramref name="path"/>.</param>
    public static ExpectationFile LoadFile(string path, string? displayPath = null) => Load(InputFile.Read(path, displayPath), displayPath ?? path);

    /// <exception cref="InvalidInputException">The text has problems; all of them are listed.</exception>
    public static ExpectationFile Load(string text, string path)
    {
        var (root, _) = DocumentReader.Read(path, text);
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var top = r.Mapping(root, TopKeys)
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, DiagnosticCodes.Field, string.Empty, "expected `cases` (and usually `policy`)")]);
        var policy = top["policy"] is { } p ? r.Text(p) : null;
        var bookings = Bookings(r, top["timezone"]);
        var cases = new List<ExpectationCase>();
        var seen = new HashSet<(string, string)>();
        var index = 0;
        foreach (var item in r.List(r.Required(top, "cases")))
        {
            index++;
            var m = r.Mapping(item, CaseKeys);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a case (scenario, because, expect)");
                continue;
            }

            var name = m["name"] is { } n ? r.Text(n) : null;
            var (scenarioId, inline) = ReadScenario(r, m, name ?? $"case-{index}");
            var because = r.Text(r.Required(m, "because"));
            var expectations = new List<(string Policy, YamlNode Node, SourceSpan Span)>();
            var casePolicy = m["policy"] is { } cp ? r.Text(cp) : policy;
            var caseBookings = m["timezone"] is { } zone ? Bookings(r, zone) : bookings;
            if (m["expect"] is { } expect)
            {
                if (casePolicy is null)
                {
                    r.Report(expect.Span, m.PathOf("expect"), "`expect` needs a policy: give `policy` at the top of the file or in the case, or use `policies`", DiagnosticCodes.Reference);
                }
                else
                {
                    expectations.Add((casePolicy, expect, expect.Span));
                }
            }

            if (m["policies"] is YamlMapping byPolicy)
            {
                expectations.AddRange(byPolicy.Entries.Select(e => (e.Key.Value, e.Value, e.Key.Span)));
            }
            else if (m["policies"] is { } other)
            {
                r.Report(other.Span, other.Path, $"expected a mapping of policy ids to expected decisions, found {other.Kind}");
            }

            if (expectations.Count == 0 && m["expect"] is null)
            {
                r.Report(m.Node.Span, m.Node.Path, "a case needs `expect` (for the file's policy) or `policies`");
            }

            foreach (var (policyId, node, span) in expectations)
            {
                if (scenarioId is not null && !seen.Add((policyId, scenarioId)))
                {
                    r.Report(span, m.Node.Path, $"scenario `{scenarioId}` is expected twice for `{policyId}`", DiagnosticCodes.Identity);
                }

                var (decisions, outcome) = ReadExpect(r, node);
                if (scenarioId is not null && because is not null)
                {
                    cases.Add(new ExpectationCase(scenarioId, because, decisions, outcome, m.Node.Span) { Inline = inline, PolicyId = policyId, Bookings = caseBookings });
                }
            }
        }

        return diagnostics.Count > 0
            ? throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)])
            : new ExpectationFile(policy, cases, path);
    }

    /// <summary>Where the bookings are (<c>timezone</c>), read as <c>--timezone</c> is (<see cref="JurisdictionTime.OfBookings"/>); null, reported at the value, for a word that is not an IANA zone.</summary>
    private static JurisdictionTime? Bookings(FieldReader r, YamlNode? node)
    {
        if (node is null || r.Text(node) is not { } id)
        {
            return null;
        }

        var zone = JurisdictionTime.OfBookings(id, out var problem);
        if (problem is not null)
        {
            r.Report(node.Span, node.Path, problem);
        }

        return zone;
    }

    /// <summary>A reference (a scenario id, or a path to a scenario file) or a scenario written out in the case.</summary>
    private static (string? Id, Scenario? Inline) ReadScenario(FieldReader r, MappingView m, string fallbackId)
    {
        var node = r.Required(m, "scenario");
        if (node is YamlMapping)
        {
            var scenario = ScenarioLoader.Read(r, node, fallbackId);
            return (scenario?.Id, scenario);
        }

        return (r.Text(node), null);
    }

    private static (List<ExpectedDecision>, Outcome?) ReadExpect(FieldReader r, YamlNode? node)
    {
        var keys = ExpectationFormat.Expect.Keys;
        var m = r.Mapping(node, keys);
        var decisions = new List<ExpectedDecision>();
        if (m is null)
        {
            return (decisions, null);
        }

        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            if (m[Vocabulary.Word(kind)] is { } value && ReadDecision(r, kind, value) is { } expected)
            {
                decisions.Add(expected);
            }
        }

        return (decisions, r.Word(m["outcome"], typeof(Outcome)) as Outcome?);
    }

    private static ExpectedDecision? ReadDecision(FieldReader r, DecisionKind kind, YamlNode node)
    {
        if (node is not YamlMapping)
        {
            return r.Word(node, typeof(Modality)) is Modality plain ? new ExpectedDecision(kind, plain, null, null, false) : null;
        }

        var m = r.Mapping(node, ExpectationFormat.Expected.Keys)!;
        var value = r.Word(r.Required(m, "value"), typeof(Modality)) as Modality?;
        var at = m["at"] is { } atNode ? r.List(atNode).Select(n => r.Word(n, typeof(NotificationPoint))).OfType<NotificationPoint>().Order().ToList() : null;
        var holdUntil = r.Timestamp(m["hold_until"]);
        return value is null ? null : new ExpectedDecision(kind, value.Value, at, holdUntil, m["hold_until"] is not null);
    }
}
