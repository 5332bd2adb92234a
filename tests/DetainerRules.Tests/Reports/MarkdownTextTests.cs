using DetainerRules.Reports;

namespace DetainerRules.Tests.Reports;

/// <summary>Text from files stays one piece of inline Markdown: no way out of a code span, a table cell or a line.</summary>
[TestFixture]
public class MarkdownTextTests
{
    [TestCase("plain-id", "`plain-id`")]
    [TestCase("a```b", "````a```b````")]
    [TestCase("`x", "`` `x ``")]
    [TestCase("x\n# heading", "`x\\n# heading`")]
    [TestCase("\u001b[8mhidden", "`\\u001B[8mhidden`")]
    public void Code_AnyId_IsOneCodeSpan(string id, string markdown) =>
        Assert.That(MarkdownText.Code(id), Is.EqualTo(markdown));

    [TestCase("a|b", "a\\|b")]
    [TestCase("`a|b`", "`a\\|b`")]
    [TestCase("a\\|b", "a\\\\\\|b")]
    [TestCase("a\\\\|b", "a\\\\\\|b")]
    public void Cell_Pipe_NeverEndsTheCell(string markdown, string cell) =>
        Assert.That(MarkdownText.Cell(markdown), Is.EqualTo(cell));

    [Test]
    public void Text_Markup_IsShownAsWritten() =>
        Assert.That(MarkdownText.Text("*bold* _it_ [link](javascript:x) <img> `code` \\ a\nb"), Is.EqualTo("\\*bold\\* \\_it\\_ \\[link\\](javascript:x) \\<img> \\`code\\` \\\\ a\\\\nb"));
}
