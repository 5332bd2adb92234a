using DetainerRules.Model.Time;
using DetainerRules.Reports;
using DetainerRules.Web.Api;

namespace DetainerRules.Web.Pages;

/// <summary>The "Time zone" field of the Evaluate, Compare and Draft pages: where the bookings are, as <c>--timezone</c> and the API's <c>timezone</c> say it, with the zones the catalog's policies name offered as suggestions.</summary>
/// <remarks>
/// A text input rather than a select: any zone of the database is accepted, and one it does not know
/// reaches <see cref="Api.EvaluateEndpoint.Bookings"/>, the API's reader, which says why in its words.
/// Empty leaves every time in its written offset, as the page did before it had the field.
/// </remarks>
internal static class TimeZoneInput
{
    /// <summary>The field's name and id, the API's field's name.</summary>
    public const string Name = BookingForm.TimeZoneField;

    public const string Label = "Time zone";

    /// <summary>The most characters the field holds (its <c>maxlength</c>; the Evaluate form refuses more, <see cref="BookingForm.MaxLength"/>): twice the longest zone name (<c>America/Argentina/ComodRivadavia</c>).</summary>
    public const int MaxLength = 64;

    /// <summary>The field's value as a form sends it (the first, when sent twice); null when empty: each time in its written offset, as without <c>--timezone</c>.</summary>
    /// <remarks>Every page reads its zone through this and <see cref="Read"/>, so every page takes and refuses the same words.</remarks>
    public static string? Typed(string? value) => value is { Length: > 0 } ? value : null;

    /// <summary>The typed zone read by the API's reader (<see cref="EvaluateEndpoint.Bookings"/>), so a word it refuses is refused on the page with its message; null when none was typed.</summary>
    /// <remarks>A page shows the zone read (<see cref="JurisdictionTime.ZoneId"/>, the database's id), not the text as typed, which stays in the field.</remarks>
    /// <exception cref="Http.ProblemException">400, its diagnostic's field <c>timezone</c>: not an IANA zone of the database, or <c>local</c>.</exception>
    public static JurisdictionTime? Read(string? typed) => EvaluateEndpoint.Bookings(typed);

    /// <summary><see cref="Read"/>, its refusal given back rather than thrown, for a page that shows it with the form kept; false when refused.</summary>
    public static bool TryRead(string? typed, out JurisdictionTime? zone, out Http.ProblemException? refused)
    {
        try
        {
            (zone, refused) = (Read(typed), null);
            return true;
        }
        catch (Http.ProblemException problem)
        {
            (zone, refused) = (null, problem);
            return false;
        }
    }

    /// <param name="value">The zone as typed (shown back encoded).</param>
    /// <param name="zones">The suggestions: the catalog's policies' zones.</param>
    /// <param name="errors">What is wrong with the value, shown beside it.</param>
    public static void Write(TextWriter w, string value, IReadOnlyList<string> zones, IReadOnlyList<string> errors)
    {
        var invalid = errors.Count > 0 ? $" aria-invalid=\"true\" aria-describedby=\"error-{Name}\"" : string.Empty;
        w.WriteLine($"<div class=\"field\"><label for=\"{Name}\">{Label} <span class=\"muted\">(optional, an IANA zone: America/Chicago)</span></label>");
        w.Write($"<input type=\"text\" id=\"{Name}\" name=\"{Name}\" value=\"{HtmlText.Encode(value)}\" maxlength=\"{MaxLength}\" list=\"{Name}-suggestions\" placeholder=\"as written\" autocomplete=\"off\" spellcheck=\"false\"{invalid}>");
        w.Write($"<datalist id=\"{Name}-suggestions\">{string.Concat(zones.Select(z => $"<option value=\"{HtmlText.Encode(z)}\"></option>"))}</datalist>");
        if (errors.Count > 0)
        {
            w.Write($"<p class=\"error\" id=\"error-{Name}\">{string.Join("<br>", errors.Select(e => HtmlText.Encode(e)))}</p>");
        }

        w.WriteLine("</div>");
    }
}
