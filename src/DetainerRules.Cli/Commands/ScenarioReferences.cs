using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary>Finds the scenario file an expectation case refers to.</summary>
internal static class ScenarioReferences
{
    /// <summary>A path beside the expectation file, an id in <paramref name="folder"/>, or an id in the nearest <c>seeds/scenarios</c> above the file.</summary>
    /// <exception cref="InvalidInputException">No such scenario anywhere it was looked for.</exception>
    public static string Find(CliContext context, string expectationFile, string reference, string? folder) =>
        TryFind(context, expectationFile, reference, folder)
        ?? throw new InvalidInputException([Diagnostic.Error(new SourceSpan(expectationFile, 0, 0), PolicyDiagnosticCodes.Reference, "scenario",
            $"no scenario `{reference}` beside the file{(folder is null ? string.Empty : $", in {folder}")} or in a seeds/scenarios folder above it")]);

    public static string? TryFind(CliContext context, string expectationFile, string reference, string? folder)
    {
        var beside = Path.GetDirectoryName(context.Resolve(expectationFile)) ?? context.WorkingDirectory;
        var places = new List<string> { beside };
        if (folder is not null)
        {
            places.Add(context.Resolve(folder));
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

        return places
            .SelectMany(p => new[] { reference, reference + ".yaml", reference + ".yml", reference + ".json" }.Select(n => Path.Combine(p, n)))
            .FirstOrDefault(File.Exists);
    }
}
