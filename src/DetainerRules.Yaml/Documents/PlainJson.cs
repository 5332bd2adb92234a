using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DetainerRules.Yaml.Documents;

/// <summary>
/// A line of text that could be one JSON object the YAML reader sees alike, as the UTF-8 bytes the
/// fast readers take: checked and transcoded once, then given to <see cref="JsonScenarioReader"/>
/// and, when it declines, to <see cref="JsonNodeReader"/>.
/// </summary>
/// <remarks>
/// A record the direct reader declines (a bad or an unusual one) was once checked and transcoded by
/// each reader in turn. The bytes live in a pooled buffer until <see cref="Dispose"/>.
/// </remarks>
internal ref struct PlainJson
{
    /// <summary>Characters after which the JSON and YAML readers could disagree on positions or on whether the text is valid.</summary>
    private static readonly SearchValues<char> Unsure = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(c => (char)c))
        + "\u2028\u2029\uFEFF\uFFFE\uFFFF");

    private byte[]? _buffer;
    private readonly int _length;

    private PlainJson(string text, byte[] buffer, int length)
    {
        Text = text;
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The text the bytes encode.</summary>
    public string Text { get; }

    /// <summary>The text as UTF-8.</summary>
    public readonly ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <summary>The bytes when they are not all ASCII (then a byte's index is not its character's), else null.</summary>
    public readonly byte[]? NonAscii => _length == Text.Length ? null : _buffer;

    /// <summary>
    /// Whether <paramref name="text"/> could be one JSON object both readers see alike: within the file
    /// limit, an opening brace after any spaces, and no character after which they could disagree.
    /// </summary>
    /// <remarks>The brace is looked for first: a YAML file then never builds <see cref="Unsure"/>'s search tables, which were about 2% of a cold <c>evaluate</c>.</remarks>
    public static bool MayBeObject(ReadOnlySpan<char> text) =>
        text.Length <= InputLimits.MaxFileLength && text.TrimStart(' ') is ['{', ..] && !text.ContainsAny(Unsure);

    /// <summary>The same test on UTF-8 the tool wrote itself (a CSV row's JSON), made stricter: printable ASCII only, which <see cref="System.Text.Json.Utf8JsonWriter"/>'s escaping gives.</summary>
    public static bool MayBeObject(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= InputLimits.MaxFileLength && !utf8.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) && utf8.TrimStart((byte)' ') is [(byte)'{', ..];

    /// <summary>The text's UTF-8 when it passes <see cref="MayBeObject(ReadOnlySpan{char})"/> and has no lone surrogate (which has no UTF-8 form: YamlDotNet decides what it means).</summary>
    public static bool TryEncode(string text, out PlainJson json)
    {
        json = default;
        if (!MayBeObject(text))
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        if (Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return false;
        }

        json = new PlainJson(text, buffer, written);
        return true;
    }

    /// <summary>Gives the buffer back to the pool; the bytes are gone after this.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
