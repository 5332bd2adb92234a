using System.Diagnostics;
using System.Text.Json;

namespace DetainerRules.Fuzz;

/// <summary>Runs saved inputs without the fuzzer and says which break the contract, grouped by finding.</summary>
internal static class Replay
{
    /// <summary>Printed by an isolated child before its JSON result, so stray output cannot be mistaken for it.</summary>
    private const string ResultMarker = "#result ";

    /// <summary>How long one input may run before it is reported as a hang and left behind.</summary>
    private static readonly TimeSpan Abandon = TimeSpan.FromSeconds(30);

    /// <returns>0 when every input keeps the contract, 1 otherwise.</returns>
    public static int Run(IFuzzHarness harness, IReadOnlyList<string> paths, bool isolate, bool quiet)
    {
        var files = Expand(paths);
        var groups = new SortedDictionary<string, List<(string File, Failure Failure)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var failure = isolate ? RunIsolated(harness.Target, file) : RunOne(harness, File.ReadAllBytes(file));
            if (failure is null)
            {
                if (!quiet)
                {
                    Console.WriteLine(isolate ? $"ok    {file}" : $"ok    {file}: {harness.LastOutcome}");
                }

                continue;
            }

            Console.WriteLine($"FAIL  {file}: {failure.Signature}");
            if (!groups.TryGetValue(failure.Signature, out var members))
            {
                groups[failure.Signature] = members = [];
            }

            members.Add((file, failure));
        }

        var failed = groups.Values.Sum(g => g.Count);
        Console.WriteLine();
        Console.WriteLine($"{files.Count} inputs ({harness.Target.ToString().ToLowerInvariant()}), {failed} break the contract, {groups.Count} distinct findings");
        foreach (var (signature, members) in groups)
        {
            var smallest = members.MinBy(m => new FileInfo(m.File).Length);
            Console.WriteLine();
            Console.WriteLine($"== {signature}");
            Console.WriteLine($"   {members.Count} inputs; smallest: {smallest.File} ({new FileInfo(smallest.File).Length} bytes)");
            foreach (var line in smallest.Failure.Detail.Split('\n').Take(40))
            {
                Console.WriteLine("   " + line.TrimEnd());
            }
        }

        return failed > 0 ? 1 : 0;
    }

    /// <summary>Runs one input in this process, on a thread with the main thread's stack size, giving up after <see cref="Abandon"/>.</summary>
    public static Failure? RunOne(IFuzzHarness harness, byte[] input)
    {
        var text = Harness.Decode(input);
        Failure? failure = null;
        var worker = new Thread(
            () =>
            {
                try
                {
                    harness.Check(text);
                }
                catch (Exception e)
                {
                    failure = Failure.From(e);
                }
            },
            8 * 1024 * 1024)
        {
            IsBackground = true,
        };
        worker.Start();
        return worker.Join(Abandon)
            ? failure
            : new Failure("hang", $"hang: still running after {Abandon.TotalSeconds} s (input of {text.Length} characters)");
    }

    /// <summary>The child side of <see cref="RunIsolated"/>: one input, the result as one marked JSON line.</summary>
    public static int RunChild(IFuzzHarness harness, string file)
    {
        var failure = RunOne(harness, File.ReadAllBytes(file));
        Console.WriteLine(ResultMarker + JsonSerializer.Serialize(failure is null ? [] : new[] { failure.Signature, failure.Detail }));
        Console.Out.Flush();

        // A hung worker thread must not keep the child alive.
        Environment.Exit(failure is null ? 0 : 1);
        return 0;
    }

    /// <summary>Runs one input in a child process, so a stack overflow or a crash of the runtime is reported too.</summary>
    private static Failure? RunIsolated(Target target, string file)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(Replay).Assembly.Location);
        }

        foreach (var arg in new[] { "replay-one", target.ToString().ToLowerInvariant(), file })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var result = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (result is not null)
        {
            var parts = JsonSerializer.Deserialize<string[]>(result[ResultMarker.Length..])!;
            return parts.Length == 0 ? null : new Failure(parts[0], parts[1]);
        }

        // Died without a word: a stack overflow or another fatal error of the runtime.
        var errors = stderr.Result;
        var frames = errors.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at DetainerRules.", StringComparison.Ordinal) && !l.StartsWith("at DetainerRules.Fuzz.", StringComparison.Ordinal))
            .Select(l => l[3..].Split('(')[0])
            .ToList();

        // A stack overflow prints the recursion over and over: the frame seen most names the loop,
        // wherever the stack happened to run out; the last is how the input came in.
        var loop = frames.GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(1);
        var entry = frames.TakeLast(1);
        var first = errors.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";
        return new Failure($"process died (exit {child.ExitCode}): {first} @ {string.Join(" < ", loop.Concat(entry).Distinct())}",
            $"exit code {child.ExitCode}\n{string.Join('\n', errors.Split('\n').Take(60))}");
    }

    /// <summary>Files as given, and the files under folders given (fuzzer bookkeeping left out).</summary>
    private static List<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal)
                        && Path.GetFileName(f) is not ("README.txt" or "README.md"))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }
}
