using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Pages;

/// <summary>The Evaluate page's form as the query string holds it: one booking, field by field, exactly as typed.</summary>
/// <remarks>
/// The form is a GET, so the whole scenario lives in the URL and a link reproduces it. Nothing is
/// checked here: <see cref="ToYaml"/> writes the fields as a scenario file, every typed value a
/// quoted YAML string, and the scenario loader reads that text as it reads a file, so every check
/// and message is the command line's. Charges and convictions come as a fixed number of rows (no
/// script adds rows); a row left wholly empty is no charge, a row partly filled is one the loader
/// checks.
/// </remarks>
public sealed class BookingForm
{
    /// <summary>Rows the form offers at least for charges, and for convictions.</summary>
    public const int MinRows = 5;

    /// <summary>Rows the form offers at most for charges, and for convictions, so no address can ask for a page of any size.</summary>
    /// <remarks>
    /// The scenario loader bounds a file's length, nesting and values (<see cref="Yaml.Documents.InputLimits"/>) but not
    /// how many charges it lists, and an address can name a row's fields empty, so the form needs a bound of its own:
    /// far more than a booking's charges or record, and more than a comparison's example ever lists (one offense per
    /// condition it must meet at once). A row beyond it is a 400 page that says so; a scenario file is not bound by it.
    /// </remarks>
    public const int MaxRows = 50;

    /// <summary>The most characters (UTF-16 units, as a browser's <c>maxlength</c> counts) a field of the form holds; null for a key the form does not bound (<c>policy</c>, <c>request</c> and the form's own hidden fields).</summary>
    /// <remarks>
    /// The form is a GET, so what it may hold is bounded by the request line the server reads (<see cref="RequestLimits.MaxRequestLine"/>),
    /// and a browser sends every row's fields. Each text field says its bound as <c>maxlength</c>, the server refuses a longer value
    /// (<see cref="Read"/>), and the request line is set so the fullest form a browser can send is read: an offense's text of 200
    /// characters and a statute of 100 are far longer than a booking sheet's, and every other field is a word, a date or a time.
    /// A scenario file is bound by none of these. The bound is in UTF-16 units, as the HTML standard has <c>maxlength</c> count
    /// and Chromium does; a browser that counted characters otherwise could let more be typed, and the server's 400 then says so.
    /// </remarks>
    public static int? MaxLength(string field) =>
        field == TimeZoneField ? TimeZoneInput.MaxLength
        : TopFields.Contains(field) ? OtherFieldLength
        : Named(field) is (_, var part) ? PartLength(part)
        : null;

    private const int OtherFieldLength = 64;

    private static int PartLength(string part) => part switch { "offense" => 200, "statute" => 100, _ => OtherFieldLength };

    /// <summary>The field of the "Add a charge" and "Add a conviction" buttons: <c>add=charge</c> asks for the form with one more charge row.</summary>
    public const string AddField = "add";

    /// <summary>The two lists of rows, by their field prefix.</summary>
    public static readonly IReadOnlyList<string> Lists = ["charge", "conviction"];

    /// <summary>A charge's fields, as a scenario file's charge has them.</summary>
    public static readonly IReadOnlyList<string> OffenseParts = ["offense", "statute", "level", "category"];

    /// <summary>A conviction's fields: a charge's and its dates.</summary>
    public static readonly IReadOnlyList<string> ConvictionParts = ["offense", "statute", "level", "category", "convicted_on", "released_on"];
    public static readonly IReadOnlyList<string> PersonFlags = ["registered_sex_offender", "on_terrorist_watchlist", "lawful_status_proof"];

    private static readonly string[] DetainerFields = ["detainer_form", "detainer_warrant", "detainer_warrant_court", "detainer_warrant_offense", "detainer_received_at"];

    /// <summary>Where the booking is (<c>--timezone</c>, the API's <c>timezone</c>): not a fact of the scenario, so <see cref="ToYaml"/> writes it only as a comment, but part of the query, so a link reproduces the answer.</summary>
    public const string TimeZoneField = "timezone";

    private static readonly string[] TopFields = ["booked_at", "foreign_born", "citizenship", .. PersonFlags, .. DetainerFields, "release_eligible_at", "ice_present", TimeZoneField];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    /// <summary>True when the query carries a booking (the form was sent): then the page evaluates it.</summary>
    public bool Submitted { get; private init; }

    /// <summary>The catalog ids and families asked for, in order, without repeats.</summary>
    public IReadOnlyList<string> Policies { get; private init; } = [];

    /// <summary>The federal requests ticked (<c>request</c>, repeated).</summary>
    public IReadOnlyList<string> Requests { get; private init; } = [];

    /// <summary>The list whose row the form was sent to add (<c>charge</c> or <c>conviction</c>); null when it was sent to evaluate.</summary>
    public string? Added { get; private init; }

