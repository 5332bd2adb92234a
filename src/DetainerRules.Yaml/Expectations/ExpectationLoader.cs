using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Expectations;

/// <summary>Reads expectation files: a policy id and, per scenario, the expected decisions and outcome.</summary>
public static class ExpectationLoader
{
    private static readonly string[] CaseKeys = ["scenario", "because", "expect"];

    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static ExpectationFile LoadFile(string path)
    {
        var (root, _) = DocumentReader.Read(path, InputFile.Read(path));
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var top = r.Mapping(root, ["policy", "cases"])
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, PolicyDiagnosticCodes.Field, string.Empty, "expected `policy` and `cases`")]);
        var policy = r.Text(r.Required(top, "policy"));
        var cases = new List<ExpectationCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in r.List(r.Required(top, "cases")))
        {
            var m = r.Mapping(item, CaseKeys);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a case (scenario, because, expect)");
                continue;
            }

            var scenario = r.Text(r.Required(m, "scenario"));
            if (scenario is not null && !seen.Add(scenario))
            {
                r.Report(m["scenario"]!.Span, m.PathOf("scenario"), $"scenario `{scenario}` is expected twice", PolicyDiagnosticCodes.Identity);
            }

            var because = r.Text(r.Required(m, "because"));
            var (decisions, outcome) = ReadExpect(r, r.Required(m, "expect"));
            if (scenario is not null && because is not null)
            {
                cases.Add(new ExpectationCase(scenario, because, decisions, outcome, m.Node.Span));
            }
        }

        return diagnostics.Count > 0 ? throw new InvalidInputException(diagnostics) : new ExpectationFile(policy!, cases, path);
    }

    private static (List<ExpectedDecision>, Outcome?) ReadExpect(FieldReader r, YamlNode? node)
    {
        var keys = Vocabulary.Words<DecisionKind>().Append("outcome").ToArray();
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

        return (decisions, r.Word<Outcome>(m["outcome"]));
    }

    private static ExpectedDecision? ReadDecision(FieldReader r, DecisionKind kind, YamlNode node)
    {
        if (node is not YamlMapping)
        {
            return r.Word<Modality>(node) is { } plain ? new ExpectedDecision(kind, plain, null, null, false) : null;
        }

        var m = r.Mapping(node, ["value", "at", "hold_until"])!;
        var value = r.Word<Modality>(r.Required(m, "value"));
        var at = m["at"] is { } atNode ? r.List(atNode).Select(r.Word<NotificationPoint>).OfType<NotificationPoint>().Order().ToList() : null;
        var holdUntil = r.Timestamp(m["hold_until"]);
        return value is null ? null : new ExpectedDecision(kind, value.Value, at, holdUntil, m["hold_until"] is not null);
    }
}
