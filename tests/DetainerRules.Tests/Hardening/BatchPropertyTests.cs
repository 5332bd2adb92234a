using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

// FsCheck supplies the arguments of [FsCheck.NUnit.Property] methods; NUnit's analyzer cannot see that.
#pragma warning disable NUnit1027

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// Property (FsCheck): whatever characters are inserted into or deleted from a valid batch input,
/// JSON lines or CSV, <c>detainer batch</c> writes exactly one output line per record it read, in
/// order, prints counts that match the file, and every record the damage did not touch comes out
/// as it did from the clean input.
/// </summary>
[TestFixture]
public partial class BatchPropertyTests
{
    private const int Records = 30;

    private static int _case;

    private string _dir = null!;
    private string _jsonl = null!;
    private string _csv = null!;
    private List<string> _clean = null!;

    [OneTimeSetUp]
    public void WriteCleanInputs()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-batch-property-").FullName;
        var scenarios = BookingGenerator.Generate(Records, seed: 17).ToList();
        _jsonl = string.Concat(scenarios.Select(s => ScenarioJson.ToJson(s, indented: false) + "\n"));
        _csv = ScenarioCsv.Header + "\n" + string.Concat(scenarios.Select(s => ScenarioCsv.Row(s) + "\n"));
        File.WriteAllText(Path.Combine(_dir, "clean.jsonl"), _jsonl);
        var (exit, _, error) = CliRun.Run(_dir, catalog: true, "batch", "-p", "nyc", "-p", "lvmpd-2023", "--input", "clean.jsonl", "--output", "clean-out.jsonl");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        _clean = [.. File.ReadAllLines(Path.Combine(_dir, "clean-out.jsonl")).Select(Answers)];
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [FsCheck.NUnit.Property(MaxTest = 120)]
    public bool Batch_CharactersInsertedOrDeletedAnywhere_OneOutputLinePerRecordInOrder(int at, int length, string? insert, bool csv)
    {
        // Arrange: one stretch deleted and text inserted in its place.
        var clean = csv ? _csv : _jsonl;
        var start = Math.Abs(at % clean.Length);
        var cut = Math.Min(Math.Abs(length % 40), clean.Length - start);
        var damaged = clean[..start] + (insert ?? string.Empty) + clean[(start + cut)..];
        var n = Interlocked.Increment(ref _case);
        var input = $"damaged-{n}.{(csv ? "csv" : "jsonl")}";
        var output = $"out-{n}.jsonl";
        File.WriteAllText(Path.Combine(_dir, input), damaged);
        var headerLength = csv ? ScenarioCsv.Header.Length : -1;

        // Act
        var (exit, printed, error) = CliRun.Run(_dir, catalog: true, "batch", "-p", "nyc", "-p", "lvmpd-2023", "--input", input, "--output", output);

        // Assert
        if (csv && start <= headerLength && exit == ExitCodes.InvalidInput)
        {
            // A damaged header refuses the file, at a position in it (a line break put before it moves it down).
            return Regex.IsMatch(error, $@"^{Regex.Escape(input)}:\d+:\d+: error DR10[12]", RegexOptions.Multiline) && !File.Exists(Path.Combine(_dir, output));
        }

        var lines = File.ReadAllLines(Path.Combine(_dir, output));
        var summary = SummaryLine().Match(printed);
        var counts = summary.Success
            && long.Parse(summary.Groups["in"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) == lines.Length
            && long.Parse(summary.Groups["out"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) == lines.Length
            && long.Parse(summary.Groups["errors"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) == lines.Count(l => l.Contains("\"errors\":", StringComparison.Ordinal));
        var exitRight = exit == (lines.Any(l => l.Contains("\"errors\":", StringComparison.Ordinal)) ? ExitCodes.RecordsRefused : ExitCodes.Success);
        var numbered = lines.Select((l, i) => JsonDocument.Parse(l).RootElement.GetProperty("record").GetInt64() == i + 1).All(x => x);
        var perLine = csv || lines.Length == NonBlankLines(File.ReadAllText(Path.Combine(_dir, input)));
        var untouched = (csv && start <= headerLength) || IsSubsequence(Untouched(clean, start, cut, csv ? 1 : 0), lines.Select(Answers).ToList());
        File.Delete(Path.Combine(_dir, input));
        File.Delete(Path.Combine(_dir, output));
        return counts && exitRight && numbered && perLine && untouched;
    }

    /// <summary>The clean run's answers for the records whose line (and line break) the damage did not reach.</summary>
    private IEnumerable<string> Untouched(string clean, int start, int cut, int skipLines)
    {
        var offset = 0;
        var line = 0;
        var record = 0;
        foreach (var text in clean.Split('\n')[..^1])
        {
            var end = offset + text.Length;
            if (line++ >= skipLines)
            {
                if (start > end || start + cut < offset)
                {
                    yield return _clean[record];
                }

                record++;
            }

            offset = end + 1;
        }
    }

    /// <summary>A record's id and answers, without its number and source, which damage earlier in the file may shift.</summary>
    private static string Answers(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        return json.GetProperty("id").ToString() + " " + (json.TryGetProperty("policies", out var p) ? p.GetRawText() : "errors");
    }

    private static bool IsSubsequence(IEnumerable<string> wanted, List<string> all)
    {
        var at = 0;
        foreach (var item in wanted)
        {
            while (at < all.Count && all[at] != item)
            {
                at++;
            }

            if (at++ >= all.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lines with something besides white space, split as <see cref="TextReader.ReadLine"/> splits, one leading byte-order mark ignored.</summary>
    private static int NonBlankLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Count(l => !string.IsNullOrWhiteSpace(l.StartsWith('\uFEFF') ? l[1..] : l));

    [GeneratedRegex(@"^(?<in>[\d,]+) records in, (?<out>[\d,]+) written to \S+, (?<errors>[\d,]+) with errors", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
