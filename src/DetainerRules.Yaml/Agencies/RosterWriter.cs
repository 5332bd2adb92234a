using System.Globalization;
using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;

namespace DetainerRules.Yaml.Agencies;

/// <summary>Writes a roster in the roster format (<see cref="Formats.AgencyFormat"/>), one agency a few lines, the same roster always to the same bytes.</summary>
/// <remarks>Every text from the source is written double-quoted with YAML's escapes, so no name can break a line or the file's structure.</remarks>
public static class RosterWriter
{
    /// <param name="schema">The schema's path relative to the file, for the editor's modeline; null for none.</param>
    public static string Write(Roster roster, string? schema)
    {
        var w = new StringBuilder();
        if (schema is not null)
        {
            w.Append("# yaml-language-server: $schema=").Append(schema).Append('\n');
        }

        w.Append("# Written by `detainer agencies import`; refresh it the same way rather than by hand.\n");
        var s = roster.Source;
        w.Append("source:\n");
        w.Append("  title: ").Append(Quote(s.Title)).Append('\n');
        w.Append("  publisher: ").Append(Quote(s.Publisher)).Append('\n');
        Optional(w, "  ", "url", s.Url);
        Optional(w, "  ", "snapshot", s.Snapshot);
        w.Append("  as_of: ").Append(Date(s.AsOf)).Append('\n');
        w.Append(roster.Agencies.Count == 0 ? "agencies: []\n" : "agencies:\n");
        foreach (var a in roster.Agencies)
        {
            w.Append("  - id: ").Append(a.Id).Append('\n');
            w.Append("    name: ").Append(Quote(a.Name)).Append('\n');
            w.Append("    type: ").Append(Vocabulary.Word(a.Type)).Append('\n');
            w.Append("    state: ").Append(a.State).Append('\n');
            Optional(w, "    ", "county", a.County);
            Optional(w, "    ", "ori", a.Ori);
            Optional(w, "    ", "policy", a.Policy);
            if (a.Agreements.Count > 0)
            {
                w.Append("    agreements:\n");
                foreach (var g in a.Agreements)
                {
                    w.Append("      - { model: ").Append(Vocabulary.Word(g.Model)).Append(", signed: ").Append(Date(g.Signed));
                    if (g.Ends is { } ends)
                    {
                        w.Append(", ends: ").Append(Date(ends));
                    }

                    w.Append(" }\n");
                }
            }
        }

        if (roster.Refused.Count > 0)
        {
            w.Append("refused:\n");
            foreach (var r in roster.Refused)
            {
                w.Append("  - line: ").Append(r.Line.ToString(CultureInfo.InvariantCulture)).Append('\n');
                Optional(w, "    ", "agency", r.Agency);
                w.Append("    reason: ").Append(Quote(r.Reason)).Append('\n');
            }
        }

        return w.ToString();
    }

    private static void Optional(StringBuilder w, string indent, string key, string? value)
    {
        if (value is not null)
        {
            w.Append(indent).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: backslash, quote and every control, line or format character escaped.</summary>
    internal static string Quote(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    b.Append("\\\\");
                    break;
                case '"':
                    b.Append("\\\"");
                    break;
                default:
                    if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }
}
