using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml;

/// <summary>Loads a scenario file that another file names (an expectation case, a question).</summary>
/// <remarks>A file that is not a scenario is reported by name only: its contents are never quoted, so a reference cannot turn the tool into a way to print another file.</remarks>
public static class ReferencedScenario
{
    /// <param name="reference">The name as the naming file writes it.</param>
    /// <param name="namedAt">Where the naming file names it.</param>
    /// <exception cref="InvalidInputException">The file cannot be read, is not a scenario (reported by name), or is a scenario with problems.</exception>
    public static Scenario Load(string path, string reference, SourceSpan namedAt)
    {
        var text = InputFile.Read(path);
        return InputKind.OfNamed(text, path) == FileKind.Scenario
            ? ScenarioLoader.Load(text, path, Path.GetFileNameWithoutExtension(path))
            : throw new InvalidInputException([Diagnostic.Error(namedAt, DiagnosticCodes.Reach, "scenario",
                $"`{reference}` ({path}) is not a scenario file (a scenario has `booked_at` and `charges`)")]);
    }
}
