using System.Text.RegularExpressions;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>What an id in a policy may be: the format's one pattern, which the JSON Schema states too.</summary>
public static partial class PolicyIds
{
    [GeneratedRegex(PolicyFormat.IdPattern)]
    private static partial Regex Pattern();

    /// <summary>The id in <paramref name="node"/>; null, reported, when it is missing or malformed.</summary>
    /// <param name="what">How the message calls it: "policy", "rule", "source", ...</param>
    internal static string? Check(FieldReader r, YamlNode? node, string what)
    {
        var id = r.Text(node);
        if (id is not null && !Pattern().IsMatch(id))
        {
            r.Report(node!.Span, node.Path, $"{what} id `{id}` must be lowercase letters, digits and dashes (at most 80)", Model.Diagnostics.DiagnosticCodes.Identity);
            return null;
        }

        return id;
    }

    /// <summary>True when <paramref name="id"/> is a well-formed id (lowercase letters, digits and dashes, at most 80).</summary>
    public static bool IsId(string id) => Pattern().IsMatch(id);

    /// <summary>A name of a definition (a named condition, an offense list, a limit): an id that may also use <c>_</c>.</summary>
    public static bool IsName(string name) => Pattern().IsMatch(name.Replace('_', '-'));
}
