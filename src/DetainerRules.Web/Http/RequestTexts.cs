using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Http;

/// <summary>How diagnostics name the texts a request carries: by the field that held them, never by a path on the server.</summary>
public static class RequestTexts
{
    /// <summary>The request's own JSON.</summary>
    public const string Request = "request";

    /// <summary>The scenario text of an evaluation.</summary>
    public const string Scenario = "scenario";

    /// <summary>The policy text of an evaluation.</summary>
    public const string Policy = "policy";

    /// <summary>The text given to validate.</summary>
    public const string Text = "text";

    /// <summary><paramref name="d"/>, with a policy text read as a detached file (<see cref="DetachedPolicy"/>) named by its field.</summary>
    public static Diagnostic Shown(Diagnostic d) =>
        Path.GetDirectoryName(d.Span.File) == DetachedPolicy.Folder
            ? d with { Span = d.Span with { File = Path.GetFileNameWithoutExtension(d.Span.File) } }
            : d;
}
