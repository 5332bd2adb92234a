using System.Text;
using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>
/// Reads a scenario straight from one line of JSON, with no nodes in between, when it can be sure
/// the loader would accept the line and build the very same scenario; otherwise it declines, and
/// the line is read the long way (<see cref="JsonNodeReader"/>, then <see cref="ScenarioLoader"/>).
/// </summary>
/// <remarks>
/// <para>
/// A batch record read the long way spent most of its time building nodes (positions, paths, a
/// dictionary per mapping) that only a record with problems ever needs. This reader never reports
/// a problem: it only declines. So every diagnostic a user sees still comes from the loader, with
/// its file, line, column and field, and the differential tests hold this reader to the loader's
/// scenario on every line it takes and to declining every line the loader refuses.
/// </para>
/// <para>
/// It takes a line only when it is a JSON object <see cref="JsonNodeReader"/> would read itself and
/// every value is of the form the format describes: text as a string, flags as <c>true</c> or
/// <c>false</c>, words of the vocabulary, times and dates the loader reads, <c>null</c> wherever
/// the loader reads null as absent. It declines a key outside the format or repeated, a value of
/// another JSON type than those (a number as an id, the string <c>"true"</c> as a flag: the loader
/// takes some of these, and it is left to), anything the loader refuses (a word outside the
/// vocabulary, an empty list of charges, a release before the booking, a judge's-warrant fact with
/// another warrant), and anything it cannot decode.
/// </para>
/// </remarks>
internal static class JsonScenarioReader
{
    private static readonly Keys Top = new(ScenarioFormat.Top);
    private static readonly Keys PersonKeys = new(ScenarioFormat.Person);
    private static readonly Keys Charge = new(ScenarioFormat.Charge);
    private static readonly Keys Conviction = new(ScenarioFormat.Conviction);
    private static readonly Keys DetainerKeys = new(ScenarioFormat.Detainer);
    private static readonly Keys Custody = new(ScenarioFormat.Custody);
    private static readonly Keys Ice = new(ScenarioFormat.Ice);

    /// <summary>The scenario the loader would build from <paramref name="text"/>, or null when this reader is not sure of it.</summary>
    /// <param name="defaultId">The id of a scenario that gives none, as the loader is given it.</param>
    public static Scenario? TryRead(string text, string defaultId)
    {
        if (!PlainJson.TryEncode(text, out var json))
        {
            return null;
        }

        try
        {
            return TryRead(json.Bytes, defaultId);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>The same from text already checked (<see cref="PlainJson"/>) and encoded as UTF-8.</summary>
    public static Scenario? TryRead(ReadOnlySpan<byte> utf8, string defaultId)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = InputLimits.MaxDepth });
            if (!reader.Read() || Scenario(ref reader, defaultId) is not { } scenario)
            {
                return null;
            }

