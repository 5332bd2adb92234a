using DetainerRules.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DetainerRules.Yaml.Documents;

/// <summary>Reads one YAML or JSON document into nodes that know their positions and paths.</summary>
/// <remarks>
/// Built on YamlDotNet's event parser rather than its deserializer so that every problem can name
/// the field path, duplicate keys are caught, and anchors, aliases and tags are refused outright:
/// an alias can multiply a small file into a huge one, a tag silently changes a value's type, and
/// none of our formats needs them.
/// </remarks>
internal sealed class DocumentReader
{
    private readonly string _file;
    private readonly string _text;
    private readonly int[] _lineStarts;

    private DocumentReader(string file, string text)
    {
        _file = file;
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Loads the single document in <paramref name="text"/>.</summary>
    /// <exception cref="InvalidInputException">The text is not a well-formed document within the limits.</exception>
    public static (YamlNode Root, Func<int, SourceSpan> Locate) Read(string file, string text)
    {
        if (text.Length > InputLimits.MaxFileLength)
        {
            throw Fail(new SourceSpan(file, 1, 1), string.Empty, $"file is {text.Length} characters long; the limit is {InputLimits.MaxFileLength}");
        }

        var reader = new DocumentReader(file, text);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw Fail(new SourceSpan(file, 1, 1), string.Empty, "file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = reader.ReadNode(parser, string.Empty, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw Fail(reader.Span(parser.Current!.Start), string.Empty, "file holds more than one document; put one per file");
            }

            return (root, reader.Locate);
        }
        catch (YamlException e)
        {
            var said = Describe(e);
            var at = SyntaxAdvice.IsAboutATab(said) && reader.FirstTabIndent() is { } tab ? tab : reader.Span(e.Start);
            throw Fail(at, string.Empty, "not valid YAML or JSON: " + SyntaxAdvice.Explain(said));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these too on some malformed input (empty tags, bad escapes, stray tokens).
            var at = parser.Current?.Start is { Line: > 0 } mark ? reader.Span(mark) : new SourceSpan(file, 1, 1);
            var message = System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*\(Parameter '[^']*'\)$", string.Empty).TrimEnd('.');
            if (e is InvalidOperationException && message.StartsWith("Operation is not valid", StringComparison.Ordinal))
            {
                message = "malformed input the parser cannot go on from";
            }

            throw Fail(at, string.Empty, "not valid YAML or JSON: " + char.ToLowerInvariant(message[0]) + message[1..]);
        }
    }

    private static string Describe(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).Trim();
        var paren = message.IndexOf(") - (", StringComparison.Ordinal);
        if (message.StartsWith('(') && paren > 0 && message.IndexOf("): ", paren, StringComparison.Ordinal) is var colon and > 0)
        {
            message = message[(colon + 3)..];
        }

        return char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.');
    }

    private static InvalidInputException Fail(SourceSpan span, string path, string message) =>
        new([Diagnostic.Error(span, DiagnosticCodes.Syntax, path, message)]);

    private SourceSpan Locate(int index)
    {
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceSpan(_file, line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>Where the first line indented with a tab has it, if any line does.</summary>
    private SourceSpan? FirstTabIndent()
    {
        foreach (var start in _lineStarts)
        {
            for (var i = start; i < _text.Length && _text[i] is ' ' or '\t'; i++)
            {
                if (_text[i] == '\t')
                {
                    return Locate(i);
                }
            }
        }

        return null;
    }

    private SourceSpan Span(Mark mark) => new(_file, mark.Line, mark.Column);

    private YamlNode ReadNode(IParser parser, string path, int depth)
    {
        var current = parser.Current!;
        if (depth > InputLimits.MaxDepth)
        {
            throw Fail(Span(current.Start), path, $"nesting is deeper than {InputLimits.MaxDepth} levels");
        }

        switch (current)
        {
            case AnchorAlias alias:
                throw Fail(Span(alias.Start), path, "anchors and aliases (`*name`) are not supported: write the value out");
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw Fail(Span(anchored.Start), path, "anchors (`&name`) are not supported: write the value out");
            case NodeEvent { Tag.IsEmpty: false } tagged:
                // A tag changes how a value is read (`!!str true` is text, not a flag); the formats give every field one type, so a tag could only mislead.
                throw Fail(Span(tagged.Start), path, "tags (`!!str`, `!name`) are not supported: write the value plainly, quoted if it is text");
            case Scalar scalar:
                parser.MoveNext();
                if (scalar.Value.Length > InputLimits.MaxScalarLength)
                {
                    throw Fail(Span(scalar.Start), path, $"value is {scalar.Value.Length} characters long; the limit is {InputLimits.MaxScalarLength}");
                }

                return new YamlScalar(Span(scalar.Start), path, scalar.Value, scalar.Style == ScalarStyle.Plain,
                    (int)scalar.Start.Index, (int)scalar.End.Index);
            case SequenceStart start:
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, $"{path}[{items.Count}]", depth + 1));
                }

                return new YamlSequence(Span(start.Start), path, items);
            case MappingStart start:
                parser.MoveNext();
                return ReadMapping(parser, start, path, depth);
            default:
                throw Fail(Span(current.Start), path, "unexpected content");
        }
    }

    private YamlMapping ReadMapping(IParser parser, MappingStart start, string path, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(parser, path, depth + 1) is not YamlScalar key || key.IsNull)
            {
                throw Fail(Span(start.Start), path, "keys must be plain words");
            }

            var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            if (seen.TryGetValue(key.Value, out var first))
            {
                throw Fail(key.Span, childPath, $"duplicate key `{key.Value}` (first at line {first.Span.Line})");
            }

            seen[key.Value] = key;
            entries.Add(new(key, ReadNode(parser, childPath, depth + 1)));
        }

        return new YamlMapping(Span(start.Start), path, entries);
    }
}
