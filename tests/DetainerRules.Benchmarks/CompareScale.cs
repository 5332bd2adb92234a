using System.Diagnostics;
using System.Globalization;

namespace DetainerRules.Benchmarks;

/// <summary>
/// How <c>compare --space</c> grows with the number of policies compared (issue 18): 2, 4, 8 and 16 catalog
/// policies and every one, each run a new process timed from start to exit, with its peak memory.
/// </summary>
/// <remarks>
/// <para>
/// The sets nest (each holds the one before) and include policies bound by higher authorities, so the
/// layers of authority are compared too. "All" is every id <c>detainer list</c> prints, as a national analysis
/// would ask. A run that the tool refuses (exit 2: a space too large to walk, or too many policies) is
/// reported with its first line of error, not hidden.
/// </para>
/// <para>
/// Peak memory is the kernel's high-water mark of the process's resident set (<c>VmHWM</c> in
/// <c>/proc/PID/status</c>), read every 20 ms while it runs: what <c>/usr/bin/time -v</c> calls its maximum
/// resident set, give or take the last 20 ms. Several programs (<c>NAME=PATH</c>) are run set by set,
/// interleaved, so a shared machine's load weighs on each alike; their outputs must agree byte for byte.
/// A program named with <c>--summary NAME=PATH</c> is run with <c>--space --summary</c> (counts without
/// regions); its output is held only to the other summaries'.
/// </para>
/// </remarks>
public static class CompareScale
{
    private static readonly string[] Sixteen =
    [
        "lvmpd-2023", "california", "chicago", "nyc", "texas-sb8", "colorado", "illinois", "florida",
        "harris-county", "denver", "new-jersey", "washington", "oregon", "connecticut", "north-carolina", "ice-detainer-request",
    ];

    /// <param name="programs">Programs to time as <c>NAME=PATH</c> (the <c>detainer</c> executable).</param>
    /// <param name="summaries">Programs to time with <c>--summary</c>, as <c>NAME=PATH</c>.</param>
    /// <param name="runs">Runs of each set per program.</param>
    /// <param name="only">The sets to run (<c>2</c>, <c>4</c>, <c>8</c>, <c>16</c>, <c>all</c>); every one when empty.</param>
    public static int Run(IReadOnlyList<string> programs, IReadOnlyList<string> summaries, int runs, IReadOnlyList<string> only, TextWriter output)
    {
        if (programs.Count + summaries.Count == 0)
        {
            output.WriteLine("compare-scale: name at least one program with --detainer NAME=PATH or --summary NAME=PATH");
            return 2;
        }

        var named = programs.Select(p => (Spec: p, Summary: false)).Concat(summaries.Select(p => (Spec: p, Summary: true)))
            .Select(p => (Parts: p.Spec.Split('=', 2), p.Summary))
            .Select(p => (Name: p.Parts[0], Path: Path.GetFullPath(p.Parts[1]), p.Summary)).ToList();
        var all = Execute(named[0].Path, ["list"]).Output.Split('\n').Skip(1).Select(l => l.Split(' ', 2)[0]).Where(id => id.Length > 0).ToArray();
        List<(string Name, string[] Ids)> sets = [("2", Sixteen[..2]), ("4", Sixteen[..4]), ("8", Sixteen[..8]), ("16", Sixteen), ($"all ({all.Length})", all)];
        sets = [.. sets.Where(s => only.Count == 0 || only.Contains(s.Name.Split(' ')[0]))];

        output.WriteLine($"load average before: {LoadAverage()}");
        output.WriteLine();
        output.WriteLine("| policies | program | exit | wall (s) | peak RSS (MB) | note |");
        output.WriteLine("|---|---|---:|---:|---:|---|");
        var disagree = false;
        foreach (var (name, ids) in sets)
        {
            for (var run = 0; run < runs; run++)
            {
                var first = new Dictionary<bool, string>();
                foreach (var (program, path, summary) in named)
                {
                    var result = Execute(path, ["compare", .. ids, "--space", .. summary ? (string[])["--summary"] : []]);
                    var note = result.Exit is 0 or 3 ? string.Empty : result.Error.Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal);
                    if (!first.TryGetValue(summary, out var expected))
                    {
                        first[summary] = result.Output;
                    }
                    else if (expected != result.Output)
                    {
                        disagree = true;
                        note = $"OUTPUT DIFFERS from the first {(summary ? "summary" : "program")}'s";
                    }

                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {program} | {result.Exit} | {result.Wall.TotalSeconds:0.00} | {result.PeakKilobytes / 1024.0:0} | {note} |"));
                }
            }
        }

        output.WriteLine();
        output.WriteLine($"load average after: {LoadAverage()}");
        return disagree ? 1 : 0;
    }

    private static (int Exit, string Output, string Error, TimeSpan Wall, long PeakKilobytes) Execute(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        var wall = clock.Elapsed;
        return (process.ExitCode, output.Result, error.Result, wall, peak);
    }

    /// <summary>The process's peak resident set in kB so far; 0 once it is gone.</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
