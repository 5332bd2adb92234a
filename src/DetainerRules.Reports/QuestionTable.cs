using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>A Markdown table of several policies' answers to the same questions, one row per question.</summary>
public static class QuestionTable
{
    /// <param name="rows">Each question's text, the scenario it is asked of, the decision that answers it (null: the outcome), and one verdict per policy in column order.</param>
    public static string Markdown(IReadOnlyList<string> policies, IEnumerable<(string Ask, string Scenario, DecisionKind? Decision, IReadOnlyList<Verdict> Verdicts)> rows)
    {
        var text = new StringBuilder();
        text.Append("| question | scenario |");
        foreach (var policy in policies)
        {
            text.Append($" {MarkdownText.Cell(MarkdownText.Code(policy))} |");
        }

        text.Append('\n').Append("|---|---|").Append(string.Concat(policies.Select(_ => "---|"))).Append('\n');
        foreach (var (ask, scenario, decision, verdicts) in rows)
        {
            text.Append($"| {MarkdownText.Cell(MarkdownText.Text(ask))} | {MarkdownText.Cell(MarkdownText.Code(scenario))} |");
            foreach (var verdict in verdicts)
            {
                text.Append(' ').Append(MarkdownText.Cell(MarkdownText.Text(Cell(verdict, decision)))).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(Verdict verdict, DecisionKind? decision)
    {
        if (decision is not { } kind)
        {
            return OutcomeWords.Of(verdict.Outcome.Value) + (verdict.Outcome is { Value: Outcome.HeldForIce, HoldUntil: { } until } ? $" until {Format.Timestamp(until)}" : string.Empty);
        }

        return Answer.Of(verdict[kind]).Text;
    }
}
