using DetainerRules.Yaml.Files;

namespace DetainerRules.Cli.Files;

/// <summary>A folder the tool fills with files (<c>compare --emit-examples</c>): new or empty, so what it holds afterwards is this run's and nothing else.</summary>
/// <remarks>
/// A folder that already holds files is refused rather than mixed into: stale examples beside new
/// ones would read as this run's. Each file is written through <see cref="OutputFile"/>, so a link
/// placed in the folder meanwhile is replaced, never written through.
/// </remarks>
internal static class OutputFolder
{
    /// <summary>Why the folder cannot be written, before any work is done; null when it can.</summary>
    public static string? Refusal(string folder)
    {
        var node = FileNode.Of(folder, followLinks: false);
        return node.Kind switch
        {
            FileNodeKind.Missing => null,
            FileNodeKind.Directory => Directory.EnumerateFileSystemEntries(folder).Any()
                ? "is not empty; name a new or empty folder, so that no earlier file is taken for one of this run's"
                : null,
            FileNodeKind.SymbolicLink => "is a symbolic link; name the folder itself",
            _ => $"is {node.Described}, not a folder",
        };
    }

    /// <summary>
    /// Makes sure the folder can take files before any work is done: creates it if missing and
    /// writes and removes a probe file, so a folder the system refuses fails the run before a
    /// report is printed rather than after.
    /// </summary>
    /// <returns>Whether this call created the folder (to remove it again if the run fails later).</returns>
    /// <exception cref="OutputException">The folder cannot be created or written; nothing is left behind.</exception>
    public static bool Claim(string folder, string shown)
    {
        var created = !Directory.Exists(folder);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".detainer-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return created;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (created && Directory.Exists(folder))
            {
                Directory.Delete(folder);
            }

            throw OutputException.From($"`{shown}`", e);
        }
    }

    /// <summary>Removes a folder <see cref="Claim"/> created, if the run failed before writing into it.</summary>
    public static void Release(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the run is already failing for another reason, which is what to report.
        }
    }

    /// <summary>Creates the folder if needed and writes each file whole.</summary>
    /// <exception cref="OutputException">A file could not be written; the files this call wrote are removed again.</exception>
    public static void Write(string folder, string shown, IEnumerable<(string Name, string Text)> files)
    {
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in files)
            {
                using var file = OutputFile.Create(Path.Combine(folder, name), Path.Combine(shown, name));
                file.Writer.Write(text);
                file.Commit();
                written.Add(file.Target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            written.ForEach(File.Delete);
            throw OutputException.From($"`{shown}`", e);
        }
        catch (OutputException)
        {
            written.ForEach(File.Delete);
            throw;
        }
    }
}
