using System.Globalization;
using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>
/// A JSON line read into a scenario by hand with <see cref="Utf8JsonReader"/>: no node tree, no
/// positions, no checks beyond what keeps it from crashing on the generator's lines. The reading
/// half of the batch ceiling in <see cref="BatchEndToEndBenchmarks"/>; not a reader anyone should
/// trust with real input.
/// </summary>
public static class HandReadLine
{
    public static Scenario Read(ReadOnlySpan<byte> line)
    {
        var r = new Utf8JsonReader(line);
        r.Read();
        string id = string.Empty;
        DateTimeOffset booked = default;
        var person = Person.Unknown;
        List<Charge> charges = [];
        List<Conviction> convictions = [];
        Detainer? detainer = null;
        DateTimeOffset? release = null;
        var ice = false;
        var requests = new HashSet<FederalRequest>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                id = r.GetString()!;
            }
            else if (r.ValueTextEquals("booked_at"u8))
            {
                r.Read();
                booked = r.GetDateTimeOffset();
            }
            else if (r.ValueTextEquals("person"u8))
            {
                person = ReadPerson(ref r);
            }
            else if (r.ValueTextEquals("charges"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.StartObject)
                {
                    var o = ReadOffense(ref r);
                    charges.Add(new Charge(o.Offense, o.Statute, o.Level, o.Category));
                }
            }
            else if (r.ValueTextEquals("convictions"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.StartObject)
                {
                    var o = ReadOffense(ref r);
                    convictions.Add(new Conviction(o.Offense, o.Statute, o.Level, o.Category, o.ConvictedOn, o.ReleasedOn));
                }
            }
            else if (r.ValueTextEquals("detainer"u8))
            {
                detainer = ReadDetainer(ref r);
            }
            else if (r.ValueTextEquals("custody"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    r.Read();
                    release = r.TokenType == JsonTokenType.Null ? null : r.GetDateTimeOffset();
                }
            }
            else if (r.ValueTextEquals("ice"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    r.Read();
                    ice = r.TokenType == JsonTokenType.True;
                }
            }
            else if (r.ValueTextEquals("requests"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.String)
                {
                    requests.Add(Word<FederalRequest>(ref r));
                }
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }

        return new Scenario
        {
            Id = id,
            BookedAt = booked,
            Person = person,
            Charges = charges,
            Convictions = convictions,
            Detainer = detainer,
            Custody = new Custody(release),
            IcePresentAtRelease = ice,
            Requests = requests,
        };
    }

    private static Person ReadPerson(ref Utf8JsonReader r)
    {
        r.Read();
        bool? foreignBorn = null;
        var citizenship = Citizenship.Unknown;
        bool sexOffender = false, watchlist = false, proof = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueSpan;
            r.Read();
            if (key.SequenceEqual("foreign_born"u8))
            {
                foreignBorn = r.TokenType == JsonTokenType.Null ? null : r.GetBoolean();
            }
            else if (key.SequenceEqual("citizenship"u8))
            {
                citizenship = Word<Citizenship>(ref r);
            }
            else if (key.SequenceEqual("registered_sex_offender"u8))
            {
                sexOffender = r.GetBoolean();
            }
            else if (key.SequenceEqual("on_terrorist_watchlist"u8))
            {
                watchlist = r.GetBoolean();
            }
            else if (key.SequenceEqual("lawful_status_proof"u8))
            {
                proof = r.GetBoolean();
            }
        }

        return new Person(foreignBorn, citizenship, sexOffender, watchlist) { LawfulStatusProof = proof };
    }

    private static (string Offense, string? Statute, OffenseLevel Level, OffenseCategory Category, DateOnly ConvictedOn, DateOnly? ReleasedOn) ReadOffense(ref Utf8JsonReader r)
    {
        string offense = string.Empty;
        string? statute = null;
        OffenseLevel level = default;
        OffenseCategory category = default;
        DateOnly convicted = default;
        DateOnly? released = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueSpan;
            r.Read();
            if (key.SequenceEqual("offense"u8))
            {
                offense = r.GetString()!;
            }
            else if (key.SequenceEqual("statute"u8))
            {
                statute = r.GetString();
            }
            else if (key.SequenceEqual("level"u8))
            {
                level = Word<OffenseLevel>(ref r);
            }
            else if (key.SequenceEqual("category"u8))
            {
                category = Word<OffenseCategory>(ref r);
            }
            else if (key.SequenceEqual("convicted_on"u8))
            {
                convicted = DateOnly.ParseExact(r.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (key.SequenceEqual("released_on"u8))
            {
                released = DateOnly.ParseExact(r.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return (offense, statute, level, category, convicted, released);
    }

    private static Detainer? ReadDetainer(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        DetainerForm form = default;
        WarrantKind warrant = default;
        DateTimeOffset? received = null;
        WarrantCourt? court = null;
        WarrantOffense? offense = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueSpan;
            r.Read();
            if (key.SequenceEqual("form"u8))
            {
                form = Word<DetainerForm>(ref r);
            }
            else if (key.SequenceEqual("warrant"u8))
            {
                warrant = Word<WarrantKind>(ref r);
            }
            else if (key.SequenceEqual("warrant_court"u8))
            {
                court = Word<WarrantCourt>(ref r);
            }
            else if (key.SequenceEqual("warrant_offense"u8))
            {
                offense = Word<WarrantOffense>(ref r);
            }
            else if (key.SequenceEqual("received_at"u8))
            {
                received = r.GetDateTimeOffset();
            }
        }

        return new Detainer(form, warrant, received) { WarrantCourt = court, WarrantOffense = offense };
    }

    private static T Word<T>(ref Utf8JsonReader r)
        where T : struct, Enum =>
        Vocabulary.TryParse<T>(r.GetString()!, out var value) ? value : throw new FormatException($"not a {typeof(T).Name}");
}
