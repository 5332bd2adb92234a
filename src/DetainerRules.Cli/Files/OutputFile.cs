using System.Security.Cryptography;
using System.Text;
using DetainerRules.Yaml.Files;

namespace DetainerRules.Cli.Files;

/// <summary>A file the tool writes: written whole under a name of its own, then renamed over the target, or not at all.</summary>
/// <remarks>
/// Every file the tool writes goes through here. The temporary file is beside the target, named
/// for the run (<c>results.jsonl.3f9a2c71.partial</c>) and created exclusively (<c>O_EXCL</c>:
/// never an existing file, never through a symbolic link placed at that name), so two runs with
/// the same output never share it and a killed run leaves only a <c>.partial</c> file. The rename
/// replaces whatever is at the target's name (a link is replaced, not followed) in one step, so
/// the target is the old file or the whole new one, never a mix.
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    private readonly FileStream _stream;
    private BufferedStream? _bytes;
    private bool _committed;

    private OutputFile(string target, string shown, string temporary, FileStream stream)
    {
        Target = target;
        Shown = shown;
        TemporaryPath = temporary;
        _stream = stream;
        Writer = new StreamWriter(new Guarded(stream, shown), new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
    }

    public string Target { get; }

    public string Shown { get; }

    public string TemporaryPath { get; }

    /// <summary>Text goes here: UTF-8 without a byte-order mark, <c>\n</c> line ends.</summary>
    public TextWriter Writer { get; }

    /// <summary>Bytes go here, for a format that is not text (Parquet) or text already encoded (batch output): buffered, not seekable. A file is written as text or as bytes, not both.</summary>
    public Stream Bytes => _bytes ??= new BufferedStream(new Guarded(_stream, Shown), 64 * 1024);

    /// <summary>Why the target cannot be written at all, before any work is done; null when it can.</summary>
    /// <param name="inputs">Every file the command reads: the target must be none of them.</param>
    public static string? Refusal(string target, IEnumerable<string> inputs)
    {
        var node = FileNode.Of(target, followLinks: false);
        switch (node.Kind)
        {
            case FileNodeKind.Missing:
                return null;
            case FileNodeKind.RegularFile:
                break;
            case FileNodeKind.SymbolicLink:
                return "is a symbolic link; name the file itself (the result replaces what is at the name, so the link would be replaced, not written through)";
            case FileNodeKind.Directory:
                return "is a folder; name a file";
            default:
                return $"is {node.Described}; results are written whole and renamed into place, so name a regular file";
        }

        foreach (var input in inputs)
        {
            if (FileNode.Of(input).SameAs(node))
            {
                return $"is the same file as the input `{input}`; write the results to another file";
            }
        }

        return null;
    }

    /// <summary>Creates the temporary file for <paramref name="target"/>.</summary>
    /// <param name="shown">The target as the user named it, for messages.</param>
    /// <exception cref="OutputException">The folder is missing or not writable.</exception>
    public static OutputFile Create(string target, string shown) => Create(target, shown, () => RandomNumberGenerator.GetHexString(8, lowercase: true));

    /// <param name="draw">Draws the part of the temporary name that is the run's own.</param>
    internal static OutputFile Create(string target, string shown, Func<string> draw)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full) ?? throw new OutputException($"`{shown}`", "has no folder");
        for (var attempt = 0; ; attempt++)
        {
            var temporary = Path.Combine(folder, $"{Path.GetFileName(full)}.{draw()}.partial");
            try
            {
                var stream = new FileStream(temporary, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    BufferSize = 0,
                });
                return new OutputFile(full, shown, temporary, stream);
            }
            catch (IOException) when (attempt < 8 && FileNode.Of(temporary, followLinks: false).Kind != FileNodeKind.Missing)
            {
                // Another file has that name (by chance, or put there): draw another.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw OutputException.From($"`{shown}`", e);
            }
        }
    }

    /// <summary>Writes out what is buffered, to the disk, and renames the file over the target.</summary>
    /// <exception cref="OutputException">Writing or renaming failed; the temporary file is removed.</exception>
    public void Commit()
    {
        try
        {
            _bytes?.Flush();
            Writer.Flush();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            KeepMode();
            File.Move(TemporaryPath, Target, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw OutputException.From($"`{Shown}`", e);
        }
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // What could not be written is being thrown away.
        }

        Abandon();
    }

    /// <summary>Removes the temporary file by name, from any thread (a stopping signal's handler), leaving the stream to its owner.</summary>
    public void Abandon()
    {
        if (!_committed)
        {
            File.Delete(TemporaryPath);
        }
    }

    /// <summary>A file replaced in place keeps its permissions.</summary>
    private void KeepMode()
    {
        if (!OperatingSystem.IsWindows() && FileNode.Of(Target, followLinks: false).Kind == FileNodeKind.RegularFile)
        {
            File.SetUnixFileMode(TemporaryPath, File.GetUnixFileMode(Target));
        }
    }

    /// <summary>The file's stream with its I/O errors reported as the output's.</summary>
    private sealed class Guarded(FileStream inner, string shown) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (IOException e)
            {
                throw OutputException.From($"`{shown}`", e);
            }
        }

        public override void Flush()
        {
            try
            {
                inner.Flush();
            }
            catch (IOException e)
            {
                throw OutputException.From($"`{shown}`", e);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
