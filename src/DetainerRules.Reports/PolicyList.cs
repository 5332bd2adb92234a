using DetainerRules.Model;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>The catalog as a table: each policy's family, dates, zone, its rules and answering defaults, and how well they are verified.</summary>
public static class PolicyList
{
    private static readonly Verification[] Levels = Enum.GetValues<Verification>();

    public static void Write(TextWriter w, IEnumerable<Policy> policies)
    {
        string[] header = ["id", "state", "family", "in force", "time zone", "rules", "defaults", .. Levels.Select(l => Vocabulary.Word(l)), "title"];
        var rows = policies.Select(p => (string[])
        [
            p.Id,
            p.State ?? "-",
            p.Family ?? "-",
            $"{p.EffectiveFrom?.ToString() ?? "?"} to {p.EffectiveUntil?.ToString() ?? "now"}",
            p.Time.Name ?? "-",
            p.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PolicyText.AnsweringDefaults(p).ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. PolicyText.AnswersByLevel(p).Select(l => l.Answers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            p.Title,
        ]).ToList();
        TextTable.Write(w, header, rows);
    }
}
