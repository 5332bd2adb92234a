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

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(shown, "cannot read file: " + e.Message);
        }
    }

    private static InvalidInputException Fail(string path, string message) =>
        new([Diagnostic.Error(new SourceSpan(path, 0, 0), "DR100", string.Empty, message)]);
}
