using System.Text.RegularExpressions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Documents;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Yaml;

/// <summary>A policy given as text with no file of its own (a draft sent to <c>detainer serve</c>): what it extends is a catalog id, never a path, and nothing lies beside it.</summary>
/// <remarks>
/// The text gets every check a file gets (<see cref="PolicyCatalog.Parse"/>), read as if it were a
/// file in a folder that cannot exist, so a base or an authority it names by id is found only in
/// the catalog's folders. A path in <c>extends</c> is refused before anything is looked up, so a
/// request can neither read a file on the server nor learn whether one exists.
/// </remarks>
public static partial class DetachedPolicy
{
    /// <summary>The folder such a text is read as being in: below a file (a device on Unix, this assembly elsewhere), so no file beside it can exist.</summary>
    public static string Folder { get; } = OperatingSystem.IsWindows()
        ? Path.Combine(typeof(DetachedPolicy).Assembly.Location, "request")
        : "/dev/null/request";

    /// <summary>The path a text named <paramref name="name"/> is read as, and its diagnostics carry.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name + ".yaml");

    /// <summary>Loads the policy in <paramref name="text"/>, named <paramref name="name"/> in its diagnostics' paths (<see cref="PathOf"/>).</summary>
    /// <exception cref="InvalidInputException">The text, or a policy it extends, has problems, or it extends a path; all problems are listed.</exception>
    public static Policy Parse(PolicyCatalog catalog, string text, string name)
    {
        var file = PathOf(name);
        var (root, _) = DocumentReader.Read(file, text);
        if (root is YamlMapping top && top.ValueOf("extends") is YamlScalar { IsNull: false } extends
            && !Id().IsMatch(extends.Value.Trim()))
        {
            throw new InvalidInputException([Diagnostic.Error(extends.Span, DiagnosticCodes.Reach, "extends",
                $"`{extends.Value}` is not a policy id: a policy given as text extends a catalog policy by its id, never by a path")]);
        }

        return catalog.Parse(text, file);
    }

    [GeneratedRegex(PolicyFormat.IdPattern)]
    private static partial Regex Id();
}
