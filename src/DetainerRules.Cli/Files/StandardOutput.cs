using System.Runtime.InteropServices;
using System.Text;

namespace DetainerRules.Cli.Files;

/// <summary>Standard output as a stream whose failures are reported, not swallowed.</summary>
/// <remarks>
/// .NET's console stream drops writes to a closed pipe without a word (so <c>generate | head -1</c>
/// ran to the end) and reports a full disk as an anonymous <see cref="IOException"/>. On Linux
/// this writes with <c>write(2)</c> itself and turns every failure into an
/// <see cref="OutputException"/> naming standard output; a broken pipe is marked as such.
/// Elsewhere it falls back to the console's stream.
/// </remarks>
internal sealed class StandardOutput : Stream
{
    private const string Name = "standard output";
    private const int Interrupted = 4;
    private const int WouldBlock = 11;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>A writer for standard output: UTF-8 without a byte-order mark, flushed at each write as the console's is, safe across threads.</summary>
    public static TextWriter CreateWriter()
    {
        Stream stream = OperatingSystem.IsLinux() ? new StandardOutput() : Console.OpenStandardOutput();
        return TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024) { AutoFlush = true });
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var written = WriteBytes(1, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Interrupted)
            {
                continue;
            }

            if (errno == WouldBlock)
            {
                // Standard output left non-blocking by another program: wait for room.
                Thread.Sleep(1);
                continue;
            }

            throw OutputException.FromErrno(Name, errno);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteBytes(int descriptor, ref byte buffer, nint count);
}
