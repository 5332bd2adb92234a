using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>The "Time zone" field of the Evaluate and Compare pages: where the bookings are, as <c>--timezone</c> and the API's <c>timezone</c> say it, with the zones the catalog's policies name offered as suggestions.</summary>
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

    /// <param name="value">The zone as typed (shown back encoded).</param>
    /// <param name="zones">The suggestions: the catalog's policies' zones.</param>
    /// <param name="errors">What is wrong with the value, shown beside it.</param>
    public static void Write(TextWriter w, string value, IReadOnlyList<string> zones, IReadOnlyList<string> errors)
    {
        var invalid = errors.Count > 0 ? $" aria-invalid=\"true\" aria-describedby=\"error-{Name}\"" : string.Empty;
        w.WriteLine($"<div class=\"field\"><label for=\"{Name}\">{Label} <span class=\"muted\">(optional, an IANA zone: America/Chicago)</span></label>");
        w.Write($"<input type=\"text\" id=\"{Name}\" name=\"{Name}\" value=\"{HtmlText.Encode(value)}\" list=\"{Name}-suggestions\" placeholder=\"as written\" autocomplete=\"off\" spellcheck=\"false\"{invalid}>");
        w.Write($"<datalist id=\"{Name}-suggestions\">{string.Concat(zones.Select(z => $"<option value=\"{HtmlText.Encode(z)}\"></option>"))}</datalist>");
        if (errors.Count > 0)
        {
            w.Write($"<p class=\"error\" id=\"error-{Name}\">{string.Join("<br>", errors.Select(e => HtmlText.Encode(e)))}</p>");
        }

        w.WriteLine("</div>");
    }
}
