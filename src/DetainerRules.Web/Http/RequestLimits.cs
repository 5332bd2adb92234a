namespace DetainerRules.Web.Http;

/// <summary>Bounds on what one request may ask, so no request can tie up the server; README ("Web app and API") lists them.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body, in bytes: room for a long policy draft and a scenario, far below what a file may be (<see cref="Yaml.Documents.InputLimits.MaxFileLength"/>).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Most policies one evaluation may name, about the number of families in the catalog: each is loaded and compiled for the request.</summary>
    public const int MaxPolicies = 100;

    /// <summary>Longest request line (method, address with its query, version), in bytes: the Evaluate form is a GET that sends every field of every row, so the fullest form a browser can send must fit.</summary>
    /// <remarks>
    /// At its 50 charges and 50 convictions with every text field at its <c>maxlength</c> (<see cref="Pages.BookingForm.MaxLength"/>)
    /// in characters a browser sends as nine bytes each (<c>%E2%80%99</c>), the form's address is about 340 KiB, which this
    /// leaves room for with the policies chosen; ordinary texts take about 21 KiB. Kestrel's default of 8 KiB, and then 64 KiB,
    /// refused longer forms with a bare 414 before any page could say why.
    /// </remarks>
    public const int MaxRequestLine = 512 * 1024;

    /// <summary>Longest address a page links to the Evaluate form: half the request line, so the form it opens, sent again with its blank rows and fields, is still read.</summary>
    public const int MaxFormLink = MaxRequestLine / 2;
}
