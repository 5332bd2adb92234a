using System.Diagnostics;

namespace DetainerRules.Tests.Support;

/// <summary>How a test can see the tool meet a folder it may not write in.</summary>
internal enum WritePermission
{
    /// <summary>This process is refused (a user other than root): the tool runs in-process.</summary>
    EnforcedInProcess,

    /// <summary>This process is root, whom the kernel lets write anywhere; a child without <c>CAP_DAC_OVERRIDE</c> is refused (<see cref="CliProcess.RunWithoutPermissionOverride"/>).</summary>
    EnforcedInAChild,

    /// <summary>Root, and no way found to drop the override: a folder's mode does not stop a write.</summary>
    NotEnforced,
}

/// <summary>Finds, by trying, whether and how a folder without write permission refuses a write here.</summary>
internal static class WritePermissions
{
    /// <summary><c>r-xr-xr-x</c>: readable and searchable by all, writable by none.</summary>
    public const UnixFileMode ReadOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public const UnixFileMode WritableFolder = ReadOnlyFolder | UnixFileMode.UserWrite;

    /// <summary>Makes a read-only folder in <paramref name="parent"/> and tries to write in it, here and in a child without the override.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static WritePermission Probe(string parent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "permission-probe")).FullName;
        File.SetUnixFileMode(folder, ReadOnlyFolder);
        try
        {
            try
            {
                File.WriteAllText(Path.Combine(folder, "here"), "x");
            }
            catch (UnauthorizedAccessException)
            {
                return WritePermission.EnforcedInProcess;
            }

            var child = Path.Combine(folder, "child");
            try
            {
                using var touch = Process.Start(new ProcessStartInfo("setpriv", [.. CliProcess.DropPermissionOverride, "touch", child]) { RedirectStandardError = true })!;
                touch.StandardError.ReadToEnd();
                touch.WaitForExit();
                return touch.ExitCode != 0 && !File.Exists(child) ? WritePermission.EnforcedInAChild : WritePermission.NotEnforced;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No setpriv on this machine.
                return WritePermission.NotEnforced;
            }
        }
        finally
        {
            File.SetUnixFileMode(folder, WritableFolder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
