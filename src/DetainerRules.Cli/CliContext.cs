using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;
using DetainerRules.Yaml;

namespace DetainerRules.Cli;

/// <summary>What commands need from their surroundings: where to write and where they run.</summary>
/// <remarks>Every stream reaches the terminal through a <see cref="TerminalWriter"/>: text from files is untrusted.</remarks>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, string workingDirectory)
    {
        Output = TerminalWriter.Lines(output);
        Error = TerminalWriter.Lines(error);
        Document = TerminalWriter.Document(output);
        WorkingDirectory = workingDirectory;
    }

    /// <summary>Standard output for text written line by line (reports, lists): a value's line breaks and controls are shown escaped.</summary>
    public TerminalWriter Output { get; }

    /// <summary>Standard error: diagnostics and progress, line by line like <see cref="Output"/>.</summary>
    public TerminalWriter Error { get; }

    /// <summary>Standard output for a format that escapes its own text (JSON, Markdown, HTML, DOT, Mermaid, CSV, help): its line breaks pass, other controls do not.</summary>
    public TerminalWriter Document { get; }

    public string WorkingDirectory { get; }

    /// <summary>True when the error stream is a terminal a progress bar can redraw; false in tests and when redirected.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard output for <paramref name="format"/>: <see cref="Output"/> for text, <see cref="Document"/> for the rest.</summary>
    public TerminalWriter OutputFor(ReportFormat format) => format == ReportFormat.Text ? Output : Document;

    /// <summary>The value of the <c>DETAINER_RULES</c> environment variable, read by the program's entry point (tests pass their own); null when unset.</summary>
    public string? RulesVariable { get; init; }

    /// <summary>The catalog shipped with the program: <c>rules/</c> beside it.</summary>
    public string ShippedCatalog { get; init; } = ProgramsCatalog;

    /// <summary><c>rules/</c> beside the program.</summary>
    public static string ProgramsCatalog => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>The catalog every command looks policy ids up in (README, "Where policies are found").</summary>
    /// <param name="rulesFolders">The folders given with <c>--rules</c>, in order.</param>
    /// <exception cref="CatalogPathException">A folder given with <c>--rules</c> or in <c>DETAINER_RULES</c> is not a folder.</exception>
    public PolicyCatalog Catalog(string[]? rulesFolders) =>
        new(CatalogSearchPath.Standard(rulesFolders ?? [], "--rules", RulesVariable, WorkingDirectory, ShippedCatalog));

    /// <summary>Says what went wrong and gives the exit code, as every command does (<see cref="Failures"/>).</summary>
    public int Fail(Exception e, string? about = null) => Failures.Report(this, e, about);

    /// <summary>A path as given, made absolute against the working directory.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>A file a command reached by itself (a base policy, a scenario a file names), as a user would type it: relative to the working directory when it is under it.</summary>
    public string Shown(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
