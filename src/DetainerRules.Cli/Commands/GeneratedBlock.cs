using DetainerRules.Model.Diagnostics;
using DetainerRules.Cli.Files;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary>A generated block in a Markdown file, between a <c>&lt;!-- begin: NAME</c> line and an <c>&lt;!-- end: NAME --&gt;</c> line, replaced in place.</summary>
/// <remarks>The file is read as an input (a regular file, bounded) and written back whole through <see cref="OutputFile"/>.</remarks>
internal static class GeneratedBlock
{
    /// <param name="inputs">The files the command read, none of which may be the file updated.</param>
    public static int Replace(CliContext context, string file, string name, string content, IEnumerable<string> inputs)
    {
        var begin = $"<!-- begin: {name}";
        var end = $"<!-- end: {name} -->";
        var path = context.Resolve(file);
        if (OutputFile.Refusal(path, inputs) is { } refusal)
        {
            throw new UsageException($"--update `{file}` {refusal}");
        }

        var text = InputFile.Read(path, file);

        var first = text.IndexOf(begin, StringComparison.Ordinal);
        var start = first < 0 ? -1 : text.IndexOf('\n', first) + 1;
        var stop = start <= 0 ? -1 : text.IndexOf(end, start, StringComparison.Ordinal);
        if (stop < 0)
        {
            throw new InvalidInputException([Diagnostic.Error(new SourceSpan(file, 0, 0), DiagnosticCodes.File, string.Empty, $"no `{begin} ... -->` line followed by `{end}` to replace")]);
        }

        using var output = OutputFile.Create(path, file);
        output.Writer.Write(text[..start] + content + text[stop..]);
        output.Commit();
        context.Output.WriteLine($"updated the {name.Split(' ')[1]} in {file}");
        return ExitCodes.Success;
    }
}
