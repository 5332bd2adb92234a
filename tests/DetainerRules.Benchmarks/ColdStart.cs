using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DetainerRules.Benchmarks;

/// <summary>
/// Cold start of the <c>detainer</c> tool against a hello-world program published the same way (not a timed test):
/// each run is a new process, timed from start to exit, the commands interleaved with the baseline so a
/// loaded machine weighs on both alike.
/// </summary>
/// <remarks>
/// <para>
/// The tool is the one users get: the working tree packed (<c>dotnet pack src/DetainerRules.Cli</c>, as
/// <c>.ci/check-package</c> packs it) and installed with <c>dotnet tool install --tool-path</c>, unless
/// <c>--detainer NAME=PATH</c> names programs to time instead (two builds side by side: each is timed in the
/// same rounds, and their outputs must agree byte for byte). The baseline is a console program that prints one
/// line, framework-dependent on the same runtime, published in Release with invariant globalization as the tool is.
/// </para>
/// <para>
/// Every program runs in an empty folder outside the repository, as a user's would, so the catalog is the one
/// shipped beside the tool. One untimed run of each first checks it works (and warms the file cache: "cold"
/// here is a new process, not a cold disk). CPU time (user + system) is read from the kernel for each child
/// (<c>getrusage(RUSAGE_CHILDREN)</c> before and after): on a shared machine it moves less than the wall clock.
/// </para>
/// </remarks>
public static class ColdStart
{
    private const string Hello = "hello";

    /// <summary>What is timed, each with the exit codes that mean it worked (<c>compare</c> says 3 when the policies differ, which these do).</summary>
    /// <remarks><c>compare --space</c> (many seconds a run) only when asked for.</remarks>
    private static IReadOnlyList<(string Name, string[] Arguments, int[] Succeeds)> Commands(string scenario, bool compare) =>
    [
        ("evaluate", ["evaluate", "--policy", "lvmpd-2023", scenario], [0]),
        ("evaluate --format json", ["evaluate", "--policy", "lvmpd-2023", "--format", "json", scenario], [0]),
        ("list", ["list"], [0]),
        .. compare ? [("compare --space", new[] { "compare", "lvmpd-2023", "california", "--space" }, new[] { 3 })] : Array.Empty<(string, string[], int[])>(),
    ];

