namespace DetainerRules.Cli.Commands;

/// <summary>Expands the scenario arguments: files as given, folders to their YAML and JSON files in name order.</summary>
internal static class ScenarioFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, CliContext context)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            var path = context.Resolve(argument);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .Select(f => Path.Combine(argument, Path.GetFileName(f))));
            }
            else
            {
                files.Add(argument);
            }
        }

        return files;
    }
}
