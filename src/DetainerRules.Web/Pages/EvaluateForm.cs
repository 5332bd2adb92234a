using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>The Evaluate page's form, filled with the booking as typed, each problem the loader found shown beside its field.</summary>
/// <remarks>
/// Plain HTML, sent with GET to <see cref="EvaluatePage.Path"/>: every control labelled, the choices
/// of a select the vocabulary's words (what a scenario file accepts), times as text so the offset
/// can be typed and a wrong one reaches the loader, which says what is wrong.
/// </remarks>
internal static class EvaluateForm
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["booked_at"] = "Booked at",
        [TimeZoneInput.Name] = TimeZoneInput.Label,
        ["foreign_born"] = "Born outside the United States",
        ["citizenship"] = "Citizenship",
        ["registered_sex_offender"] = "On a sex-offender registry",
        ["on_terrorist_watchlist"] = "A possible terrorist-watchlist match",
        ["lawful_status_proof"] = "Has shown proof of citizenship or lawful status",
        ["detainer_form"] = "Detainer form",
        ["detainer_warrant"] = "Warrant",
        ["detainer_warrant_court"] = "Judge's warrant: court",
        ["detainer_warrant_offense"] = "Judge's warrant: for",
        ["detainer_received_at"] = "Detainer received at",
        ["release_eligible_at"] = "Eligible for release at",
        ["ice_present"] = "ICE present at release",
        ["request"] = "Other federal requests",
        ["charges"] = "Charges",
        ["convictions"] = "Prior convictions",
        ["policy"] = "Policies",
        ["convicted_on"] = "convicted on",
        ["released_on"] = "released on",
        ["statute"] = "statute",
    };

    private static readonly char[] Digits = "0123456789".ToCharArray();

    /// <summary>The words a reader uses for a field: <c>Charge 2 level</c>.</summary>
    public static string Label(string field)
    {
        if (Labels.TryGetValue(field, out var label))
        {
            return label;
        }

        var underscore = field.IndexOf('_', StringComparison.Ordinal);
        var list = underscore > 0 ? field[..underscore].TrimEnd(Digits) : string.Empty;
        if (list is "charge" or "conviction")
        {
            var part = field[(underscore + 1)..];
            return $"{(list == "charge" ? "Charge" : "Conviction")} {field[list.Length..underscore]} {Labels.GetValueOrDefault(part, part)}";
        }

        return field;
    }

    public static void Write(TextWriter w, BookingForm form, PolicyOptions options, ILookup<string, Diagnostic> errors)
    {
        w.WriteLine($"<form class=\"booking\" id=\"booking\" method=\"get\" action=\"{EvaluatePage.Path}\" novalidate>");

        // Enter in a field sends the form with its first submit button: this one, so it evaluates rather than adding a row. Out of sight and of the Tab order; the Evaluate button below is the one to press.
        w.WriteLine("<button type=\"submit\" class=\"default-action\" tabindex=\"-1\" aria-hidden=\"true\">Evaluate</button>");
        w.WriteLine("<h2>The booking</h2>");
        w.WriteLine("<p class=\"muted\">Times with their UTC offset, as a scenario file writes them: <code>2025-01-17T09:30:00-08:00</code>. Dates as <code>YYYY-MM-DD</code>. Rows left empty are ignored. "
            + "The time zone says where the booking is, as <code>--timezone</code> does: every chosen policy that names no zone (or <code>local</code>) counts its days there; left empty, in each time's written offset.</p>");

        w.WriteLine("<fieldset><legend>Booking and person</legend><div class=\"fields\">");
        Text(w, form, errors, "booked_at", "2025-01-17T09:30:00-08:00");
        TimeZoneInput.Write(w, form[TimeZoneInput.Name], options.Zones, [.. errors[TimeZoneInput.Name].Select(d => d.Message)]);
        Select(w, form, errors, "foreign_born", [("", "unknown"), ("true", "yes"), ("false", "no")]);
        Select(w, form, errors, "citizenship", [("", "unknown (not given)"), .. BookingForm.Words<Citizenship>().Where(c => c != "unknown").Select(c => (c, c))]);
        w.WriteLine("</div>");
        foreach (var flag in BookingForm.PersonFlags)
        {
            Check(w, form, errors, flag);
        }

        w.WriteLine("</fieldset>");

        WriteRows(w, form, errors, "charge", "charges", BookingForm.OffenseParts);
        WriteRows(w, form, errors, "conviction", "convictions", BookingForm.ConvictionParts);

        w.WriteLine("<fieldset><legend>Detainer</legend><div class=\"fields\">");
        Select(w, form, errors, "detainer_form", [("", "none lodged"), .. BookingForm.DetainerForms.Select(f => (f, f))]);
        Select(w, form, errors, "detainer_warrant", [("", "(choose with a detainer)"), .. BookingForm.Words<WarrantKind>().Select(k => (k, k))]);
        // Facts of a judge's warrant only, and optional: several laws turn on them, most bookings do not state them.
        Select(w, form, errors, "detainer_warrant_court", [("", "not stated"), .. BookingForm.Words<WarrantCourt>().Select(k => (k, k))]);
        Select(w, form, errors, "detainer_warrant_offense", [("", "not stated"), .. BookingForm.Words<WarrantOffense>().Select(k => (k, k))]);
        Text(w, form, errors, "detainer_received_at", "optional");
        w.WriteLine("</div></fieldset>");

        w.WriteLine("<fieldset><legend>Custody and ICE</legend><div class=\"fields\">");
        Text(w, form, errors, "release_eligible_at", "optional");
        w.WriteLine("</div>");
        Check(w, form, errors, "ice_present");
        w.WriteLine($"<fieldset class=\"requests\" id=\"request\"><legend>{Label("request")}</legend>");
        foreach (var request in BookingForm.Words<FederalRequest>())
        {
            var on = form.Requests.Contains(request) ? " checked" : string.Empty;
            w.WriteLine($"<label class=\"check\"><input type=\"checkbox\" name=\"request\" value=\"{request}\"{on}> <code>{request}</code></label>");
        }

        Errors(w, errors, "request");
        w.WriteLine("</fieldset></fieldset>");

        WritePolicies(w, form, options, errors);
        w.WriteLine("<p class=\"send\"><button type=\"submit\">Evaluate</button> <span id=\"live\" class=\"muted\" role=\"status\"></span></p>");
        w.WriteLine("</form>");
    }

    /// <summary>A list's rows, a blank row to copy (a <c>template</c>, inert, for the script's "Add" in place), and the button that sends the form for one more row.</summary>
    private static void WriteRows(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string list, string group, IReadOnlyList<string> parts)
    {
        w.WriteLine($"<fieldset id=\"{group}\"><legend>{Label(group)}</legend>");
        Errors(w, errors, group);
        w.WriteLine($"<div class=\"scroll\"><table class=\"rows\"><thead><tr><th scope=\"col\">#</th>{string.Concat(parts.Select(p => $"<th scope=\"col\">{Labels.GetValueOrDefault(p, p)}</th>"))}</tr></thead><tbody id=\"{list}-rows\">");
        var rows = form.RowsOf(list);
        for (var row = 1; row <= rows; row++)
        {
            // The row the button asked for takes the focus, so a person without the script goes on typing where the row was added.
            WriteRow(w, form, errors, list, row, parts, autofocus: form.Added == list && row == rows);
        }

        w.WriteLine("</tbody></table></div>");

        // Row 0 is no row: the script renumbers a copy; the form never sends the template's fields.
        w.Write($"<template id=\"{list}-row\">");
        WriteRow(w, form, errors, list, 0, parts, autofocus: false);
        w.WriteLine("</template>");
        var noun = list == "charge" ? "charge" : "conviction";
        var full = rows >= BookingForm.MaxRows;
        w.WriteLine($"<p class=\"add\"><button type=\"submit\" class=\"secondary\" id=\"add-{list}\" name=\"{BookingForm.AddField}\" value=\"{list}\" data-max=\"{BookingForm.MaxRows}\"{(full ? " disabled" : string.Empty)}>Add a {noun}</button>"
            + $" <span class=\"muted\" id=\"add-{list}-limit\"{(full ? string.Empty : " hidden")}>The form holds at most {BookingForm.MaxRows} {noun}s; a scenario file holds more.</span></p>");
        w.WriteLine("</fieldset>");
    }

    private static void WriteRow(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string list, int row, IReadOnlyList<string> parts, bool autofocus)
    {
        w.Write($"<tr><th scope=\"row\">{row}</th>");
        foreach (var part in parts)
        {
            var field = BookingForm.RowField(list, row, part);
            var focus = autofocus && part == parts[0];

            // The column's name, shown above the field at a phone's width, where the rows stack and the header is hidden.
            w.Write($"<td data-label=\"{Labels.GetValueOrDefault(part, part)}\">");
            switch (part)
            {
                case "level":
                    Control(w, form, errors, field, [("", "—"), .. BookingForm.Words<OffenseLevel>().Select(l => (l, l))]);
                    break;
                case "category":
                    Control(w, form, errors, field, [("", "—"), .. BookingForm.Words<OffenseCategory>().Select(c => (c, c))]);
                    break;
                default:
                    Control(w, form, errors, field, null, part switch { "offense" => string.Empty, "statute" => "optional", _ => "YYYY-MM-DD" }, autofocus: focus);
                    break;
            }

            w.Write("</td>");
        }

        w.WriteLine("</tr>");
    }

    private static void WritePolicies(TextWriter w, BookingForm form, PolicyOptions options, ILookup<string, Diagnostic> errors)
    {
        w.WriteLine("<fieldset><legend>Policies</legend>");
        w.WriteLine("<label for=\"policy\">Policies to read the booking under <span class=\"muted\">(choose several with Ctrl or Shift; a family answers with its version in force on the booking day)</span></label>");
        var invalid = errors["policy"].Any();
        w.WriteLine($"<select id=\"policy\" name=\"policy\" multiple size=\"10\"{Invalid(invalid, "policy")}>");
        var offered = new HashSet<string>(StringComparer.Ordinal);
        w.WriteLine("<optgroup label=\"Families (version by booking day)\">");
        foreach (var family in options.Families)
        {
            offered.Add(family);
            w.WriteLine(Option(family, $"{family} (family)", form.Policies.Contains(family)));
        }

        w.WriteLine("</optgroup><optgroup label=\"Policies by id\">");
        foreach (var (id, title) in options.Versions.Where(v => !offered.Contains(v.Id)))
        {
            offered.Add(id);
            w.WriteLine(Option(id, $"{id}: {title}", form.Policies.Contains(id)));
        }

        w.WriteLine("</optgroup>");

        // A name asked for that the catalog does not offer stays chosen, so the problem beside it can be read and the choice changed.
        foreach (var name in form.Policies.Where(p => !offered.Contains(p)))
        {
            w.WriteLine(Option(name, name, selected: true));
        }

        w.WriteLine("</select>");

        // The columns' order, kept when the form is sent without the script (the select would send its own order).
        w.WriteLine($"<input type=\"hidden\" name=\"{BookingForm.ColumnsField}\" value=\"{HtmlText.Encode(string.Join(' ', form.Policies))}\">");
        Errors(w, errors, "policy");

        // As --what-flips: searched over each policy's scenario space, so asked for rather than always done.
        var flips = form.WhatFlips ? " checked" : string.Empty;
        w.WriteLine($"<div class=\"field check\"><label class=\"check\"><input type=\"checkbox\" id=\"{BookingForm.WhatFlipsField}\" name=\"{BookingForm.WhatFlipsField}\" value=\"true\"{flips}> Show, under each answer's Why, what change to the booking would change it</label></div>");
        w.WriteLine("</fieldset>");
    }

    private static string Option(string value, string text, bool selected) =>
        $"<option value=\"{HtmlText.Encode(value)}\"{(selected ? " selected" : string.Empty)}>{HtmlText.Encode(text)}</option>";

    private static void Text(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string field, string placeholder)
    {
        w.WriteLine($"<div class=\"field\"><label for=\"{field}\">{Label(field)}</label>");
        Control(w, form, errors, field, null, placeholder, labelled: true);
        w.WriteLine("</div>");
    }

    private static void Select(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string field, IReadOnlyList<(string Value, string Text)> choices)
    {
        w.WriteLine($"<div class=\"field\"><label for=\"{field}\">{Label(field)}</label>");
        Control(w, form, errors, field, choices, labelled: true);
        w.WriteLine("</div>");
    }

    private static void Check(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string field)
    {
        var on = form[field].Length > 0 ? " checked" : string.Empty;
        w.WriteLine($"<div class=\"field check\"><label class=\"check\"><input type=\"checkbox\" id=\"{field}\" name=\"{field}\" value=\"true\"{on}{Invalid(errors[field].Any(), field)}> {Label(field)}</label>");
        Errors(w, errors, field);
        w.WriteLine("</div>");
    }

    /// <summary>An input, or a select of <paramref name="choices"/>, holding the value as typed; a value the choices lack stays offered and chosen, so the loader's word on it can be read.</summary>
    private static void Control(TextWriter w, BookingForm form, ILookup<string, Diagnostic> errors, string field, IReadOnlyList<(string Value, string Text)>? choices, string placeholder = "", bool labelled = false, bool autofocus = false)
    {
        var value = form[field];
        var invalid = Invalid(errors[field].Any(), field);
        var label = labelled ? string.Empty : $" aria-label=\"{HtmlText.Encode(Label(field))}\"";
        if (choices is null)
        {
            var hint = placeholder.Length > 0 ? $" placeholder=\"{HtmlText.Encode(placeholder)}\"" : string.Empty;
            w.Write($"<input type=\"text\" id=\"{field}\" name=\"{field}\" value=\"{HtmlText.Encode(value)}\" maxlength=\"{BookingForm.MaxLength(field)}\"{hint}{label}{invalid}{(autofocus ? " autofocus" : string.Empty)} autocomplete=\"off\">");
        }
        else
        {
            w.Write($"<select id=\"{field}\" name=\"{field}\"{label}{invalid}>");
            foreach (var (choice, text) in choices)
            {
                w.Write(Option(choice, text, choice == value));
            }

            if (value.Length > 0 && choices.All(c => c.Value != value))
            {
                w.Write(Option(value, value, selected: true));
            }

            w.Write("</select>");
        }

        Errors(w, errors, field);
    }

    private static string Invalid(bool invalid, string field) => invalid ? $" aria-invalid=\"true\" aria-describedby=\"error-{field}\"" : string.Empty;

    /// <summary>The loader's messages about <paramref name="field"/>, beside it.</summary>
    private static void Errors(TextWriter w, ILookup<string, Diagnostic> errors, string field)
    {
        var messages = errors[field].ToList();
        if (messages.Count > 0)
        {
            w.Write($"<p class=\"error\" id=\"error-{field}\">{string.Join("<br>", messages.Select(m => HtmlText.Encode(m.Message)))}</p>");
        }
    }
}
