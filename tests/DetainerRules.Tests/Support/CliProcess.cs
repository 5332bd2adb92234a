using System.Diagnostics;

namespace DetainerRules.Tests.Support;

/// <summary>Runs the built <c>detainer</c> in a process of its own: for what only a real process shows (signals, pipes, devices, hangs).</summary>
internal static class CliProcess
{
    /// <summary>A run that has not ended by then has hung: it is killed and reported as such.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(90);

    public static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.dll");

    /// <summary><c>detainer ARGS</c> in <paramref name="workingDirectory"/>; a hang fails the test instead of stopping the suite.</summary>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary><c>detainer ARGS</c> started with <paramref name="runtimeConfig"/> in place of the program's own runtime configuration (its runtime switches).</summary>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, string[] args, string runtimeConfig) =>
        Start(Info("dotnet", ["exec", "--runtimeconfig", runtimeConfig, Dll, .. args], workingDirectory));

    /// <summary><c>detainer ARGS</c> with these environment variables set (null: removed).</summary>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = Info("dotnet", ["exec", Dll, .. args], workingDirectory);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Start(info);
    }

    /// <summary>
    /// <c>detainer ARGS</c> without the capabilities that let root write where file permissions say
    /// no (<c>setpriv</c> drops <c>CAP_DAC_OVERRIDE</c> and <c>CAP_DAC_READ_SEARCH</c>): for a test of an
    /// unwritable output run by root, which the operating system would otherwise let write anywhere.
    /// </summary>
    public static (int Exit, string Out, string Err) RunWithoutPermissionOverride(string workingDirectory, params string[] args) =>
        Start(Info("setpriv", [.. DropPermissionOverride, "dotnet", "exec", Dll, .. args], workingDirectory));

    /// <summary><c>setpriv</c>'s arguments for <see cref="RunWithoutPermissionOverride"/>: out of the bounding and inheritable sets, so root's next program starts without them.</summary>
    public static readonly string[] DropPermissionOverride = ["--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-dac_override,-dac_read_search"];

    /// <summary>A shell command line, with <c>$DETAINER</c> standing for the tool.</summary>
    public static (int Exit, string Out, string Err) Shell(string workingDirectory, string script)
    {
        var info = Info("bash", ["-c", script], workingDirectory);
        info.Environment["DETAINER"] = $"dotnet exec {Dll}";
        return Start(info);
    }

    private static ProcessStartInfo Info(string program, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(program, args) { WorkingDirectory = workingDirectory };

        // The catalog a run sees is the one the test sets up, whatever the developer's shell exports.
        info.Environment.Remove(DetainerRules.Yaml.CatalogSearchPath.Variable);
        return info;
    }

    private static (int Exit, string Out, string Err) Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"hung: still running after {HangLimit.TotalSeconds} s: {info.FileName} {string.Join(' ', info.ArgumentList)}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
