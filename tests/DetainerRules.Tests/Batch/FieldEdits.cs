using System.Globalization;
using System.Text.Json.Nodes;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// Copies of a good JSON line with one or two fields given another value, reproducible from a seed:
/// every value the loader checks, valid or not (blank and padded text, flags as strings, every word
/// of a field's vocabulary and some outside it, times and dates about the accepted years and about
/// the booking, nulls, other JSON types), keys removed and keys added where the format allows them.
/// </summary>
/// <remarks>
/// <see cref="JsonLineMutations"/> damages a line's JSON; these keep it JSON and damage its meaning,
/// the loader's checks across fields included (a release before the booking, a prior conviction
/// after it, a judge's-warrant fact with another warrant, a request listed twice).
/// </remarks>
internal static class FieldEdits
{
    private static readonly string[] Texts = ["\"x\"", "\"\"", "\" \"", "\"  padded  \"", "\"\\u00a0\"", "\"é 日本 😀\"", "\"=1+1\"", "null", "1", "true", "[]", "{}"];

    private static readonly string[] Flags = ["true", "false", "null", "\"true\"", "\"false\"", "1", "0", "\"yes\"", "{}"];

    private static readonly Dictionary<string, Func<string, string[]>> ByKey = new(StringComparer.Ordinal)
    {
        ["id"] = _ => Texts,
        ["description"] = _ => Texts,
        ["offense"] = _ => Texts,
        ["statute"] = _ => Texts,
        ["booked_at"] = Times,
        ["received_at"] = Times,
        ["release_eligible_at"] = Times,
        ["convicted_on"] = Dates,
        ["released_on"] = Dates,
        ["foreign_born"] = _ => Flags,
        ["registered_sex_offender"] = _ => Flags,
        ["on_terrorist_watchlist"] = _ => Flags,
        ["lawful_status_proof"] = _ => Flags,
        ["present_at_release"] = _ => Flags,
        ["citizenship"] = _ => Words<Citizenship>(),
        ["level"] = _ => Words<OffenseLevel>(),
        ["category"] = _ => Words<OffenseCategory>(),
        ["form"] = _ => Words<DetainerForm>(),
        ["warrant"] = _ => Words<WarrantKind>(),
        ["warrant_court"] = _ => Words<WarrantCourt>(),
        ["warrant_offense"] = _ => Words<WarrantOffense>(),
        ["requests"] = _ => [.. Words<FederalRequest>().Select(w => $"[{w}]"), .. Words<FederalRequest>().Select(w => $"[{w},{w}]"), "[]", "[null]", "[\"x\"]", "null", "\"interview\""],
        ["charges"] = _ => ["[]", "null", "{}", "[{}]", "[null]"],
        ["convictions"] = _ => ["[]", "null", "{}", "[null]"],
        ["person"] = _ => ["null", "{}", "[]", "\"x\""],
        ["detainer"] = _ => ["null", "{}", "{\"form\":\"I-247A\",\"warrant\":\"administrative\"}", "{\"form\":\"I-247A\",\"warrant\":\"judicial\",\"warrant_court\":\"federal\"}", "[]"],
        ["custody"] = _ => ["null", "{}", "[]"],
        ["ice"] = _ => ["null", "{}", "{\"present_at_release\":true}"],
    };

    /// <summary>The keys each mapping of the format may hold, where an edit may add one.</summary>
    private static readonly Dictionary<string, string[]> KeysOf = new(StringComparer.Ordinal)
    {
        [""] = ["id", "description", "booked_at", "person", "charges", "convictions", "detainer", "custody", "ice", "requests", "booked"],
        ["person"] = ["foreign_born", "citizenship", "registered_sex_offender", "on_terrorist_watchlist", "lawful_status_proof", "born"],
        ["charges"] = ["offense", "statute", "level", "category", "convicted_on"],
        ["convictions"] = ["offense", "statute", "level", "category", "convicted_on", "released_on"],
        ["detainer"] = ["form", "warrant", "warrant_court", "warrant_offense", "received_at"],
        ["custody"] = ["release_eligible_at"],
        ["ice"] = ["present_at_release"],
    };

