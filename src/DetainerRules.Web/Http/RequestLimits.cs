namespace DetainerRules.Web.Http;

/// <summary>Bounds on what one request may ask, so no request can tie up the server; README ("Web app and API") lists them.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body, in bytes: room for a long policy draft and a scenario, far below what a file may be (<see cref="Yaml.Documents.InputLimits.MaxFileLength"/>).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Most policies one evaluation may name, about the number of families in the catalog: each is loaded and compiled for the request.</summary>
    public const int MaxPolicies = 100;

    /// <summary>Longest request line (method, address with its query, version), in bytes: the Evaluate form is a GET that sends every field of every row, so a booking of 50 charges and 50 convictions with ordinary offense and statute texts (about 21 KiB) must fit; Kestrel's default of 8 KiB refused it with a bare 414.</summary>
    public const int MaxRequestLine = 64 * 1024;

    /// <summary>Longest address a page links to the Evaluate form: half the request line, so the form it opens, sent again with its blank rows and fields, is still read.</summary>
    public const int MaxFormLink = MaxRequestLine / 2;
}
