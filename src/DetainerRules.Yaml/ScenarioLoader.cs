using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>Reads an arrest scenario from YAML or JSON (the same shape, snake_case keys).</summary>
public static class ScenarioLoader
{
    // The keys come from the format's shapes, which the JSON Schema is written from too.
    private static readonly IReadOnlyList<string> TopKeys = ScenarioFormat.Top.Keys;
    private static readonly IReadOnlyList<string> PersonKeys = ScenarioFormat.Person.Keys;
    private static readonly IReadOnlyList<string> ChargeKeys = ScenarioFormat.Charge.Keys;
    private static readonly IReadOnlyList<string> ConvictionKeys = ScenarioFormat.Conviction.Keys;
    private static readonly IReadOnlyList<string> DetainerKeys = ScenarioFormat.Detainer.Keys;

    /// <summary>Loads a scenario file; its id defaults to the file name without extension.</summary>
    /// <param name="displayPath">How messages name the file (e.g. the path as the user typed it); defaults to <paramref name="path"/>.</param>
    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static Scenario LoadFile(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        return Load(InputFile.Read(path, shown), shown, Path.GetFileNameWithoutExtension(path));
    }

    /// <remarks>
    /// A good scenario sent as one line of JSON (as programs send it to the server) is read straight
    /// into the model by <see cref="JsonScenarioReader"/>; any other line of JSON by
    /// <see cref="JsonNodeReader"/>, into the nodes YAML's reader would give, several times faster.
    /// </remarks>
    /// <exception cref="InvalidInputException">The text has problems; all of them are listed.</exception>
    public static Scenario Load(string text, string file, string defaultId)
    {
        if (!PlainJson.TryEncode(text, out var json))
        {
            return Load(DocumentReader.Read(file, text).Root, defaultId);
        }

        try
        {
            return JsonScenarioReader.TryRead(json.Bytes, defaultId) ?? Load(JsonNodeReader.Read(file, json), defaultId);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>Loads a scenario from a document already read (a batch record read by <see cref="JsonNodeReader"/>).</summary>
    /// <exception cref="InvalidInputException">The scenario has problems; all of them are listed.</exception>
    internal static Scenario Load(YamlNode root, string defaultId)
    {
        var diagnostics = new List<Diagnostic>();
        var scenario = Read(new FieldReader(diagnostics), root, defaultId);
        return diagnostics.Count > 0 || scenario is null
            ? throw new InvalidInputException([.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)])
            : scenario;
    }

    /// <summary>
    /// The id a scenario's text gives (<paramref name="defaultId"/> when it gives none), so that a
    /// record whose other fields have problems keeps its name; null when the text is not a mapping
    /// or its id is not readable text.
    /// </summary>
    public static string? ReadId(string text, string file, string defaultId)
    {
        try
        {
            return ReadId(JsonNodeReader.Read(file, text), defaultId);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    /// <summary>The id a document already read gives, as <see cref="ReadId(string, string, string)"/> reads it.</summary>
    internal static string? ReadId(YamlNode root, string defaultId)
    {
        if (root is not YamlMapping mapping)
        {
            return null;
        }

        var node = mapping.ValueOf("id");
        if (node is null)
        {
            return defaultId;
        }

        var problems = new List<Diagnostic>();
        var id = new FieldReader(problems).Text(node);
        return problems.Count == 0 ? id : null;
    }

    /// <summary>Reads a scenario from a node of a larger document (an expectation file's inline case); problems go to the reader.</summary>
    internal static Scenario? Read(FieldReader r, YamlNode root, string defaultId)
    {
        var top = r.Mapping(root, TopKeys);
        if (top is null)
        {
            r.Report(root.Span, root.Path, $"expected a scenario (a mapping with `booked_at`, `charges`, ...), found {root.Kind}");
            return null;
        }

        var before = r.Diagnostics.Count;

        var id = top["id"] is null ? defaultId : r.Text(top["id"]);
        var bookedAt = r.Timestamp(r.Required(top, "booked_at"));
        var person = ReadPerson(r, top["person"]);
        var charges = ReadCharges(r, top);
        var bookedOn = bookedAt is { } b ? DateOnly.FromDateTime(b.DateTime) : (DateOnly?)null;
        var convictions = r.List(top["convictions"]).Select(n => ReadConviction(r, n, bookedOn)).ToList();
        var detainer = ReadDetainer(r, top["detainer"]);
        var releaseAt = ReadReleaseTime(r, top["custody"], bookedAt);
        var icePresent = ReadIcePresence(r, top["ice"]);
        var requests = ReadRequests(r, top["requests"]);
        if (r.Diagnostics.Count > before)
        {
            return null;
        }

        return new Scenario
        {
            Id = id!,
            Description = top["description"] is { } d ? r.Text(d) : null,
            BookedAt = bookedAt!.Value,
            Person = person!,
            Charges = charges.Select(c => c!).ToList(),
            Convictions = convictions.Select(c => c!).ToList(),
            Detainer = detainer,
            Custody = new Custody(releaseAt),
            IcePresentAtRelease = icePresent,
            Requests = requests,
        };
    }

    private static Person? ReadPerson(FieldReader r, YamlNode? node)
    {
        var m = r.Mapping(node, PersonKeys);
        if (m is null)
        {
            return Person.Unknown;
        }

        return new Person(
            r.Flag(m["foreign_born"]),
            r.Word(m["citizenship"], typeof(Citizenship)) is Citizenship citizenship ? citizenship : Citizenship.Unknown,
            r.Flag(m["registered_sex_offender"]) ?? false,
            r.Flag(m["on_terrorist_watchlist"]) ?? false)
        {
            LawfulStatusProof = r.Flag(m["lawful_status_proof"]) ?? false,
        };
    }

    private static List<Charge?> ReadCharges(FieldReader r, MappingView top)
    {
        var node = r.Required(top, "charges");
        var items = r.List(node);
        if (node is YamlSequence && items.Count == 0)
        {
            r.Report(node.Span, node.Path, "at least one charge is required: a scenario is an arrest");
        }

        return [.. items.Select(n => ReadCharge(r, n))];
    }

    private static Charge? ReadCharge(FieldReader r, YamlNode node)
    {
        var m = r.Mapping(node, ChargeKeys);
        if (m is null)
        {
            r.Report(node.Span, node.Path, "expected a charge (offense, level, category)");
            return null;
        }

        return ReadOffense(r, m) is { } o ? new Charge(o.Offense, o.Statute, o.Level, o.Category) : null;
    }

    /// <remarks>A prior conviction, and the release from its sentence, come before the booking day; a later date is a data error, not a look-back case.</remarks>
    private static Conviction? ReadConviction(FieldReader r, YamlNode node, DateOnly? bookedOn)
    {
        var m = r.Mapping(node, ConvictionKeys);
        if (m is null)
        {
            r.Report(node.Span, node.Path, "expected a conviction (offense, level, category, convicted_on)");
            return null;
        }

        var offense = ReadOffense(r, m);
        var convictedOn = r.Date(r.Required(m, "convicted_on"));
        var releasedOn = r.Date(m["released_on"]);
        if (convictedOn is { } c && releasedOn is { } rel && rel < c)
        {
            r.Report(m["released_on"]!.Span, m.PathOf("released_on"), $"release date {rel:yyyy-MM-dd} is before the conviction date {c:yyyy-MM-dd}");
        }

        if (bookedOn is { } booked)
        {
            if (convictedOn is { } after && after > booked)
            {
                r.Report(m["convicted_on"]!.Span, m.PathOf("convicted_on"), $"conviction date {after:yyyy-MM-dd} is after the booking day {booked:yyyy-MM-dd}: a prior conviction comes before the arrest");
            }

            if (releasedOn is { } later && later > booked)
            {
                r.Report(m["released_on"]!.Span, m.PathOf("released_on"), $"release date {later:yyyy-MM-dd} is after the booking day {booked:yyyy-MM-dd}");
            }
        }

        return offense is { } o && convictedOn is { } on
            ? new Conviction(o.Offense, o.Statute, o.Level, o.Category, on, releasedOn)
            : null;
    }

    /// <summary>The fields charges and convictions share.</summary>
    private static (string Offense, string? Statute, OffenseLevel Level, OffenseCategory Category)? ReadOffense(FieldReader r, MappingView m)
    {
        var offense = r.Text(r.Required(m, "offense"));
        var statute = m["statute"] is { } s ? r.Text(s) : null;
        var level = r.Word(r.Required(m, "level"), typeof(OffenseLevel));
        var category = r.Word(r.Required(m, "category"), typeof(OffenseCategory));
        return offense is not null && level is OffenseLevel l && category is OffenseCategory c ? (offense, statute, l, c) : null;
    }

    private static Detainer? ReadDetainer(FieldReader r, YamlNode? node)
    {
        var m = r.Mapping(node, DetainerKeys);
        if (m is null)
        {
            return null;
        }

        var form = r.Word(r.Required(m, "form"), typeof(DetainerForm));
        // The warrant kept boxed, not as the framework's nullable of the enum, which is compiled at every start.
        var warrant = r.Word(r.Required(m, "warrant"), typeof(WarrantKind));
        var received = r.Timestamp(m["received_at"]);
        var court = JudgesFact(r, m, "warrant_court", typeof(WarrantCourt), warrant) as WarrantCourt?;
        var offense = JudgesFact(r, m, "warrant_offense", typeof(WarrantOffense), warrant) as WarrantOffense?;
        return form is DetainerForm f && warrant is WarrantKind w ? new Detainer(f, w, received) { WarrantCourt = court, WarrantOffense = offense } : null;
    }

    /// <summary>A fact about a judge's warrant (its court, its offense): optional, and said of nothing but a <c>judicial</c> warrant.</summary>
    /// <remarks>Refused with another warrant rather than dropped, so that a scenario never says more than the tool reads.</remarks>
    private static Enum? JudgesFact(FieldReader r, MappingView m, string key, Type type, Enum? warrant)
    {
        var node = m[key];
        var value = r.Word(node, type);
        if (value is not null && warrant is WarrantKind w && w != WarrantKind.Judicial)
        {
            r.Report(node!.Span, m.PathOf(key), $"`{key}` is stated only for a judge's warrant, but `warrant` is `{Model.Vocabulary.Word(w)}`: give `warrant: judicial` or leave `{key}` out");
            return null;
        }

        return value;
    }

    private static DateTimeOffset? ReadReleaseTime(FieldReader r, YamlNode? node, DateTimeOffset? bookedAt)
    {
        var m = r.Mapping(node, ScenarioFormat.Custody.Keys);
        var at = m is null ? null : r.Timestamp(m["release_eligible_at"]);
        if (at is { } release && bookedAt is { } booked && release < booked)
        {
            r.Report(m!["release_eligible_at"]!.Span, "custody.release_eligible_at", $"release time {release:O} is before the booking time {booked:O}");
        }

        return at;
    }

    private static bool ReadIcePresence(FieldReader r, YamlNode? node)
    {
        var m = r.Mapping(node, ScenarioFormat.Ice.Keys);
        return m is not null && (r.Flag(m["present_at_release"]) ?? false);
    }

    private static HashSet<FederalRequest> ReadRequests(FieldReader r, YamlNode? node)
    {
        var requests = new HashSet<FederalRequest>();
        foreach (var item in r.List(node))
        {
            if (r.Word(item, typeof(FederalRequest)) is FederalRequest request && !requests.Add(request))
            {
                r.Report(item.Span, item.Path, $"request `{Model.Vocabulary.Word(request)}` is listed twice");
            }
        }

        return requests;
    }
}
