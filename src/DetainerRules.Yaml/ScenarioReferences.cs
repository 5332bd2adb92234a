using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml;

/// <summary>Finds and loads the scenario file an expectation case refers to, within the folders scenarios may be read from.</summary>
/// <remarks>
/// A reference is an id or a relative path, looked up beside the expectation file, in
/// <c>--scenarios</c>, then in the nearest <c>seeds/scenarios</c> above the file. Like a policy's
/// references (see <see cref="PolicyReach"/>), it may not be an absolute path nor lead (by
/// <c>..</c> or a link) out of those folders, and a file that is not a scenario is reported by
/// name only, so an expectation file cannot make the tool print another file's contents.
/// Relative paths are read from a base folder the caller names (the command line's working
/// directory); <c>detainer test</c>, <c>detainer validate</c> and the policy page share this one lookup.
/// </remarks>
public static class ScenarioReferences
{
    /// <exception cref="InvalidInputException">No such scenario within reach.</exception>
    public static string Find(string baseFolder, string expectationFile, string reference, string? folder, SourceSpan at) =>
        TryFind(baseFolder, expectationFile, reference, folder, out var problem)
        ?? throw new InvalidInputException([Diagnostic.Error(at, problem.Code, "scenario", problem.Message)]);

    /// <returns>The file, or null with <paramref name="problem"/> saying why there is none.</returns>
    public static string? TryFind(string baseFolder, string expectationFile, string reference, string? folder, out (string Message, DiagnosticCode Code) problem)
    {
        problem = default;
        if (FileReach.Unfit(reference) is { } unfit)
        {
            problem = ($"`{reference}` {unfit}: name a scenario by its id, or by a path relative to the expectation file", DiagnosticCodes.Reach);
            return null;
        }

        var places = Places(baseFolder, expectationFile, folder);
        var found = Candidates(places, reference).FirstOrDefault(File.Exists);
        if (found is null)
        {
            problem = ($"no scenario `{reference}` beside the file{(folder is null ? string.Empty : $", in {folder}")} or in a seeds/scenarios folder above it", DiagnosticCodes.Reference);
            return null;
        }

        var reach = new FileReach(places);
        if (!reach.Holds(found))
        {
            problem = ($"`{reference}` is outside the folders scenarios may be read from ({string.Join(", ", reach.Roots)})", DiagnosticCodes.Reach);
            return null;
        }

        return found;
    }

    /// <summary>Every file <see cref="TryFind"/> would look for, in the order it looks, whether each exists or not; none for a reference it refuses outright.</summary>
    /// <remarks>For a cache of what a reference found: the file found, and a file appearing earlier in this list, would change it.</remarks>
    public static IReadOnlyList<string> Candidates(string baseFolder, string expectationFile, string reference, string? folder) =>
        FileReach.Unfit(reference) is null ? [.. Candidates(Places(baseFolder, expectationFile, folder), reference)] : [];

    private static IEnumerable<string> Candidates(List<string> places, string reference) =>
        places.SelectMany(p => new[] { reference, reference + ".yaml", reference + ".yml", reference + ".json" }.Select(n => Path.Combine(p, n)));

    /// <summary>The scenario a case refers to.</summary>
    /// <exception cref="InvalidInputException">No such scenario within reach, a file that is not a scenario (named, not quoted), or a scenario with problems.</exception>
    public static Scenario Load(string baseFolder, string expectationFile, string reference, string? folder, SourceSpan at) =>
        ReferencedScenario.Load(Find(baseFolder, expectationFile, reference, folder, at), reference, at);

    private static List<string> Places(string baseFolder, string expectationFile, string? folder)
    {
        var beside = Path.GetDirectoryName(Resolve(baseFolder, expectationFile)) ?? baseFolder;
        var places = new List<string> { beside };
        if (folder is not null)
        {
            places.Add(Resolve(baseFolder, folder));
        }

        for (var dir = new DirectoryInfo(beside); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds", "scenarios");
            if (Directory.Exists(seeds))
            {
                places.Add(seeds);
                break;
            }
        }

        return places;
    }

    /// <summary>A path as given, or relative to <paramref name="baseFolder"/> (the command line's working directory).</summary>
    private static string Resolve(string baseFolder, string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseFolder, path));
}
