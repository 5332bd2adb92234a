using System.CommandLine;
using System.CommandLine.Parsing;

namespace DetainerRules.Cli.Commands;

/// <summary><c>--format</c>, one of a command's formats (the first is the default), each written as its name in lowercase (any case is read); any other word is an error that lists them.</summary>
/// <remarks>
/// An option over the format's name, not over its enum: an option over an enum is the command-line library's generic
/// code instantiated over a type of this project, which no ahead-of-time image holds, so it was compiled at every start
/// (about thirty methods for <c>evaluate</c>). The value is the format's name as the enum spells it, so help still
/// shows the default as it did (<c>[default: Text]</c>).
/// </remarks>
internal sealed class FormatOption : Option<string>
{
    private readonly Enum[] _formats;
    private readonly string[] _words;

    public FormatOption(params Enum[] formats)
        : base("--format")
    {
        _formats = formats;
        _words = new string[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            _words[i] = Word(formats[i]);
        }

        Description = "Output format";
        HelpName = string.Join("|", _words);
        DefaultValueFactory = _ => formats[0].ToString();
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            var index = Array.FindIndex(_words, w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                result.AddError($"--format: `{text}` is not a format of this command; expected one of {string.Join(", ", _words.Select(w => $"`{w}`"))}");
                return formats[0].ToString();
            }

            return formats[index].ToString();
        };
    }

    /// <summary>How the command line writes a format: its name in lowercase.</summary>
    public static string Word(Enum format) => format.ToString().ToLowerInvariant();

    /// <summary>The format asked for (the default when none was); the caller unboxes it to its own enum.</summary>
    public Enum ValueIn(ParseResult parse) => Named(parse.GetValue(this));

    /// <inheritdoc cref="ValueIn(ParseResult)"/>
    public Enum ValueIn(CommandResult result) => Named(result.GetValue(this));

    private Enum Named(string? name)
    {
        foreach (var format in _formats)
        {
            if (format.ToString() == name)
            {
                return format;
            }
        }

        return _formats[0];
    }
}
