using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Files;

namespace DetainerRules.Yaml;

/// <summary>Opens and reads input files, turning I/O failures into diagnostics like any other input problem.</summary>
/// <remarks>
/// Every input the tool reads is opened here, after a check that it is a regular file: a FIFO
/// would block the open until a writer came, and a device (<c>/dev/zero</c>) never ends.
/// </remarks>
public static class InputFile
{
    /// <param name="displayPath">How messages name the file; defaults to <paramref name="path"/>.</param>
    public static string Read(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        try
        {
            RequireRegularFile(path, shown);
            var length = new FileInfo(path).Length;
            if (length > Documents.InputLimits.MaxFileLength * 4L)
            {
                throw Fail(shown, $"file is {length} bytes; the limit is {Documents.InputLimits.MaxFileLength} characters");
            }

            // Read with a bound whatever the size says: /proc files report a length of 0. The buffer starts at the
            // size the file says (a character takes at least a byte) and grows to the bound only for a file that
            // has more: one of the bound's size for every file took 8 MB each, a policy catalog's worth at each start.
            using var reader = new StreamReader(path);
            const int bound = Documents.InputLimits.MaxFileLength + 1;
            var buffer = new char[(int)Math.Min(bound, length + 1)];
            var read = 0;
            while ((read += reader.ReadBlock(buffer, read, buffer.Length - read)) == buffer.Length && buffer.Length < bound)
            {
                Array.Resize(ref buffer, (int)Math.Min(bound, buffer.Length * 2L));
            }

            return read > Documents.InputLimits.MaxFileLength
                ? throw Fail(shown, $"file is longer than the limit of {Documents.InputLimits.MaxFileLength} characters")
                : new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(shown, "cannot read file: " + e.Message);
        }
    }

    /// <summary>Opens a regular file for reading as a stream of text (batch inputs, read a record at a time).</summary>
    /// <exception cref="InvalidInputException">The path is missing, a folder, or not a regular file, or cannot be opened.</exception>
    public static StreamReader OpenText(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        RequireRegularFile(path, shown);
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(shown, "cannot read file: " + e.Message);
        }
    }

    /// <summary>Refuses, before anything opens it, a path that is not a regular file (following links).</summary>
    /// <exception cref="InvalidInputException">Missing, a folder, a FIFO, a device or a socket.</exception>
    public static void RequireRegularFile(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        var node = FileNode.Of(path);
        switch (node.Kind)
        {
            case FileNodeKind.RegularFile:
                return;
            case FileNodeKind.Missing:
                throw Fail(shown, "file not found");
            case FileNodeKind.Directory:
                throw Fail(shown, "is a directory, not a file");
            default:
                throw Fail(shown, $"is {node.Described}, not a regular file; only regular files are read");
        }
    }

    private static InvalidInputException Fail(string path, string message) =>
        new([Diagnostic.Error(new SourceSpan(path, 0, 0), DiagnosticCodes.File, string.Empty, message)]);
}
