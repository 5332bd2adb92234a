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
