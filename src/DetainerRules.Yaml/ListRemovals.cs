using System.Text.RegularExpressions;
using DetainerRules.Language;
using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Notes what a variant's <c>replace_offense_lists</c> and <c>replace_conditions</c> take out of its base's lists, before the replacement is merged.</summary>
/// <remarks>Kept on the policy so a check can find inherited rules whose <c>because</c> still gives a removed entry as a reason.</remarks>
internal static partial class ListRemovals
{
    public static void NoteLists(PolicyDraft draft, Dictionary<string, OffenseCategories> replacing, YamlNode? node, string origin)
    {
        foreach (var (name, categories) in replacing)
        {
            if (draft.OffenseLists.TryGetValue(name, out var before))
            {
                Note(draft, "offense_lists:" + name, [.. before.Categories.Select(c => Vocabulary.Word(c))], [.. categories.Categories.Select(c => Vocabulary.Word(c))], node, name, origin);
            }
        }
    }

    public static void NoteConditions(PolicyDraft draft, Dictionary<string, ConditionText> replacing, YamlNode? node, string origin)
    {
        foreach (var (name, condition) in replacing)
        {
            if (draft.Conditions.TryGetValue(name, out var before))
            {
                Note(draft, "conditions:" + name, Entries(before.Text), Kept(draft, condition.Text), node, name, origin);
            }
        }
    }

    private static void Note(PolicyDraft draft, string part, IReadOnlyCollection<string> before, IReadOnlyCollection<string> after, YamlNode? node, string name, string origin)
    {
        // An entry a later variant puts back is no longer removed.
        draft.Removals.RemoveAll(r => r.Part == part && after.Contains(r.Entry));
        var span = node is YamlMapping m && m.ValueOf(name) is { } entry ? entry.Span : node?.Span ?? draft.Span;
        draft.Removals.AddRange(before.Where(e => !after.Contains(e)).Distinct(StringComparer.Ordinal).Select(e => new ListRemoval(e, part, origin, span)));
    }

    /// <summary>The entries of every bracketed list in a condition: <c>category in [dui, theft]</c>.</summary>
    private static List<string> Entries(string condition) =>
        [.. BracketedList().Matches(condition).SelectMany(m => m.Groups[1].Value.Split(',')).Select(e => e.Trim().Trim('\'', '"', '`')).Where(e => e.Length > 0)];

    /// <summary>What a replacing condition still names: its bracketed entries, its words, and the entries of the offense lists it names.</summary>
    private static HashSet<string> Kept(PolicyDraft draft, string condition)
    {
        var words = Word().Matches(condition).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var kept = new HashSet<string>(Entries(condition).Concat(words), StringComparer.Ordinal);
        foreach (var list in draft.OffenseLists.Where(l => words.Contains(l.Key)))
        {
            kept.UnionWith(list.Value.Categories.Select(c => Vocabulary.Word(c)));
        }

        return kept;
    }

    [GeneratedRegex(@"\[([^\[\]]*)\]")]
    private static partial Regex BracketedList();

    [GeneratedRegex(@"[A-Za-z0-9_-]+")]
    private static partial Regex Word();
}
