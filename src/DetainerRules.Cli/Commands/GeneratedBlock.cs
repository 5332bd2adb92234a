namespace DetainerRules.Cli.Commands;

/// <summary>A generated block in a Markdown file, between a <c>&lt;!-- begin: NAME</c> line and an <c>&lt;!-- end: NAME --&gt;</c> line, replaced in place.</summary>
internal static class GeneratedBlock
{
    public static int Replace(CliContext context, string file, string name, string content)
    {
        var begin = $"<!-- begin: {name}";
        var end = $"<!-- end: {name} -->";
        var path = context.Resolve(file);
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var first = text.IndexOf(begin, StringComparison.Ordinal);
        var start = first < 0 ? -1 : text.IndexOf('\n', first) + 1;
        var stop = start <= 0 ? -1 : text.IndexOf(end, start, StringComparison.Ordinal);
        if (stop < 0)
        {
            context.Error.WriteLine($"{file}: error: no `{begin} ... -->` line followed by `{end}` to replace");
            return ExitCodes.InvalidInput;
        }

        File.WriteAllText(path, text[..start] + content + text[stop..]);
        context.Output.WriteLine($"updated the {name.Split(' ')[1]} in {file}");
        return ExitCodes.Success;
    }
}
