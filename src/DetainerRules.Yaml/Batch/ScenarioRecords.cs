using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads batch inputs lazily, one record at a time, so memory stays flat however large the input.</summary>
/// <remarks>
/// A bad record becomes a record with errors (positioned at its line in the input), never a
/// stopped run or a dropped record. Blank lines are not records. Each record comes as a function
/// that reads it, so the reading (the costly part) can run on many cores while the input is
/// walked on one.
/// </remarks>
public static class ScenarioRecords
{
    /// <summary>One scenario (a JSON object) per line.</summary>
    public static IEnumerable<Func<ScenarioRecord>> Jsonl(TextReader reader, string file)
    {
        var line = 0L;
        var number = 0L;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            number++;
            var (n, l) = (number, line);
            yield return () => Read(n, file, l, text, $"line-{l}", column => column);
        }
    }

    /// <summary>The scenario files of a folder, in name order, one record each.</summary>
    public static IEnumerable<Func<ScenarioRecord>> Folder(string folder, IEnumerable<string> files)
    {
        var number = 0L;
        foreach (var file in files)
        {
            var n = ++number;
            yield return () =>
            {
                try
                {
                    return new ScenarioRecord(n, file, ScenarioLoader.LoadFile(Path.Combine(folder, Path.GetFileName(file)), file), []);
                }
                catch (InvalidInputException e)
                {
                    return new ScenarioRecord(n, file, null, e.Diagnostics);
                }
            };
        }
    }

    /// <summary>Parses one record's text, moving its problems to the record's line of the input.</summary>
    /// <param name="column">Maps a column of <paramref name="text"/> to a column of the input line.</param>
    internal static ScenarioRecord Read(long number, string file, long line, string text, string defaultId, Func<long, long> column, Func<Diagnostic, Diagnostic>? adjust = null)
    {
        try
        {
            return new ScenarioRecord(number, $"{file}:{line}", ScenarioLoader.Load(text, file, defaultId), []);
        }
        catch (InvalidInputException e)
        {
            var moved = e.Diagnostics.Select(d => d with { Span = new SourceSpan(file, line, d.Span.Line == 1 ? column(d.Span.Column) : 1) });
            return new ScenarioRecord(number, $"{file}:{line}", null, [.. adjust is null ? moved : moved.Select(adjust)]);
        }
    }
}
