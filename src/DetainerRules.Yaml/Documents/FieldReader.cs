using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Yaml.Documents;

/// <summary>Reads typed values out of nodes, recording a diagnostic for every problem and carrying on.</summary>
/// <remarks>
/// Every reader returns null on a problem so the caller can keep going and report the rest of the
/// file's problems in the same run; nothing is ever filled in with a silent default.
/// </remarks>
internal sealed class FieldReader(List<Diagnostic> diagnostics)
{
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <param name="code">The problem's kind; a field's (<see cref="DiagnosticCodes.Field"/>) unless given.</param>
    public void Report(SourceSpan span, string path, string message, DiagnosticCode? code = null) =>
        Diagnostics.Add(Diagnostic.Error(span, code ?? DiagnosticCodes.Field, path, message));

    public MappingView? Mapping(YamlNode? node, IReadOnlyCollection<string> allowedKeys)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlMapping mapping)
        {
            return new MappingView(mapping, this, allowedKeys);
        }

        Report(node.Span, node.Path, $"expected a mapping of keys to values, found {node.Kind}");
        return null;
    }

    public YamlNode? Required(MappingView parent, string key)
    {
        var node = parent[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            Report((node ?? parent.Node).Span, parent.PathOf(key), "required field is missing");
            return null;
        }

        return node;
    }

    public IReadOnlyList<YamlNode> List(YamlNode? node)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            default:
                Report(node.Span, node.Path, $"expected a list, found {node.Kind}");
                return [];
        }
    }

    public string? Text(YamlNode? node)
    {
        if (node is YamlScalar { IsNull: true } empty)
        {
            Report(empty.Span, empty.Path, "expected text, found nothing");
            return null;
        }

        var scalar = Scalar(node, "text");
        if (scalar is null)
        {
            return null;
        }

        if (AcceptedText(scalar.Value) is not { } text)
        {
            Report(scalar.Span, scalar.Path, "text is empty");
            return null;
        }

        return text;
    }

    /// <summary>Text as a field holds it: trimmed, and null when nothing is left.</summary>
    internal static string? AcceptedText(string value)
    {
        var text = value.Trim();
        return text.Length == 0 ? null : text;
    }

    public bool? Flag(YamlNode? node)
    {
        var scalar = Scalar(node, "`true` or `false`");
        return scalar switch
        {
            null => null,
            { IsPlain: true, Value: "true" or "True" or "TRUE" } => true,
            { IsPlain: true, Value: "false" or "False" or "FALSE" } => false,
            _ => Invalid<bool>(scalar, $"expected `true` or `false`, found `{scalar.Value}`"),
        };
    }

    public int? Integer(YamlNode? node, int min, int max)
    {
        var scalar = Scalar(node, "a whole number");
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Invalid<int>(scalar, $"expected a whole number, found `{scalar.Value}`");
        }

        return value < min || value > max ? Invalid<int>(scalar, $"{value} is out of range: expected {min} to {max}") : value;
    }

    /// <summary>A word of <paramref name="type"/>'s vocabulary, as its boxed value (callers unbox with <c>as</c>); null when absent or refused, the refusal reported.</summary>
    /// <remarks>Over the enum's type, not generic in it: a generic method per enum, with the framework's nullable of each enum, is compiled at every start, since no ahead-of-time image holds them.</remarks>
    public Enum? Word(YamlNode? node, Type type)
    {
        var scalar = Scalar(node, "a value");
        if (scalar is null)
        {
            return null;
        }

        if (Vocabulary.TryParse(type, scalar.Value, out var value))
        {
            return value;
        }

        var words = Vocabulary.Words(type);
        Report(scalar.Span, scalar.Path, $"`{scalar.Value}` is not allowed here{Suggestion.Hint(scalar.Value, words)}; expected one of {string.Join(", ", words.Select(w => $"`{w}`"))}");
        return null;
    }

    public DateTimeOffset? Timestamp(YamlNode? node)
    {
        var scalar = Scalar(node, "a date and time");
        if (scalar is null)
        {
            return null;
        }

        return Timestamps.Parse(scalar.Value, out var problem) ?? Invalid<DateTimeOffset>(scalar, $"`{scalar.Value}` {problem}");
    }

    public DateOnly? Date(YamlNode? node)
    {
        var scalar = Scalar(node, "a date");
        if (scalar is null)
        {
            return null;
        }

        if (!IsDay(scalar.Value, out var value))
        {
            return Invalid<DateOnly>(scalar, $"`{scalar.Value}` is not a valid date: expected `YYYY-MM-DD`");
        }

        return InRange(value.Year) ? value : Invalid<DateOnly>(scalar, OutOfRange(scalar.Value));
    }

    /// <summary>The date <see cref="Date"/> reads from <paramref name="text"/>; null wherever it would report a problem.</summary>
    internal static DateOnly? AcceptedDate(string text) => IsDay(text, out var value) && InRange(value.Year) ? value : null;

    /// <summary>The one form a day is written in: <c>YYYY-MM-DD</c>.</summary>
    private static bool IsDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>A date as sources give it: to the year, the month or the day (<c>2023</c>, <c>2023-05</c>, <c>2023-05-17</c>).</summary>
    public LegalDate? LegalDate(YamlNode? node)
    {
        var scalar = Scalar(node, "a date");
        if (scalar is null)
        {
            return null;
        }

        if (!Model.Policies.LegalDate.TryParse(scalar.Value, out var date))
        {
            return Invalid<LegalDate>(scalar, $"`{scalar.Value}` is not a date: write `YYYY`, `YYYY-MM` or `YYYY-MM-DD`");
        }

        return InRange(date.Year) ? date : Invalid<LegalDate>(scalar, OutOfRange(scalar.Value));
    }

    public YamlScalar? Scalar(YamlNode? node, string what)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar;
            default:
                Report(node.Span, node.Path, $"expected {what}, found {node.Kind}");
                return null;
        }
    }

    /// <summary>Dates and times the tool accepts: look-backs of up to 200 years and holds of weeks must stay representable.</summary>
    private static bool InRange(int year) => year is >= InputLimits.MinYear and <= InputLimits.MaxYear;

    private static string OutOfRange(string value) => $"`{value}` is out of range: years {InputLimits.MinYear} to {InputLimits.MaxYear} are accepted";

    private T? Invalid<T>(YamlScalar scalar, string message)
        where T : struct
    {
        Report(scalar.Span, scalar.Path, message);
        return null;
    }
}
