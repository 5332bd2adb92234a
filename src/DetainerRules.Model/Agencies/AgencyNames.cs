using System.Text;

namespace DetainerRules.Model.Agencies;

/// <summary>How agency names are compared, turned into ids, and read for the kind of agency they name.</summary>
/// <remarks>
/// Sources spell one agency many ways ("Sheriff's Office", "Sheriffs Office", "Sheriff", "SO";
/// "Police Department", "Police Dept.", "PD"), so names are compared by a key in which those
/// spellings, case and punctuation no longer count.
/// </remarks>
public static class AgencyNames
{
    /// <summary>Words that name the same kind of office, folded to one word each; longest phrases first.</summary>
    /// <remarks>
    /// Built for each name rather than held in a static field: a few dozen small objects a name, and
    /// a change to the table shows in the next lookup, where a static field is set once per process
    /// and hides a change from a mutation run that reuses its test process (tests/README.md).
    /// </remarks>
    private static (string[] Phrase, string Word)[] Synonyms() =>
    [
        (["sheriffs", "office"], "sheriff"),
        (["sheriff", "office"], "sheriff"),
        (["sheriffs", "department"], "sheriff"),
        (["sheriff", "department"], "sheriff"),
        (["sheriffs"], "sheriff"),
        (["so"], "sheriff"),
        (["police", "department"], "police"),
        (["pd"], "police"),
        (["department", "of", "corrections"], "corrections"),
        (["doc"], "corrections"),
        (["the"], string.Empty),
    ];

    /// <summary>A word with its abbreviation spelled out, read before <see cref="Synonyms"/> so that "Sheriff's Dept." folds like "Sheriff's Department".</summary>
    private static string Unabbreviated(string word) => word switch
    {
        "co" => "county",
        "dept" or "dep" => "department",
        _ => word,
    };

    /// <summary>An id from a state and a name: <c>nv-las-vegas-metropolitan-police-department</c>.</summary>
    public static string Slug(string state, string name)
    {
        var words = string.Join('-', Words(name));
        var slug = $"{state.ToLowerInvariant()}-{words}";
        return slug.Length <= 150 ? slug : slug[..150].TrimEnd('-');
    }

    /// <summary>The key two names share when they name the same agency, however they spell its kind of office.</summary>
    public static string Key(string name)
    {
        var words = Words(name).Select(Unabbreviated).ToList();
        var synonyms = Synonyms();
        var folded = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            var match = synonyms.FirstOrDefault(s => i + s.Phrase.Length <= words.Count && s.Phrase.SequenceEqual(words.Skip(i).Take(s.Phrase.Length)));
            if (match.Phrase is null)
            {
                folded.Add(words[i++]);
                continue;
            }

            if (match.Word.Length > 0)
            {
                folded.Add(match.Word);
            }

            i += match.Phrase.Length;
        }

        return string.Join(' ', folded);
    }

    /// <summary>The first letters of the name's words, in lowercase: <c>lvmpd</c>, <c>nycdoc</c> (New York City Department of Correction).</summary>
    public static string Initials(string name) => string.Concat(Words(name).Select(w => w[0]));

    /// <summary>What kind of agency a name and ICE's jurisdiction type (<c>County</c>, <c>Municipality</c>, <c>State Agency</c>) describe.</summary>
    public static AgencyType Classify(string name, string? jurisdiction)
    {
        var words = Words(name).ToHashSet(StringComparer.Ordinal);
        if (words.Contains("sheriff") || words.Contains("sheriffs"))
        {
            return AgencyType.Sheriff;
        }

        if (words.Overlaps(["corrections", "correction", "correctional", "jail", "jails", "detention", "prison", "prisons", "rehabilitation"]))
        {
            return AgencyType.Corrections;
        }

        if (jurisdiction is not null && Words(jurisdiction).SequenceEqual(["state", "agency"]))
        {
            return AgencyType.StateAgency;
        }

        return words.Contains("police") || (words.Contains("public") && words.Contains("safety")) ? AgencyType.LocalPolice : AgencyType.Other;
    }

    /// <summary>The name's words in lowercase letters and digits: apostrophes and the Hawaiian ʻokina dropped (<c>sheriff's</c> is <c>sheriffs</c>, <c>Kauaʻi</c> is <c>kauai</c>), marks taken off Latin letters (<c>José</c> is <c>jose</c>), <c>&amp;</c> read as <c>and</c>, other marks split words.</summary>
    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (LatinLetters.Plain(c) is { } plain)
            {
                word.Append(plain);
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '\u02bc' or '\u02bb' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // Inside a word: "Sheriff's" is one word; a combining accent drops from its letter.
            }
            else
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                if (c == '&')
                {
                    yield return "and";
                }
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