    /// <summary>One edited copy of <paramref name="line"/>: one field changed, removed or added, and now and then a second.</summary>
    public static string Edit(Random random, string line)
    {
        var root = JsonNode.Parse(line)!.AsObject();
        var booked = DateTimeOffset.Parse((string)root["booked_at"]!, CultureInfo.InvariantCulture);
        var edits = random.Next(4) == 0 ? 2 : 1;
        for (var i = 0; i < edits; i++)
        {
            var places = new List<(JsonObject Mapping, string Kind)>();
            Collect(root, string.Empty, places);
            var (mapping, kind) = places[random.Next(places.Count)];
            var keys = KeysOf[kind];
            var key = random.Next(3) == 0 ? keys[random.Next(keys.Length)] : mapping.Select(p => p.Key).ElementAtOrDefault(random.Next(Math.Max(1, mapping.Count))) ?? keys[0];
            if (random.Next(6) == 0)
            {
                mapping.Remove(key);
                continue;
            }

            var values = ByKey.TryGetValue(key, out var of) ? of(Format(booked)) : Texts;
            mapping[key] = JsonNode.Parse(values[random.Next(values.Length)]);
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonObject mapping, string kind, List<(JsonObject, string)> places)
    {
        places.Add((mapping, kind));
        foreach (var (key, value) in mapping)
        {
            switch (value)
            {
                case JsonObject inner when KeysOf.ContainsKey(key):
                    Collect(inner, key, places);
                    break;
                case JsonArray items when key is "charges" or "convictions":
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        Collect(item, key, places);
                    }

                    break;
            }
        }
    }

    private static string[] Words<T>()
        where T : struct, Enum
    {
        var words = Vocabulary.Words(typeof(T));
        return [.. words.Select(w => $"\"{w}\""), "null", "\"\"", $"\"{words[0].ToUpperInvariant()}\"", $"\" {words[0]}\"", "\"x\"", "1", "[]"];
    }

    /// <summary>Times about the booking (a minute and a day either side, in another offset too) and about the accepted years, and forms the loader reads or refuses.</summary>
    private static string[] Times(string booked)
    {
        var at = DateTimeOffset.Parse(booked, CultureInfo.InvariantCulture);
        string Quote(DateTimeOffset t) => $"\"{t:yyyy-MM-ddTHH:mm:sszzz}\"";
        return
        [
            Quote(at), Quote(at.AddMinutes(-1)), Quote(at.AddMinutes(1)), Quote(at.AddDays(-1)), Quote(at.AddDays(2)), Quote(at.ToOffset(TimeSpan.FromHours(14))), Quote(at.ToOffset(TimeSpan.FromHours(-12)).AddSeconds(-1)),
            "\"2025-01-17T09:30:00Z\"", "\"2025-01-17t09:30z\"", "\"2025-01-17 09:30 -08\"", "\"2025-01-17T09:30:00.123456789-0800\"", "\"2025-01-17T09:30:00\"", "\"2025-01-17\"",
            "\"1899-12-31T23:59:59Z\"", "\"1900-01-01T00:00:00Z\"", "\"2200-12-31T23:59:59Z\"", "\"2201-01-01T00:00:00Z\"", "\"2025-02-29T00:00:00Z\"", "\"2024-02-29T00:00:00+14:00\"",
            "\"2025-01-17T24:00:00Z\"", "\"2025-01-17T09:30:00+15:00\"", "null", "\"\"", "1", "true",
        ];
    }

    /// <summary>Dates about the booking day and about the accepted years, and forms the loader reads or refuses.</summary>
    private static string[] Dates(string booked)
    {
        var day = DateOnly.FromDateTime(DateTimeOffset.Parse(booked, CultureInfo.InvariantCulture).DateTime);
        string Quote(DateOnly d) => $"\"{d:yyyy-MM-dd}\"";
        return
        [
            Quote(day), Quote(day.AddDays(-1)), Quote(day.AddDays(1)), Quote(day.AddYears(-5)), Quote(day.AddYears(-15).AddDays(1)),
            "\"1900-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"2023-2-1\"", "\"2023-02-01T00:00:00Z\"", "null", "\"\"", "20230201",
        ];
    }

    private static string Format(DateTimeOffset booked) => booked.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
