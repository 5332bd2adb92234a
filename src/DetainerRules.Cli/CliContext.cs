using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Cli;

/// <summary>What commands need from their surroundings: where to write and where they run.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string WorkingDirectory)
{
    /// <summary>True when the error stream is a terminal a progress bar can redraw; false in tests and when redirected.</summary>
    public bool ErrorIsTerminal { get; init; }

    public PolicyCatalog Catalog(string? rulesDirectory) =>
        PolicyCatalog.Locate(rulesDirectory, WorkingDirectory, AppContext.BaseDirectory);

    /// <summary>Prints every problem, one per line, compiler style.</summary>
    public int Fail(InvalidInputException e)
    {
        foreach (var d in e.Diagnostics)
        {
            Error.WriteLine(d.ToString());
        }

        if (e.Diagnostics.Count == 0)
        {
            Error.WriteLine("error: " + e.Message);
        }

        return ExitCodes.InvalidInput;
    }

    /// <summary>A path as given, made absolute against the working directory.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