    /// <param name="runs">Timed runs of each command per program (and as many of the baseline before each).</param>
    /// <param name="programs">Programs to time as <c>NAME=PATH</c>; none: the working tree's tool, packed and installed.</param>
    /// <param name="compare">Also time <c>compare lvmpd-2023 california --space</c>.</param>
    public static int Run(int runs, IReadOnlyList<string> programs, bool compare, TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("detainer-cold-start-");
        try
        {
            var hello = PublishHello(work.FullName, output);
            var detainers = programs.Count > 0
                ? programs.Select(Named).ToList()
                : [("detainer", InstallTool(work.FullName, output))];
            var here = Directory.CreateDirectory(Path.Combine(work.FullName, "run")).FullName;
            var scenario = Path.Combine(RepositoryPaths.Root, "seeds", "scenarios", "lv-robbery-no-ice.yaml");
            var commands = Commands(scenario, compare);

            if (!Agree(hello, detainers, commands, here, output))
            {
                return 1;
            }

            output.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores; {runs} runs of each, interleaved with the baseline");
            var times = new Dictionary<string, List<(double Wall, double Cpu)>>(StringComparer.Ordinal);
            for (var round = 0; round < runs; round++)
            {
                foreach (var (name, arguments, _) in commands)
                {
                    foreach (var (program, path) in detainers)
                    {
                        Add(times, Hello, Time(hello, [], here));
                        Add(times, $"{program} {name}", Time(path, arguments, here));
                    }
                }
            }

            output.WriteLine($"load average after: {LoadAverage()}");
            Report(times, detainers.Select(d => d.Name).ToList(), commands.Select(c => c.Name).ToList(), output);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (string Name, string Path) Named(string program)
    {
        var split = program.IndexOf('=', StringComparison.Ordinal);
        var path = Path.GetFullPath(split < 0 ? program : program[(split + 1)..]);
        return File.Exists(path) ? (split < 0 ? "detainer" : program[..split], path) : throw new FileNotFoundException($"no program {path}");
    }

    /// <summary>Every program gives a command the answer it gave first (byte for byte) and an exit code that means it worked; the baseline says hello.</summary>
    private static bool Agree(string hello, List<(string Name, string Path)> detainers, IReadOnlyList<(string Name, string[] Arguments, int[] Succeeds)> commands, string here, TextWriter output)
    {
        var (helloCode, helloText) = Capture(hello, [], here);
        if (helloCode != 0 || !helloText.StartsWith("Hello", StringComparison.Ordinal))
        {
            output.WriteLine($"the baseline exited {helloCode}: {helloText}");
            return false;
        }

        foreach (var (name, arguments, succeeds) in commands)
        {
            string? first = null;
            foreach (var (program, path) in detainers)
            {
                var (code, said) = Capture(path, arguments, here);

                // Each names the catalog files beside itself: the same answer from another folder.
                var text = said.Replace(Path.GetDirectoryName(RealPath(path))!, "<program>", StringComparison.Ordinal);
                if (!succeeds.Contains(code) || text.Length == 0)
                {
                    output.WriteLine($"`{program} {name}` exited {code}: {text}");
                    return false;
                }

                if (first is not null && text != first)
                {
                    output.WriteLine($"`{program} {name}` answers differently from `{detainers[0].Name} {name}`");
                    return false;
                }

                first = text;
            }
        }

        return true;
    }

    /// <summary>The file a path leads to (a tool's command is a link to the program in its store).</summary>
    private static string RealPath(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static void Report(Dictionary<string, List<(double Wall, double Cpu)>> times, List<string> programs, List<string> commands, TextWriter output)
    {
        var baseline = times[Hello];
        var helloWall = Median(baseline.Select(t => t.Wall));
        var helloCpu = Median(baseline.Select(t => t.Cpu));
        output.WriteLine();
        output.WriteLine("| program | runs | wall median | wall p90 | CPU median | wall / hello | CPU / hello |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(Row(Hello, baseline, helloWall, helloCpu));
        foreach (var command in commands)
        {
            foreach (var program in programs)
            {
                output.WriteLine(Row($"{program} {command}", times[$"{program} {command}"], helloWall, helloCpu));
            }
        }
    }

    private static string Row(string name, List<(double Wall, double Cpu)> samples, double helloWall, double helloCpu)
    {
        var wall = Median(samples.Select(t => t.Wall));
        var cpu = Median(samples.Select(t => t.Cpu));
        var p90 = Percentile(samples.Select(t => t.Wall), 0.9);
        return string.Create(CultureInfo.InvariantCulture,
            $"| `{name}` | {samples.Count} | {wall:F1} ms | {p90:F1} ms | {cpu:F1} ms | {wall / helloWall:F1}x | {cpu / helloCpu:F1}x |");
    }

    private static void Add(Dictionary<string, List<(double Wall, double Cpu)>> times, string key, (double Wall, double Cpu) sample)
    {
        if (!times.TryGetValue(key, out var list))
        {
            times[key] = list = [];
        }

        list.Add(sample);
    }

    private static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The value at <paramref name="fraction"/> of the sorted samples, interpolated between neighbours.</summary>
    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var at = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = (int)Math.Ceiling(at);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }

    /// <summary>One run: wall time from start to exit, and the child's CPU time as the kernel counted it.</summary>
    private static (double Wall, double Cpu) Time(string program, string[] arguments, string here)
    {
        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Start(program, arguments, here);
        var drained = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null), process.StandardError.BaseStream.CopyToAsync(Stream.Null));
        process.WaitForExit();
        var wall = clock.Elapsed.TotalMilliseconds;
        drained.Wait();
        return (wall, (ChildrenCpu() - cpuBefore).TotalMilliseconds);
    }

    private static (int Code, string Text) Capture(string program, string[] arguments, string here)
    {
        using var process = Start(program, arguments, here);
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text + error.Result);
    }

