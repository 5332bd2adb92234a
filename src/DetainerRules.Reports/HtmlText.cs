using System.Net;

namespace DetainerRules.Reports;

/// <summary>Text from policy and scenario files made safe to put in an HTML page or attribute, and links made safe to follow.</summary>
/// <remarks>
/// Every file is untrusted: a title, a <c>because</c> or a quotation may hold markup, and a
/// source's <c>url</c> may be <c>javascript:</c> or <c>data:</c>, which a browser would run on a
/// click. The HTML reports and the workbench's pages all go through here, so the rule lives in one place.
/// </remarks>
public static class HtmlText
{
    /// <summary>Untrusted text as HTML (element content or a quoted attribute): controls and bidi characters made visible first, then markup escaped.</summary>
    /// <param name="keepLineBreaks">Let line breaks and tabs through, for text shown in a <c>pre</c> (a condition as written).</param>
    public static string Encode(string text, bool keepLineBreaks = false) => WebUtility.HtmlEncode(TerminalText.Escape(text, keepLineBreaks));

    /// <summary>The address to put in an <c>href</c>, encoded for the attribute; null unless <paramref name="url"/> is an absolute <c>http</c> or <c>https</c> URL.</summary>
    /// <remarks>Any other scheme (<c>javascript:</c>, <c>data:</c>, <c>file:</c>) or a relative address is refused: such a link is shown as text, never followed.</remarks>
    public static string? Href(string? url) =>
        url is not null
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
            ? WebUtility.HtmlEncode(uri.AbsoluteUri)
            : null;
}
