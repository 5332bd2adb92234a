using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary>Expands the file arguments: files as given, folders to their YAML and JSON files (not JSON Schemas, <c>*.schema.json</c>) in name order.</summary>
internal static class ScenarioFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <param name="recursive">Also the files of subfolders (not hidden ones), each named by its path under the folder given.</param>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, CliContext context, bool recursive = false)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            var path = context.Resolve(argument);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", options)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)) // the formats' JSON Schemas (rules/schema), which describe inputs and are none
                    .Select(f => Path.GetRelativePath(path, f))
                    .Order(StringComparer.Ordinal)
                    .Select(f => Path.Combine(argument, f)));
            }
            else
            {
                files.Add(argument);
            }
        }

        return files;
    }

    /// <summary>Loads each scenario the arguments name and hands it to <paramref name="decide"/>; one that cannot be read or decided is reported and the rest go on.</summary>
    /// <returns>Success, or the exit code of the last failure.</returns>
    public static int Decide(CliContext context, IEnumerable<string> arguments, Action<string, Scenario> decide)
    {
        var exit = ExitCodes.Success;
        foreach (var file in Expand(arguments, context))
        {
            try
            {
                decide(file, ScenarioLoader.LoadFile(context.Resolve(file), file));
            }
            catch (InvalidInputException e)
            {
                exit = context.Fail(e);
            }
            catch (EvaluationException e)
            {
                exit = context.Fail(e, file);
            }
        }

        return exit;
    }
}