    private static Process Start(string program, IEnumerable<string> arguments, string here)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = here,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
    }

    /// <summary>A console program that prints one line, framework-dependent, Release, invariant globalization as the tool is; published outside the repository so its build settings do not apply.</summary>
    private static string PublishHello(string work, TextWriter output)
    {
        var source = Directory.CreateDirectory(Path.Combine(work, "hello-source")).FullName;
        File.WriteAllText(Path.Combine(source, "hello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <InvariantGlobalization>true</InvariantGlobalization>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(source, "Program.cs"), "Console.WriteLine(\"Hello, World!\");\n");
        var published = Path.Combine(work, "hello");
        Dotnet(output, source, "publish", "-c", "Release", "-o", published, "-nologo", "-v", "q");
        return Path.Combine(published, Hello);
    }

    /// <summary>The tool as users get it: the working tree packed, then installed from that feed into a folder of its own.</summary>
    /// <remarks>
    /// The pack writes three packages (<c>DetainerRules.Cli</c> naming <c>DetainerRules.Cli.linux-x64</c>, with ReadyToRun
    /// images, and the portable <c>DetainerRules.Cli.any</c>); <c>dotnet tool install</c> takes the one for this machine.
    /// <c>-m:1</c> packs the two inner packages one after the other, as <c>.ci/check-package</c> does.
    /// </remarks>
    private static string InstallTool(string work, TextWriter output)
    {
        var version = $"0.0.0-cold-start.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Environment.ProcessId}";
        var feed = Path.Combine(work, "feed");
        Dotnet(output, RepositoryPaths.Root, "pack", "src/DetainerRules.Cli", "-c", "Release", $"-p:Version={version}", "-o", feed,
            "--artifacts-path", Path.Combine(work, "artifacts"), "-m:1", "-nologo", "-v", "q");
        var tool = Path.Combine(work, "tool");
        try
        {
            Dotnet(output, work, "tool", "install", "DetainerRules.Cli", "--version", version, "--tool-path", tool, "--add-source", feed);
        }
        finally
        {
            // A version of its own per run, removed from the NuGet cache after, as .ci/check-package does.
            var (_, cache) = Capture("dotnet", ["nuget", "locals", "global-packages", "--list"], work);
            foreach (var id in new[] { "detainerrules.cli", "detainerrules.cli.linux-x64", "detainerrules.cli.any" })
            {
                var folder = Path.Combine(cache.Trim().Replace("global-packages: ", string.Empty, StringComparison.Ordinal), id, version);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        var installed = Directory.EnumerateDirectories(Path.Combine(tool, ".store", "detainerrules.cli", version)).Select(Path.GetFileName);
        foreach (var package in Directory.EnumerateFiles(feed, "*.nupkg").Order(StringComparer.Ordinal))
        {
            output.WriteLine($"packed {Path.GetFileName(package)} ({new FileInfo(package).Length / 1024.0 / 1024.0:F1} MB)");
        }

        output.WriteLine($"installed {string.Join(", ", installed)}");
        return Path.Combine(tool, "detainer");
    }

    private static void Dotnet(TextWriter output, string folder, params string[] arguments)
    {
        output.WriteLine($"dotnet {string.Join(' ', arguments)}");
        var (code, text) = Capture("dotnet", arguments, folder);
        if (code != 0)
        {
            throw new InvalidOperationException($"`dotnet {string.Join(' ', arguments)}` exited {code}:\n{text}");
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The CPU time (user + system) of every child process this one has waited for.</summary>
    private static TimeSpan ChildrenCpu()
    {
        if (!OperatingSystem.IsLinux() || GetResourceUsage(ChildrenWho, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds * 1e6) + usage.UserMicroseconds + (usage.SystemSeconds * 1e6) + usage.SystemMicroseconds);
    }

    private const int ChildrenWho = -1; // RUSAGE_CHILDREN

    /// <summary>The start of Linux's <c>struct rusage</c> on 64 bits (two <c>timeval</c>s), then the fourteen counters it goes on with.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Counters;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
