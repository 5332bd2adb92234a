using System.Diagnostics;

namespace DetainerRules.Browser.Tests;

/// <summary>Debian's Chromium, the browser these tests drive: found by path, installed by <c>.ci/install-chromium</c> when missing, else a failure that says what to do.</summary>
/// <remarks>
/// Playwright cannot download a browser build of its own here, so it launches the system's by its
/// executable path. A machine without one must not pass (or skip) the browser tests silently: the
/// fixture installs it as CI does, and fails with the installer's words when that does not work.
/// </remarks>
internal static class Chromium
{
    /// <summary>Names the browser to launch instead of the one found on the machine.</summary>
    public const string Variable = "DETAINER_CHROMIUM";

    private const string DebianPath = "/usr/bin/chromium";

    private static readonly Lock Gate = new();

    private static string? _found;

    /// <summary>The browser's executable; installs Debian's package once when none is found.</summary>
    public static string Executable()
    {
        lock (Gate)
        {
            return _found ??= Locate();
        }
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : throw new AssertionException($"{Variable} names {named}, which does not exist: point it at a Chromium executable, or unset it to use Debian's chromium");
        }

        if (Find() is { } found)
        {
            return found;
        }

        var installed = Install();
        return Find() ?? throw new AssertionException($"Chromium is missing and could not be installed, so the browser tests cannot run. Run `.ci/install-chromium` as root (Debian's chromium package) or set {Variable} to a Chromium executable. The installer said:\n{installed}");
    }

    /// <summary>Debian's path, else <c>chromium</c> on the PATH.</summary>
    private static string? Find()
    {
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the repository's installer (found from this assembly's folder upward); what it printed, for the failure message.</summary>
    private static string Install()
    {
        var script = Repository.File(Path.Combine(".ci", "install-chromium"));
        if (script is null)
        {
            return $"no .ci/install-chromium above {AppContext.BaseDirectory}";
        }

        TestContext.Progress.WriteLine($"Chromium not found: running {script}");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script))!,
        };
        using var process = Process.Start(start) ?? throw new AssertionException("could not start bash to run " + script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return $"{script} did not finish in 10 minutes";
        }

        var said = $"{output.Result}{error.Result}".Trim();
        TestContext.Progress.WriteLine(said);
        return $"{script} exited {process.ExitCode}: {said}";
    }
}
