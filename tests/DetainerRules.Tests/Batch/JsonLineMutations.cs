using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// Damaged copies of a good JSON line, reproducible from a seed: wrong types, unknown and missing
/// keys, bad times and dates, deep nesting, repeated keys, escapes and raw characters YAML treats
/// specially, JSON numbers YAML reads as text, long values, truncation and trailing garbage.
/// </summary>
/// <remarks>
/// Some copies stay valid JSON (the fast reader must then give the YAML reader's nodes), some
/// break JSON or a limit (it must then leave the line to the YAML reader). Each copy is one line.
/// </remarks>
internal static class JsonLineMutations
{
    // Deep enough for a nest put at the bottom of a scenario.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 128 };
    private static readonly JsonSerializerOptions Escaped = new() { MaxDepth = 128 };
    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 128 };

    private static readonly string[] RawValues =
    [
        "1", "-0", "0", "1e3", "1E+3", "-1.5E+7", "0.5", "123456789012345678901234567890", "1e400", "true", "false", "null",
        "\"\"", "\" \"", "\"felony\"", "\"Felony\"", "\"FELONY\"", "\"true\"", "\"null\"", "\"~\"", "\"yes\"", "\"2025-02-30\"", "\"2025-01-17\"",
        "\"2025-01-17T09:30:00Z\"", "\"2025-13-01T00:00:00Z\"", "\"1800-01-01T00:00:00Z\"", "\"2025-01-17T09:30:00\"", "\"2025-01-17 09:30\"",
        "\"yesterday\"", "\"2201-01-01\"", "\"1899-12-31\"", "\"i_247a\"", "\"I-247A\"", "\"administrative\"", "\"noncitizen\"",
        "\"\\u00e9\"", "\"\\/\"", "\"\\ud83d\\ude00\"", "\"a\\nb\"", "\"\\t\"", "\"\\\"q\\\"\"", "\"\\\\\"", "\"\\u0000\"", "\"\\u2028\"", "\"\\u0085\"",
        "\"é\"", "\"😀\"", "\"日本\"", "\"a\u00a0b\"", "\"<&>'+\"", "\"# not a comment\"", "\"a: b, c\"", "\"*alias\"", "\"&anchor\"", "\"!!str\"",
        "[]", "{}", "[1,\"a\",null]", "{\"a\":1}", "[{}]", "{\"offense\":\"x\",\"level\":\"felony\",\"category\":\"theft\"}",
    ];

    private static readonly string[] Escapes =
    [
        "\\u00e9", "\\/", "\\ud83d\\ude00", "\\ud83d", "\\ude00x", "\\u0041", "\\n", "\\b", "\\f", "\\r", "\\t", "\\\"", "\\\\", "\\u0000", "\\u001f",
        "\\u007f", "\\u0085", "\\u2028", "\\ufeff", "\\uFFFF", "\\x41", "\\U0001F600", "\\e", "\\ ", "\\0", "\\a", "\\N", "\\_", "\\L", "\\P", "\\u12",
        "é", "😀", "日本", "\u0085", "\u2028", "\u2029", "\u00a0", "\u007f", "\u0080", "\u009f", "\uFEFF", "\uFFFE", "\uFFFD", "\t", "\ud83d", "\ude00",
    ];

    private static readonly string[] Trailers = [" x", "#c", " #c", ",", "}", "]", "{}", "\t", "   ", "\u00a0", " ...", " ---", "\n{}", ", {}", "\uFEFF", "\u2028"];

    private static readonly string[] Prefixes = [" ", "   ", "\t", "\uFEFF", "[", "---\n", "--- ", "%YAML 1.2\n", "!!map ", "&a ", "\u00a0"];

    private static readonly string[] TopKeys = ["id", "description", "booked_at", "person", "charges", "convictions", "detainer", "custody", "ice", "requests"];

    private static readonly string[] Typos = ["bookedat", "booked_on", "Charges", "chargez", "", " ", "id ", "é", "😀", "a.b", "x[0]", "level", "__proto__", "null", "true", "1"];

    /// <summary>One damaged copy of <paramref name="line"/>.</summary>
    public static string Mutate(Random random, string line) => random.Next(12) switch
    {
        0 or 1 or 2 => Structural(random, line),
        3 => Structural(random, Structural(random, line)),
        4 => Escape(random, line),
        5 => RepeatKey(random, line),
        6 => random.Next(2) == 0 ? line + Pick(random, Trailers) : Pick(random, Prefixes) + line,
        7 => Truncate(random, line),
        8 => Scramble(random, line),
        9 => Spaced(random, line),
        10 => ManyKeys(random, line),
        _ => LongValue(random, line),
    };

    /// <summary>A value replaced, removed, renamed or added somewhere in the tree, written with plain or escaped non-ASCII.</summary>
    private static string Structural(Random random, string line)
    {
        if (JsonNode.Parse(line, documentOptions: Deep) is not JsonObject root)
        {
            return line;
        }

        var places = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, places);
        var (parent, key, index) = Pick(random, places);
        switch (random.Next(5))
        {
            case 0 when parent is JsonObject o && key is not null:
                o.Remove(key);
                break;
            case 1 when parent is JsonObject o && key is not null:
                var moved = o[key];
                o.Remove(key);
                o[Pick(random, Typos)] = moved;
                break;
            case 2 when parent is JsonObject o:
                o[random.Next(2) == 0 ? Pick(random, Typos) : Pick(random, TopKeys)] = Value(random);
                break;
            case 3:
                var deep = Nest(random, random.Next(28, 38));
                Replace(parent, key, index, deep);
                break;
            default:
                Replace(parent, key, index, Value(random));
                break;
        }

        return root.ToJsonString(random.Next(2) == 0 ? Relaxed : Escaped);
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> places)
    {
        switch (node)
        {
            case JsonObject o:
                places.Add((o, null, -1));
                foreach (var (key, value) in o.ToList())
                {
                    places.Add((o, key, -1));
                    if (value is not null)
                    {
                        Collect(value, places);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    places.Add((a, null, i));
                    if (a[i] is { } item)
                    {
                        Collect(item, places);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject o:
                o[key ?? "extra"] = value;
                break;
            case JsonArray a when index >= 0:
                a[index] = value;
                break;
        }
    }

    private static JsonNode? Value(Random random) => JsonNode.Parse(Pick(random, RawValues));

    /// <summary>Lists or mappings nested <paramref name="depth"/> deep, about the reader's limit of 32.</summary>
    private static JsonNode Nest(Random random, int depth)
    {
        var text = random.Next(2) == 0
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return JsonNode.Parse(text, documentOptions: Deep)!;
    }

    /// <summary>An escape or a raw character put at the start of a string (a key or a value).</summary>
    private static string Escape(Random random, string line)
    {
        var quotes = Enumerable.Range(0, line.Length).Where(i => line[i] == '"' && i > 0 && line[i - 1] is ':' or '{' or ',' or '[').ToList();
        if (quotes.Count == 0)
        {
            return line;
        }

        var at = Pick(random, quotes) + 1;
        return line[..at] + Pick(random, Escapes) + line[at..];
    }

    /// <summary>The first key of some mapping written a second time, first in that mapping.</summary>
    private static string RepeatKey(Random random, string line)
    {
        var opens = Enumerable.Range(0, line.Length - 1).Where(i => line[i] == '{' && line[i + 1] == '"').ToList();
        if (opens.Count == 0)
        {
            return line;
        }

        var open = Pick(random, opens);
        var end = line.IndexOf('"', open + 2);
        var key = line[(open + 2)..end];
        return line[..(open + 1)] + $"\"{key}\":{Pick(random, RawValues)}," + line[(open + 1)..];
    }

    private static string Truncate(Random random, string line) => line[..random.Next(line.Length)];

    /// <summary>A character deleted, doubled or replaced by one that means something to JSON or YAML.</summary>
    private static string Scramble(Random random, string line)
    {
        var at = random.Next(line.Length);
        const string Significant = "{}[]:,\"\\ #&*!|>'%@`-?0aé\t";
        return random.Next(3) switch
        {
            0 => line.Remove(at, 1),
            1 => line.Insert(at, line[at].ToString()),
            _ => line.Remove(at, 1).Insert(at, Significant[random.Next(Significant.Length)].ToString()),
        };
    }

    /// <summary>Spaces (or tabs) around the separators; the values' own separators move too, which both readers see alike.</summary>
    private static string Spaced(Random random, string line)
    {
        var space = random.Next(4) == 0 ? "\t" : " ";
        return line.Replace(":", space + ":" + space, StringComparison.Ordinal).Replace(",", space + "," + space, StringComparison.Ordinal);
    }

    /// <summary>Past the size at which the fast reader looks keys up in a set, sometimes with one repeated.</summary>
    private static string ManyKeys(Random random, string line)
    {
        var count = random.Next(14, 40);
        var keys = Enumerable.Range(0, count).Select(i => $"\"k{i}\":{i},").ToList();
        if (random.Next(2) == 0)
        {
            keys.Add($"\"k{random.Next(count)}\":0,");
        }

        return "{" + string.Concat(keys) + line[1..];
    }

    /// <summary>A description or key about the scalar limit (65,536 characters) or YAML's 1,024 for a simple key.</summary>
    private static string LongValue(Random random, string line)
    {
        var length = Pick(random, new[] { 1020, 1030, 65_535, 65_536, 65_537, 70_000 });
        var fill = new string(random.Next(2) == 0 ? 'a' : 'é', length);
        return random.Next(3) == 0
            ? "{\"" + fill + "\":1," + line[1..]
            : "{\"description\":\"" + (random.Next(2) == 0 ? fill : fill[..(length / 2)] + "\\u00e9" + fill[(length / 2)..]) + "\"," + line[1..];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
