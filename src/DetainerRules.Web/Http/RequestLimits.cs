namespace DetainerRules.Web.Http;

/// <summary>Bounds on what one request may ask, so no request can tie up the server; README ("Web app and API") lists them.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body, in bytes: room for a long policy draft and a scenario, far below what a file may be (<see cref="Yaml.Documents.InputLimits.MaxFileLength"/>).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Most policies one evaluation may name, about the number of families in the catalog: each is loaded and compiled for the request.</summary>
    public const int MaxPolicies = 100;

    /// <summary>Longest request line (method, address with its query, version), in bytes: Kestrel's own default, stated so the pages can tell whether a link they make will be read (an Evaluate link holds a whole booking).</summary>
    public const int MaxRequestLine = 8 * 1024;
}
