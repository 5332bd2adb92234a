using System.Globalization;
using System.Text;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads batch inputs lazily, one record at a time, so memory stays flat however large the input.</summary>
/// <remarks>
/// A bad record becomes a record with errors (positioned at its line in the input), never a
/// stopped run or a dropped record. Lines of only white space are not records. A record may be as
/// long as a scenario file (<see cref="InputLimits.MaxFileLength"/>); a longer line is one record
/// with an error, skipped without being held in memory.
/// </remarks>
public static class ScenarioRecords
{
    /// <summary>One scenario (a JSON object) per line.</summary>
    /// <param name="cancel">Checked as the input is read, also within a long line.</param>
    public static IEnumerable<PendingRecord> Jsonl(TextReader reader, string file, CancellationToken cancel = default)
    {
        var lines = new BoundedLines(reader, InputLimits.MaxFileLength, cancel);
        var number = 0L;
        while (lines.Next(out var line))
        {
            if (line.Text is { } blank && string.IsNullOrWhiteSpace(blank))
            {
                continue;
            }

            var (n, l) = (++number, line.Number);
            if (line.Text is not { } text)
            {
                var length = line.Length;
                yield return new PendingRecord(0, () => TooLong(n, file, l, length));
                continue;
            }

            yield return new PendingRecord(text.Length, () => Read(n, file, l, text, $"line-{l}", column => column));
        }
    }

    /// <summary>The scenario files of a folder, in name order, one record each.</summary>
    public static IEnumerable<PendingRecord> Folder(string folder, IEnumerable<string> files)
    {
        var number = 0L;
        foreach (var file in files)
        {
            var n = ++number;

            // The file is read by the parse itself, so the walker holds none of its text.
            yield return new PendingRecord(0, () =>
            {
                try
                {
                    return new ScenarioRecord(n, file, ScenarioLoader.LoadFile(Path.Combine(folder, Path.GetFileName(file)), file), []);
                }
                catch (InvalidInputException e)
                {
                    return new ScenarioRecord(n, file, null, e.Diagnostics);
                }
            });
        }
    }

    /// <summary>Parses one record's text, moving its problems to the record's line of the input.</summary>
    /// <param name="column">Maps a column of <paramref name="text"/> to a column of the input line.</param>
    /// <param name="problems">Problems already found in the record (by the CSV reader), reported with the loader's.</param>
    internal static ScenarioRecord Read(long number, string file, long line, string text, string defaultId, Func<long, long> column, Func<Diagnostic, Diagnostic>? adjust = null, IReadOnlyList<Diagnostic>? problems = null)
    {
        if (!PlainJson.TryEncode(text, out var json))
        {
            return Loaded(number, file, line, null, text, defaultId, column, adjust, problems);
        }

        try
        {
            // Most records are good: those are read straight into the model, and only the rest build nodes for the loader's messages.
            if (problems is not { Count: > 0 } && JsonScenarioReader.TryRead(json.Bytes, defaultId) is { } scenario)
            {
                return new ScenarioRecord(number, $"{file}:{line}", scenario, []);
            }

            return Loaded(number, file, line, JsonNodeReader.TryRead(file, json), text, defaultId, column, adjust, problems);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>The same for a record's JSON as UTF-8 the tool wrote itself (a CSV row's), decoded to text only when the direct reader declines it.</summary>
    internal static ScenarioRecord Read(long number, string file, long line, ReadOnlySpan<byte> utf8, string defaultId, Func<long, long> column, Func<Diagnostic, Diagnostic>? adjust = null, IReadOnlyList<Diagnostic>? problems = null)
    {
        if (problems is not { Count: > 0 } && PlainJson.MayBeObject(utf8) && JsonScenarioReader.TryRead(utf8, defaultId) is { } scenario)
        {
            return new ScenarioRecord(number, $"{file}:{line}", scenario, []);
        }

        var text = Encoding.UTF8.GetString(utf8);
        return Loaded(number, file, line, JsonNodeReader.TryRead(file, text), text, defaultId, column, adjust, problems);
    }

    /// <summary>The record the loader makes of it, with every problem it finds.</summary>
    /// <param name="nodes">The JSON node reader's nodes for <paramref name="text"/>, or null to read it as YAML.</param>
    private static ScenarioRecord Loaded(long number, string file, long line, YamlNode? nodes, string text, string defaultId, Func<long, long> column, Func<Diagnostic, Diagnostic>? adjust, IReadOnlyList<Diagnostic>? problems)
    {
        var source = $"{file}:{line}";
        var root = nodes;
        try
        {
            // Records are JSON (a JSON line, or the JSON a CSV row is turned into): the fast reader gives
            // the nodes the YAML reader would, and leaves to it whatever it is not sure of.
            root ??= DocumentReader.Read(file, text).Root;
            var loaded = ScenarioLoader.Load(root, defaultId);
            return problems is { Count: > 0 } ? new ScenarioRecord(number, source, null, problems) { ReadableId = loaded.Id } : new ScenarioRecord(number, source, loaded, []);
        }
        catch (InvalidInputException e)
        {
            var moved = e.Diagnostics.Select(d => d with { Span = new SourceSpan(file, line, d.Span.Line == 1 ? column(d.Span.Column) : 1) });
            // A cell the reader already refused (a time it could not place) is not reported twice.
            var found = problems ?? [];
            IEnumerable<Diagnostic> all = [.. found, .. (adjust is null ? moved : moved.Select(adjust)).Where(d => !found.Any(p => p.Span == d.Span))];
            return new ScenarioRecord(number, source, null, [.. all.OrderBy(d => d.Span.Column)]) { ReadableId = root is null ? null : ScenarioLoader.ReadId(root, defaultId) };
        }
    }

    private static ScenarioRecord TooLong(long number, string file, long line, long length) =>
        new(number, $"{file}:{line}", null, [Diagnostic.Error(new SourceSpan(file, line, 1), DiagnosticCodes.File, string.Empty,
            $"the line is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit for one record is {InputLimits.MaxFileLength.ToString("N0", CultureInfo.InvariantCulture)} (as for a scenario file); reading resumes at the next line")]);
}
