using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>Which states the catalog covers, and how well each one's rules and answering defaults are verified, as Markdown.</summary>
/// <remarks>
/// Every state and the District of Columbia has a row, with a policy or not, so a reader sees the
/// gaps as plainly as the coverage; territories and federal policy follow where the catalog has any.
/// </remarks>
public static class CoverageMap
{
    private static readonly Verification[] Levels = Enum.GetValues<Verification>();

    public static string Markdown(IReadOnlyList<Policy> policies)
    {
        var byState = policies.Where(p => p.State is not null).GroupBy(p => p.State!).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var rows = UsJurisdictions.StatesAndDistrict
            .Concat(byState.Keys.Where(k => !UsJurisdictions.StatesAndDistrict.Contains(k)).Order(StringComparer.Ordinal))
            .ToList();
        var w = new StringWriter { NewLine = "\n" };
        var covered = UsJurisdictions.StatesAndDistrict.Count(byState.ContainsKey);
        var answers = policies.SelectMany(Support.OfAnswers).ToList();
        var primary = answers.Count(l => l == Verification.Primary);
        var rules = policies.Sum(p => p.Rules.Count);
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{covered} of the {UsJurisdictions.StatesAndDistrict.Count - 1} states and the District of Columbia have a policy in the catalog; of its {rules} rules and {answers.Count - rules} answering defaults, {primary} rest on the provision's own text (`primary`). A policy without a `state` is not counted."));
        w.WriteLine();
        w.WriteLine($"| state | policies | rules | defaults | {string.Join(" | ", Levels.Select(l => Vocabulary.Word(l)))} |");
        w.WriteLine($"|---|---|---:|---:|{string.Concat(Levels.Select(_ => "---:|"))}");
        foreach (var code in rows)
        {
            var name = $"{Markdown(UsJurisdictions.Names[code])} ({code})";
            if (!byState.TryGetValue(code, out var here))
            {
                w.WriteLine($"| {name} | none yet | | | {string.Join(" | ", Levels.Select(_ => string.Empty))} |");
                continue;
            }

            var levels = here.SelectMany(Support.OfAnswers).ToList();
            var counts = Levels.Select(l => levels.Count(v => v == l).ToString(CultureInfo.InvariantCulture));
            var stateRules = here.Sum(p => p.Rules.Count);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", here.Select(p => $"`{p.Id}`"))} | {stateRules} | {levels.Count - stateRules} | {string.Join(" | ", counts)} |"));
        }

        return w.ToString();
    }

    private static string Markdown(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
