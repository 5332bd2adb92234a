using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml;

/// <summary>Reads an input file, turning I/O failures into diagnostics like any other input problem.</summary>
public static class InputFile
{
    /// <param name="displayPath">How messages name the file; defaults to <paramref name="path"/>.</param>
    public static string Read(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Fail(shown, Directory.Exists(path) ? "is a directory, not a file" : "file not found");
            }

            if (info.Length > Documents.InputLimits.MaxFileLength * 4L)
            {
                throw Fail(shown, $"file is {info.Length} bytes; the limit is {Documents.InputLimits.MaxFileLength} characters");
            }

            // Read with a bound whatever the size says: devices and /proc files report a length of 0.
            using var reader = new StreamReader(path);
            var buffer = new char[Documents.InputLimits.MaxFileLength + 1];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return read > Documents.InputLimits.MaxFileLength
                ? throw Fail(shown, $"file is longer than the limit of {Documents.InputLimits.MaxFileLength} characters")
                : new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(shown, "cannot read file: " + e.Message);
        }
    }

    private static InvalidInputException Fail(string path, string message) =>
        new([Diagnostic.Error(new SourceSpan(path, 0, 0), "DR100", string.Empty, message)]);
}
