using System.Text;

namespace DetainerRules.Yaml.Batch;

/// <summary>Reads a batch input line by line, holding at most a bounded number of characters of any line.</summary>
/// <remarks>
/// <see cref="TextReader.ReadLine"/> holds a whole line however long, so an input without line
/// breaks filled memory. Here a line past the bound is skipped to its end without being kept (its
/// length is still counted), and the cancellation token is checked at every block read, so Ctrl+C
/// and SIGTERM are heard even in the middle of a line. Line breaks are those of
/// <see cref="TextReader.ReadLine"/> (<c>\n</c>, <c>\r\n</c>, <c>\r</c>); a byte-order mark at the
/// start of a line (files joined with <c>cat</c>) is dropped.
/// </remarks>
internal sealed class BoundedLines(TextReader reader, int maxLength, CancellationToken cancel)
{
    private const char ByteOrderMark = '\uFEFF';

    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _pending = new();
    private int _start;
    private int _end;
    private bool _afterCarriageReturn;
    private long _number;

    /// <summary>One line: its number from 1, its text (null when it is longer than the bound) and its length.</summary>
    public readonly record struct Line(long Number, string? Text, long Length);

    public int MaxLength => maxLength;

    /// <returns>False at the end of the input.</returns>
    public bool Next(out Line line)
    {
        _pending.Clear();
        var length = 0L;
        var started = false;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                if (!started)
                {
                    line = default;
                    return false;
                }

                line = Finish(length);
                return true;
            }

            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            started = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\r', '\n');
            var take = stop < 0 ? span.Length : stop;
            if (length + take <= maxLength)
            {
                _pending.Append(span[..take]);
            }

            length += take;
            _start += take;
            if (stop >= 0)
            {
                _afterCarriageReturn = span[stop] == '\r';
                _start++;
                line = Finish(length);
                return true;
            }
        }
    }

    private bool Fill()
    {
        cancel.ThrowIfCancellationRequested();
        _start = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private Line Finish(long length)
    {
        _number++;
        if (length > maxLength)
        {
            return new Line(_number, null, length);
        }

        var text = _pending.Length > 0 && _pending[0] == ByteOrderMark ? _pending.ToString(1, _pending.Length - 1) : _pending.ToString();
        return new Line(_number, text, text.Length);
    }
}
