using System.Text.Json;
using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;

namespace DetainerRules.Reports;

/// <summary>What <c>detainer test</c> prints: each failure side by side with its explanation, then rule and condition coverage, then the count.</summary>
public static class TestReport
{
    public static void Write(TextWriter w, IReadOnlyList<CaseResult> results, IReadOnlyList<RuleCoverage> rules, IReadOnlyList<ConditionCoverage> conditions, ConditionTracer tracer)
    {
        foreach (var result in results.Where(r => !r.Passed))
        {
            w.WriteLine($"FAIL {result.Case.Span}: {result.Case.PolicyId} on {result.Case.ScenarioId}");
            w.WriteLine($"  because: {result.Case.Because}");
            if (result.Error is { } error)
            {
                w.WriteLine($"  error: {error}");
                w.WriteLine();
                continue;
            }

            var rows = result.Mismatches.Select(m => new[] { m.What, m.Expected, m.Actual, m.Why }).ToList();
            TextTable.Write(w, ["what", "expected", "actual", "decided by"], rows, "  ");
            var kinds = result.Mismatches.Select(m => m.What.Split('.')[0]).Distinct().ToList();
            var explanations = DecisionExplanation.Of(result.Verdict!, tracer);
            foreach (var decision in result.Verdict!.Decisions.Where(d => kinds.Contains(Model.Vocabulary.Word(d.Kind))))
            {
                foreach (var trace in explanations[decision.Kind].Deciding.Concat(explanations[decision.Kind].Conflict))
                {
                    w.WriteLine($"  {Model.Vocabulary.Word(decision.Kind)} was decided by {trace.Rule.Id} ({trace.Policy}): {trace.Rule.Because}");
                    TextReport.WriteNode(w, trace.When, "    ");
                }
            }

            w.WriteLine();
        }

        w.WriteLine("Rule coverage (rules some test made fire):");
        foreach (var r in rules)
        {
            var total = r.Fired.Count + r.NeverFired.Count;
            w.WriteLine($"  {r.Policy}: {r.Fired.Count} of {total}{(r.NeverFired.Count > 0 ? "; never fired: " + string.Join(", ", r.NeverFired) : string.Empty)}");
        }

        w.WriteLine("Condition coverage (conditions shown to matter both true and false, the rest of the rule held):");
        foreach (var group in conditions.GroupBy(c => c.Policy))
        {
            w.WriteLine($"  {group.Key}: {group.Count(c => c.Covered)} of {group.Count()}");
            foreach (var c in group.Where(c => !c.Covered))
            {
                var missing = (c.ShownTrue, c.ShownFalse) switch
                {
                    (false, false) => "never shown to matter",
                    (true, false) => "never shown to matter when false",
                    _ => "never shown to matter when true",
                };
                w.WriteLine($"    {c.Rule}: `{c.Condition}` {missing}");
            }
        }

        w.WriteLine();
        w.WriteLine($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed");
    }

    public static string ToJson(IReadOnlyList<CaseResult> results, IReadOnlyList<RuleCoverage> rules, IReadOnlyList<ConditionCoverage> conditions)
    {
        return JsonReport.Render(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("passed", results.Count(r => r.Passed));
            w.WriteNumber("failed", results.Count(r => !r.Passed));
            w.WriteStartArray("results");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("file", r.File);
                w.WriteNumber("line", r.Case.Span.Line);
                w.WriteString("policy", r.Case.PolicyId);
                w.WriteString("scenario", r.Case.ScenarioId);
                w.WriteBoolean("passed", r.Passed);
                w.WriteString("error", r.Error);
                w.WriteStartArray("mismatches");
                foreach (var m in r.Mismatches)
                {
                    w.WriteStartObject();
                    w.WriteString("what", m.What);
                    w.WriteString("expected", m.Expected);
                    w.WriteString("actual", m.Actual);
                    w.WriteString("decided_by", m.Why);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rule_coverage");
            foreach (var c in rules)
            {
                w.WriteStartObject();
                w.WriteString("policy", c.Policy);
                JsonReport.WriteStrings(w, "fired", c.Fired);
                JsonReport.WriteStrings(w, "never_fired", c.NeverFired);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("condition_coverage");
            foreach (var c in conditions)
            {
                w.WriteStartObject();
                w.WriteString("policy", c.Policy);
                w.WriteString("rule", c.Rule);
                w.WriteString("condition", c.Condition);
                w.WriteBoolean("shown_true", c.ShownTrue);
                w.WriteBoolean("shown_false", c.ShownFalse);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