    /// <summary>The rows the form shows for <paramref name="list"/> (<c>charge</c> or <c>conviction</c>).</summary>
    public int RowsOf(string list) => _rows.GetValueOrDefault(list, MinRows);

    /// <summary>A charge's or a conviction's fields.</summary>
    public static IReadOnlyList<string> PartsOf(string list) => list == "charge" ? OffenseParts : ConvictionParts;

    /// <summary>The rows of <paramref name="list"/> (<c>charge</c> or <c>conviction</c>) with anything typed in them: <c>charges[i]</c> of the written scenario is row <c>Filled("charge")[i]</c>.</summary>
    public IReadOnlyList<int> Filled(string list)
    {
        var parts = PartsOf(list);
        return [.. Enumerable.Range(1, RowsOf(list)).Where(row => parts.Any(p => this[RowField(list, row, p)].Length > 0))];
    }

    /// <summary>The form field a loader diagnostic is about (<c>charges[1].level</c> is the level of the second filled charge row); null for one about the whole scenario.</summary>
    public string? FieldOf(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var leaf = dot < 0 ? string.Empty : path[(dot + 1)..];
        if (head.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0
            && int.TryParse(head.AsSpan(bracket + 1, head.Length - bracket - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            var list = head[..bracket] switch { "charges" => "charge", "convictions" => "conviction", "requests" => "request", _ => null };
            if (list == "request")
            {
                return "request";
            }

            var rows = list is null ? [] : Filled(list);
            return index < rows.Count ? RowField(list!, rows[index], leaf.Length > 0 ? leaf : "offense") : list;
        }

        return (head, leaf) switch
        {
            ("person", { Length: > 0 }) => leaf,
            ("detainer", { Length: > 0 }) => "detainer_" + leaf,
            ("custody", { Length: > 0 }) => leaf,
            ("ice", _) => "ice_present",
            ("detainer", _) => "detainer_form",
            ("charges", _) => "charges",
            ("convictions", _) => "convictions",
            ("booked_at", _) => "booked_at",
            _ => null,
        };
    }

    /// <summary>The time zone as typed; null when the field is empty (each time's written offset, as without <c>--timezone</c>). Read by <see cref="TimeZoneInput.Read"/>, as the API's field is.</summary>
    public string? TimeZone => TimeZoneInput.Typed(this[TimeZoneField]);

    /// <summary>The field's value as typed; empty when not given.</summary>
    public string this[string field] => _values.GetValueOrDefault(field, string.Empty);

    /// <summary>The form field of charge or conviction row <paramref name="row"/> (1-based): <c>charge2_level</c>.</summary>
    public static string RowField(string list, int row, string part) => $"{list}{row}_{part}";

    /// <summary>Every single-valued field this form has, its rows' included, in the order the page shows them.</summary>
    public IEnumerable<string> Fields()
    {
        foreach (var field in TopFields)
        {
            yield return field;
        }

        foreach (var list in Lists)
        {
            for (var row = 1; row <= RowsOf(list); row++)
            {
                foreach (var part in PartsOf(list))
                {
                    yield return RowField(list, row, part);
                }
            }
        }
    }

    /// <summary>The list, row and part a row's field names (<c>charge12_statute</c>); null for any other key, a row 0 or one written with a leading zero among them.</summary>
    /// <exception cref="ProblemException">400: a row beyond <see cref="MaxRows"/>.</exception>
    private static (string List, int Row, string Part)? RowOf(string key)
    {
        if (Named(key) is not (string list, string part))
        {
            return null;
        }

        var digits = key.AsSpan(list.Length, key.Length - list.Length - part.Length - 1);
        if (digits[0] == '0')
        {
            return null;
        }

        return digits.Length <= 3 && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is var row and <= MaxRows
            ? (list, row, part)
            : throw TooManyRows(list);
    }

    /// <summary>The list and part a row's field names (<c>charge</c> and <c>statute</c> of <c>charge12_statute</c>), whatever its row's digits say; null for any other key.</summary>
    private static (string List, string Part)? Named(string key)
    {
        var underscore = key.IndexOf('_', StringComparison.Ordinal);
        var list = underscore > 0 ? Lists.FirstOrDefault(l => key.StartsWith(l, StringComparison.Ordinal)) : null;
        if (list is null || !PartsOf(list).Contains(key[(underscore + 1)..]))
        {
            return null;
        }

        var digits = key.AsSpan(list.Length, underscore - list.Length);
        return digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9') ? null : (list, key[(underscore + 1)..]);
    }

    /// <exception cref="ProblemException">400: a value longer than its field holds.</exception>
    private static string Bounded(string field, string value)
    {
        var bound = MaxLength(field) ?? throw new System.Diagnostics.UnreachableException($"the form's field `{field}` is read but has no bound");
        return value.Length <= bound
            ? value
            : throw new ProblemException(StatusCodes.Status400BadRequest, $"the Evaluate form's field `{field}` holds at most {bound} characters and was sent {value.Length}; a scenario file has no such bound and is read by `detainer evaluate`");
    }

    private static ProblemException TooManyRows(string list) => new(StatusCodes.Status400BadRequest,
        $"the Evaluate form has at most {MaxRows} {(list == "charge" ? "charges" : "prior convictions")}; a scenario file with more is read by `detainer evaluate`");

    /// <summary>The check box asking, for each answer, what change to the booking would change it (as <c>--what-flips</c>).</summary>
    public const string WhatFlipsField = "what_flips";

    /// <summary>True when the form asks what would change each answer.</summary>
    public bool WhatFlips { get; private init; }

    /// <summary>The hidden field holding the columns' order as the page showed them: a browser sends a multiple select's choices in the select's order, not the order they were asked in.</summary>
    public const string ColumnsField = "columns";

    /// <summary>The policies <paramref name="chosen"/>, those the page showed (<paramref name="shown"/>, space-separated) first in its order, a newly chosen one after them.</summary>
    private static List<string> InShownOrder(List<string> chosen, string? shown)
    {
        var before = (shown ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(chosen.Contains).Distinct(StringComparer.Ordinal).ToList();
        return [.. before, .. chosen.Where(p => !before.Contains(p))];
    }

    /// <summary>The form from the query string; keys the form does not have are ignored, as a browser's form would never send them.</summary>
    /// <exception cref="ProblemException">400: a row beyond <see cref="MaxRows"/>, or a row added past it.</exception>
    public static BookingForm Read(IQueryCollection query)
    {
        var added = query[AddField].FirstOrDefault() is { } add && Lists.Contains(add) ? add : null;
        var form = new BookingForm
        {
            Submitted = query.ContainsKey("booked_at"),
            Policies = InShownOrder([.. query["policy"].OfType<string>().Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)], query[ColumnsField].FirstOrDefault()),
            Requests = [.. query["request"].OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)],
            WhatFlips = query[WhatFlipsField].FirstOrDefault() == "true",
            Added = added,
        };
        foreach (var field in TopFields)
        {
            // A field sent twice counts once, as a browser sends it: the first.
            if (query[field].FirstOrDefault() is { Length: > 0 } value)
            {
                form._values[field] = Bounded(field, value);
            }
        }

        // Rows: the last one named (a browser sends every row's fields, empty or not), and the last one filled.
        var named = Lists.ToDictionary(l => l, _ => 0, StringComparer.Ordinal);
        var filled = Lists.ToDictionary(l => l, _ => 0, StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (RowOf(key) is not (string list, int row, _))
            {
                continue;
            }

            named[list] = Math.Max(named[list], row);
            if (values.FirstOrDefault() is { Length: > 0 } value)
            {
                form._values[key] = Bounded(key, value);
                filled[list] = Math.Max(filled[list], row);
            }
        }

        foreach (var list in Lists)
        {
            // One blank row after the last filled (none past the bound); one more when the button asked for it.
            var rows = Math.Max(MinRows, Math.Max(named[list], Math.Min(MaxRows, filled[list] + 1)));
            if (list == added)
            {
                rows = Math.Max(MinRows, named[list]) + 1;
            }

            form._rows[list] = rows <= MaxRows ? rows : throw TooManyRows(list);
        }

        return form;
    }

    /// <summary>The same form with other policies (the page's default choice when none is asked for).</summary>
    public BookingForm WithPolicies(IReadOnlyList<string> policies)
    {
        var copy = new BookingForm { Submitted = Submitted, Policies = policies, Requests = Requests, WhatFlips = WhatFlips, Added = Added };
        foreach (var (field, value) in _values)
        {
            copy._values[field] = value;
        }

        foreach (var (list, rows) in _rows)
        {
            copy._rows[list] = rows;
        }

        return copy;
    }

    /// <summary>The query string that reproduces this form (fields in a fixed order, empty ones left out), for the page's links.</summary>
    public string Query()
    {
        // The booking time always, even empty: it is what asks the page to evaluate.
        var pairs = new List<KeyValuePair<string, string?>> { new("booked_at", this["booked_at"]) };
        pairs.AddRange(Fields().Where(f => f != "booked_at" && this[f].Length > 0).Select(f => new KeyValuePair<string, string?>(f, this[f])));
        pairs.AddRange(Requests.Select(r => new KeyValuePair<string, string?>("request", r)));
        pairs.AddRange(Policies.Select(p => new KeyValuePair<string, string?>("policy", p)));
        if (WhatFlips)
        {
            pairs.Add(new(WhatFlipsField, "true"));
        }

        return QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>The booking as a scenario file: what the loader reads, and what "Download YAML" gives.</summary>
    /// <param name="bookings">The zone the page placed the booking in (<see cref="TimeZone"/>, read), named in a comment: a scenario file has no field for it, and the command line takes it as <c>--timezone</c>.</param>
    /// <remarks>Every typed value is a double-quoted YAML string, so no input can add a key or change the document's shape; a flag is written bare only when it is the word <c>true</c> or <c>false</c> (else quoted, and the loader says why it is not a flag). The comment holds the database's id of a zone, never the typed text.</remarks>
    public string ToYaml(Model.Time.JurisdictionTime? bookings = null)
    {
        var w = new StringBuilder();
        w.Append("# A booking from the detainer workbench's Evaluate page; `detainer evaluate -p POLICY` reads it as it is.\n");
        if (bookings?.ZoneId is { } zone)
        {
            w.Append($"# Placed in {zone} on the page: `detainer evaluate -p POLICY --timezone {zone}` gives the page's answers.\n");
        }

        Line(w, 0, "booked_at", this["booked_at"]);

        var person = new List<string>();
        if (this["foreign_born"].Length > 0)
        {
            person.Add($"foreign_born: {Flag(this["foreign_born"])}");
        }

        if (this["citizenship"].Length > 0)
        {
            person.Add($"citizenship: {Quote(this["citizenship"])}");
        }

        person.AddRange(PersonFlags.Where(f => this[f].Length > 0).Select(f => $"{f}: {Flag(this[f])}"));
        if (person.Count > 0)
        {
            w.Append("person:\n");
            foreach (var line in person)
            {
                w.Append("  ").Append(line).Append('\n');
            }
        }

        WriteRows(w, "charges", "charge", always: true);
        WriteRows(w, "convictions", "conviction", always: false);

        if (DetainerFields.Any(f => this[f].Length > 0))
        {
            w.Append("detainer:\n");
            Line(w, 1, "form", this["detainer_form"]);
            Line(w, 1, "warrant", this["detainer_warrant"]);
            Line(w, 1, "warrant_court", this["detainer_warrant_court"]);
            Line(w, 1, "warrant_offense", this["detainer_warrant_offense"]);
            Line(w, 1, "received_at", this["detainer_received_at"]);
        }

        if (this["release_eligible_at"].Length > 0)
        {
            w.Append("custody:\n");
            Line(w, 1, "release_eligible_at", this["release_eligible_at"]);
        }

        if (this["ice_present"].Length > 0)
        {
            w.Append($"ice:\n  present_at_release: {Flag(this["ice_present"])}\n");
        }

        if (Requests.Count > 0)
        {
            w.Append("requests:\n");
            foreach (var request in Requests)
            {
                w.Append("  - ").Append(Quote(request)).Append('\n');
            }
        }

        return w.ToString();
    }

    /// <summary>The filled rows of a list; <paramref name="always"/> writes the key even with none (a scenario needs a charge, and the loader says so).</summary>
    private void WriteRows(StringBuilder w, string key, string list, bool always)
    {
        var rows = Filled(list);
        if (rows.Count == 0)
        {
            if (always)
            {
                w.Append(key).Append(": []\n");
            }

            return;
        }

        w.Append(key).Append(":\n");
        foreach (var row in rows)
        {
            var first = true;
            foreach (var part in PartsOf(list))
            {
                if (this[RowField(list, row, part)] is { Length: > 0 } value)
                {
                    w.Append(first ? "  - " : "    ").Append(part).Append(": ").Append(Quote(value)).Append('\n');
                    first = false;
                }
            }
        }
    }

    /// <summary>A key and its quoted value; nothing when the value is empty (the loader then says what is missing).</summary>
    private static void Line(StringBuilder w, int depth, string key, string value)
    {
        if (value.Length > 0)
        {
            w.Append(' ', depth * 2).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static string Flag(string value) => value is "true" or "false" ? value : Quote(value);

    /// <summary>A YAML double-quoted scalar: quotes and backslashes escaped, every control, line break and format character written as an escape, so the value stays one line and one string.</summary>
    public static string Quote(string value)
    {
        var w = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    w.Append("\\\"");
                    break;
                case '\\':
                    w.Append("\\\\");
                    break;
                case < 0x20 or 0x7F or 0x85 or 0x2028 or 0x2029 or 0xFEFF:
                    w.Append($"\\u{rune.Value:X4}");
                    break;
                default:
                    w.Append(rune.ToString());
                    break;
            }
        }

        return w.Append('"').ToString();
    }

    /// <summary>The words a select offers for <typeparamref name="T"/>, from the vocabulary the loader reads.</summary>
    public static IReadOnlyList<string> Words<T>()
        where T : struct, Enum => Vocabulary.Words(typeof(T));

    /// <summary>The words for the detainer's form select.</summary>
    public static IReadOnlyList<string> DetainerForms => Words<DetainerForm>();
}
