using System.Diagnostics;
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
            return verdict.Outcome.Value switch
            {
                Outcome.HeldForIce when verdict.Outcome.HoldUntil is { } until => $"held for ICE until {Format.Timestamp(until)}",
                Outcome.HeldForIce => "held for ICE",
                Outcome.TransferredToIce => "transferred to ICE",
                Outcome.Released => "released",
                Outcome.Discretionary => "discretionary",
                _ => throw new UnreachableException($"no cell for the outcome {verdict.Outcome.Value}"),
            };
        }

        return Answer.Of(verdict[kind]).Text;
    }
}
