using System.CommandLine;
using DetainerRules.Cli.Commands;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Cli;

/// <summary><c>--format</c> read as a word: the first format by default, any case accepted, any other word an error listing the formats.</summary>
[TestFixture]
public class FormatOptionTests
{
    private static (ParseResult Parse, FormatOption Format) Parse(params string[] args)
    {
        var format = new FormatOption(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown);
        var command = new RootCommand { format };
        return (command.Parse(args), format);
    }

    [Test]
    public void ValueIn_NotGiven_TheFirstFormat()
    {
        var (parse, format) = Parse();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parse.Errors, Is.Empty);
            Assert.That(format.ValueIn(parse), Is.EqualTo(ReportFormat.Text));
        }
    }

    [TestCase("json", ReportFormat.Json)]
    [TestCase("JSON", ReportFormat.Json)]
    [TestCase("Markdown", ReportFormat.Markdown)]
    [TestCase("text", ReportFormat.Text)]
    public void ValueIn_AWordOfTheCommand_ThatFormatInAnyCase(string word, ReportFormat expected)
    {
        var (parse, format) = Parse("--format", word);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parse.Errors, Is.Empty);
            Assert.That(format.ValueIn(parse), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Parse_AFormatTheCommandDoesNotWrite_AnErrorListingItsFormats()
    {
        var (parse, _) = Parse("--format", "html");
        Assert.That(parse.Errors.Select(e => e.Message), Is.EqualTo(new[] { "--format: `html` is not a format of this command; expected one of `text`, `json`, `markdown`" }));
    }

    [Test]
    public void HelpName_TheFormatsInLowercase() =>
        Assert.That(new FormatOption(ReportFormat.Text, ReportFormat.Json).HelpName, Is.EqualTo("text|json"));
}