            // Past the object only white space may follow: the reader throws on anything else.
            return reader.Read() ? null : scenario;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate, which the loader's reader refuses with its own message.
            return null;
        }
    }

    private static Scenario? Scenario(ref Utf8JsonReader r, string defaultId)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = defaultId, description = null;
        DateTimeOffset? bookedAt = null, releaseAt = null;
        var person = Person.Unknown;
        List<Charge>? charges = null;
        List<Conviction> convictions = [];
        Detainer? detainer = null;
        var icePresent = false;
        var requests = new HashSet<FederalRequest>();
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = Top.Find(ref r, ref seen);
            if (key is null || !r.Read())
            {
                return null;
            }

            var good = key switch
            {
                "id" => Text(ref r, out id),
                "description" => Text(ref r, out description),
                "booked_at" => Timestamp(ref r, out bookedAt),
                "person" => ReadPerson(ref r, out person),
                "charges" => ReadCharges(ref r, out charges),
                "convictions" => ReadConvictions(ref r, convictions),
                "detainer" => ReadDetainer(ref r, out detainer),
                "custody" => ReadCustody(ref r, out releaseAt),
                "ice" => ReadIce(ref r, out icePresent),
                "requests" => ReadRequests(ref r, requests),
                _ => false,
            };
            if (!good)
            {
                return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || bookedAt is not { } booked || charges is not { Count: > 0 } || releaseAt < booked)
        {
            return null;
        }

        // The loader's checks across fields: prior convictions, and releases from them, come before the booking day.
        var bookedOn = DateOnly.FromDateTime(booked.DateTime);
        foreach (var c in convictions)
        {
            if (c.ConvictedOn > bookedOn || c.ReleasedOn > bookedOn)
            {
                return null;
            }
        }

        return new Scenario
        {
            Id = id!,
            Description = description,
            BookedAt = booked,
            Person = person,
            Charges = charges,
            Convictions = convictions,
            Detainer = detainer,
            Custody = new Custody(releaseAt),
            IcePresentAtRelease = icePresent,
            Requests = requests,
        };
    }

    private static bool ReadPerson(ref Utf8JsonReader r, out Person person)
    {
        person = Person.Unknown;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool? foreignBorn = null, offender = null, watchlist = null, proof = null;
        Citizenship? citizenship = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = PersonKeys.Find(ref r, ref seen);
            if (key is null || !r.Read())
            {
                return false;
            }

            var good = key switch
            {
                "foreign_born" => Flag(ref r, out foreignBorn),
                "citizenship" => Word(ref r, out citizenship),
                "registered_sex_offender" => Flag(ref r, out offender),
                "on_terrorist_watchlist" => Flag(ref r, out watchlist),
                "lawful_status_proof" => Flag(ref r, out proof),
                _ => false,
            };
            if (!good)
            {
                return false;
            }
        }

        person = new Person(foreignBorn, citizenship ?? Citizenship.Unknown, offender ?? false, watchlist ?? false) { LawfulStatusProof = proof ?? false };
        return r.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadCharges(ref Utf8JsonReader r, out List<Charge>? charges)
    {
        charges = null;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            // Null too: the charges are required.
            return false;
        }

        charges = [];
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var offense = new Offense();
            var seen = 0;
            if (!Fields(ref r, Charge, ref seen, ref offense, static (ref Utf8JsonReader _, string _, ref Offense _) => false) || !offense.IsWhole)
            {
                return false;
            }

            charges.Add(new Charge(offense.Name!, offense.Statute, offense.Level!.Value, offense.Category!.Value));
        }

        return true;
    }

    private static bool ReadConvictions(ref Utf8JsonReader r, List<Conviction> convictions)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var offense = new Offense();
            var seen = 0;
            if (!Fields(ref r, Conviction, ref seen, ref offense, ConvictionDates) || !offense.IsWhole || offense.ConvictedOn is not { } on || offense.ReleasedOn < on)
            {
                return false;
            }

            convictions.Add(new Conviction(offense.Name!, offense.Statute, offense.Level!.Value, offense.Category!.Value, on, offense.ReleasedOn));
        }

        return true;
    }

    private static bool ConvictionDates(ref Utf8JsonReader r, string key, ref Offense offense) => key switch
    {
        "convicted_on" => Date(ref r, out offense.ConvictedOn),
        "released_on" => Date(ref r, out offense.ReleasedOn),
        _ => false,
    };

    /// <summary>A charge's or a conviction's mapping: the offense's fields here, the rest through <paramref name="more"/>.</summary>
    private static bool Fields(ref Utf8JsonReader r, Keys keys, ref int seen, ref Offense offense, MoreFields more)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = keys.Find(ref r, ref seen);
            if (key is null || !r.Read())
            {
                return false;
            }

            var good = key switch
            {
                "offense" => Text(ref r, out offense.Name),
                "statute" => Text(ref r, out offense.Statute),
                "level" => Word(ref r, out offense.Level),
                "category" => Word(ref r, out offense.Category),
                _ => more(ref r, key, ref offense),
            };
            if (!good)
            {
                return false;
            }
        }

        return r.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadDetainer(ref Utf8JsonReader r, out Detainer? detainer)
    {
        detainer = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        DetainerForm? form = null;
        WarrantKind? warrant = null;
        WarrantCourt? court = null;
        WarrantOffense? offense = null;
        DateTimeOffset? received = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = DetainerKeys.Find(ref r, ref seen);
            if (key is null || !r.Read())
            {
                return false;
            }

            var good = key switch
            {
                "form" => Word(ref r, out form),
                "warrant" => Word(ref r, out warrant),
                "warrant_court" => Word(ref r, out court),
                "warrant_offense" => Word(ref r, out offense),
                "received_at" => Timestamp(ref r, out received),
                _ => false,
            };
            if (!good)
            {
                return false;
            }
        }

        // A judge's warrant's court and offense are stated with a judge's warrant only.
        if (r.TokenType != JsonTokenType.EndObject || form is null || warrant is null || (warrant != WarrantKind.Judicial && (court is not null || offense is not null)))
        {
            return false;
        }

        detainer = new Detainer(form.Value, warrant.Value, received) { WarrantCourt = court, WarrantOffense = offense };
        return true;
    }

    private static bool ReadCustody(ref Utf8JsonReader r, out DateTimeOffset? releaseAt)
    {
        releaseAt = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (Custody.Find(ref r, ref seen) is null || !r.Read() || !Timestamp(ref r, out releaseAt))
            {
                return false;
            }
        }

        return r.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadIce(ref Utf8JsonReader r, out bool present)
    {
        present = false;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (Ice.Find(ref r, ref seen) is null || !r.Read() || !Flag(ref r, out var flag))
            {
                return false;
            }

            present = flag ?? false;
        }

        return r.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadRequests(ref Utf8JsonReader r, HashSet<FederalRequest> requests)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            // A null item the loader passes over is left to it; a repeated request it refuses.
            if (r.TokenType == JsonTokenType.Null || !Word(ref r, out FederalRequest? request) || !requests.Add(request!.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text the loader reads from a string; null, other types, and blank text are left to it.</summary>
    private static bool Text(ref Utf8JsonReader r, out string? text)
    {
        text = r.TokenType == JsonTokenType.String && String(ref r) is { } value ? FieldReader.AcceptedText(value) : null;
        return text is not null;
    }

    private static bool Flag(ref Utf8JsonReader r, out bool? flag)
    {
        flag = r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return flag is not null || r.TokenType == JsonTokenType.Null;
    }

    private static bool Word<T>(ref Utf8JsonReader r, out T? word)
        where T : struct, Enum
    {
        word = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // Matched on the token's UTF-8, as the loader matches the text: exactly, a word of the vocabulary.
        var words = WordsOf<T>.Utf8;
        for (var i = 0; i < words.Length; i++)
        {
            if (r.ValueTextEquals(words[i]))
            {
                word = WordsOf<T>.Values[i];
                return true;
            }
        }

        return false;
    }

    /// <summary>A vocabulary's words in UTF-8, to match a token without making a string of it; built from the vocabulary's own table.</summary>
    private static class WordsOf<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = [.. Vocabulary.Words(typeof(T)).Select(w => Vocabulary.TryParse<T>(w, out var v) ? v : throw new InvalidOperationException(w))];

        public static readonly byte[][] Utf8 = [.. Vocabulary.Words(typeof(T)).Select(Encoding.UTF8.GetBytes)];
    }

    private static bool Timestamp(ref Utf8JsonReader r, out DateTimeOffset? at)
    {
        at = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        at = r.TokenType == JsonTokenType.String && String(ref r) is { } text ? Timestamps.Parse(text, out _) : null;
        return at is not null;
    }

    private static bool Date(ref Utf8JsonReader r, out DateOnly? date)
    {
        date = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        date = r.TokenType == JsonTokenType.String && String(ref r) is { } text ? FieldReader.AcceptedDate(text) : null;
        return date is not null;
    }

    /// <summary>A string token's text, or null past the length the loader's reader allows a scalar.</summary>
    private static string? String(ref Utf8JsonReader r)
    {
        var text = r.GetString()!;
        return text.Length > InputLimits.MaxScalarLength ? null : text;
    }

    private delegate bool MoreFields(ref Utf8JsonReader r, string key, ref Offense offense);

    /// <summary>What a charge and a conviction say, as read so far.</summary>
    private struct Offense
    {
        public string? Name;
        public string? Statute;
        public OffenseLevel? Level;
        public OffenseCategory? Category;
        public DateOnly? ConvictedOn;
        public DateOnly? ReleasedOn;

        /// <summary>The required fields are there (an absent statute is fine; a stated one was read as text or the record declined).</summary>
        public readonly bool IsWhole => Name is not null && Level is not null && Category is not null;
    }

    /// <summary>The keys of one mapping of the format, matched on the UTF-8 name as written (escaped or not), each at most once.</summary>
    private sealed class Keys(Formats.ObjectShape shape)
    {
        private readonly string[] _names = [.. shape.Keys];
        private readonly byte[][] _utf8 = [.. shape.Keys.Select(Encoding.UTF8.GetBytes)];

        /// <summary>The key the reader is on; null when the format has no such key or it came before (<paramref name="seen"/> holds one bit per key).</summary>
        public string? Find(ref Utf8JsonReader r, ref int seen)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (r.ValueTextEquals(_utf8[i]))
                {
                    var bit = 1 << i;
                    if ((seen & bit) != 0)
                    {
                        return null;
                    }

                    seen |= bit;
                    return _names[i];
                }
            }

            return null;
        }
    }
}
