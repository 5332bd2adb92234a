using System.Text;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Reports;

/// <summary>What reaches a terminal from a file: no control or bidi character, no line the program did not end.</summary>
[TestFixture]
public class TerminalTextTests
{
    /// <summary>Characters a hostile file would use: OSC 52 (write the clipboard), SGR 8 (hide text), CSI as one C1 byte, DEL, bidi overrides and isolates, marks, line separators, a tag character.</summary>
    private static readonly string[] Hostile =
    [
        "\u001b]52;c;ZXZpbA==\u0007", "\u001b[8mhidden\u001b[0m", "\u009b31m", "\u007f", "\r", "\n", "\t", "\0",
        "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
        "\u2028", "\u2029", "\u200b", "\ufeff", "\U000E0041", "\ud800",
    ];

    /// <summary>How the reports write JSON: non-ASCII text as is, so format characters pass the writer.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<TestCaseData> HostileCases() =>
        Hostile.Select((h, i) => new TestCaseData(i, string.Join(' ', h.Take(3).Select(c => $"U+{(int)c:X4}"))));

    /// <param name="index">The hostile text's place in <see cref="Hostile"/>: the text itself would make the test's name hostile.</param>
    /// <param name="codes">Its first characters' code points, so a failure says which it was.</param>
    [TestCaseSource(nameof(HostileCases))]
    public void Escape_HostileCharacter_LeavesOnlyPrintableText(int index, string codes)
    {
        var hostile = Hostile[index];
        var escaped = TerminalText.Escape($"id {hostile} end");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(escaped, Does.StartWith("id ").And.EndWith(" end"), codes);
            Assert.That(escaped.Where(c => c < ' ' || c is >= '\u007f' and <= '\u009f'), Is.Empty, escaped);
            Assert.That(escaped.EnumerateRunes().Select(Rune.GetUnicodeCategory), Has.None.EqualTo(System.Globalization.UnicodeCategory.Format).And.None.EqualTo(System.Globalization.UnicodeCategory.LineSeparator).And.None.EqualTo(System.Globalization.UnicodeCategory.Surrogate));
            Assert.That(TerminalText.Escape(escaped), Is.EqualTo(escaped), "escaping twice changes nothing");
        }
    }

    [TestCase("\u001b[8m", "\\u001B[8m")]
    [TestCase("a\nb\r\tc", "a\\nb\\r\\tc")]
    [TestCase("\u202eevil", "\\u202Eevil")]
    [TestCase("\U000E0041", "\\uDB40\\uDC41")]
    [TestCase("Ciudad de México, Zürich, 東京, 👮", "Ciudad de México, Zürich, 東京, 👮")]
    public void Escape_Text_IsShownAsWritten(string text, string shown) =>
        Assert.That(TerminalText.Escape(text), Is.EqualTo(shown));

    [Test]
    public void Escape_KeepingLineBreaks_LetsOnlyNewlineAndTabThrough() =>
        Assert.That(TerminalText.Escape("a\n\tb\r\u001b\u202e", keepLineBreaks: true), Is.EqualTo("a\n\tb\\r\\u001B\\u202E"));

    [Test]
    public void Escape_InsideJson_MeansTheSameCharacter()
    {
        const string value = "x\u202e\u2066\U000E0041y";
        var json = TerminalText.Escape(System.Text.Json.JsonSerializer.Serialize(value, RelaxedJson), keepLineBreaks: true);

        Assert.That(System.Text.Json.JsonSerializer.Deserialize<string>(json), Is.EqualTo(value));
    }

    /// <summary>Texts that mix what a report holds (ASCII, Latin-1, other scripts, emoji) with every character <see cref="Hostile"/> names, at random.</summary>
    private static IEnumerable<string> MixedTexts()
    {
        string[] parts = [.. Hostile.Where(h => h != "\ud800"), "plain ASCII ~", "café", "日本", "👮", "§ 7284.6(a)(4)", "\u00ad", "\u0085", "\u00a0", "\n\t", "\"quoted\""];
        var random = new Random(20261201);
        for (var i = 0; i < 2_000; i++)
        {
            yield return string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => parts[random.Next(parts.Length)]));
        }
    }

    [Test]
    public void IsShownAsWritten_Utf8_TrueExactlyWhenEscapeLeavesTheTextAlone()
    {
        var texts = MixedTexts().Concat(Hostile.Where(h => h != "\ud800")).ToList();
        var mismatches = new List<string>();
        foreach (var keepLineBreaks in new[] { false, true })
        {
            foreach (var text in texts)
            {
                var expected = TerminalText.Escape(text, keepLineBreaks) == text;
                if (TerminalText.IsShownAsWritten(Encoding.UTF8.GetBytes(text), keepLineBreaks) != expected)
                {
                    mismatches.Add($"{TerminalText.Escape(text)} (keepLineBreaks {keepLineBreaks}): Escape leaves it {(expected ? "alone" : "changed")}");
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(texts.Count(t => TerminalText.Escape(t, keepLineBreaks: true) == t), Is.GreaterThan(50).And.LessThan(texts.Count - 50), "the mix holds texts of both kinds");
        }
    }

    [TestCase(new byte[] { 0x61, 0x80 })]
    [TestCase(new byte[] { 0xC3 })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })]
    public void IsShownAsWritten_MalformedUtf8_LeftToTheTextPath(byte[] utf8) =>
        Assert.That(TerminalText.IsShownAsWritten(utf8, keepLineBreaks: true), Is.False);

    [Test]
    public void LinesWriter_ValueWithLineBreaks_EndsLinesOnlyWhereTheProgramDoes()
    {
        using var inner = new StringWriter { NewLine = "\n" };
        using var w = TerminalWriter.Lines(inner);

        w.WriteLine("Scenario x\nOutcome: the person is held for ICE.");
        w.Write("a\r");
        w.Write('\n');
        w.Write("b".AsSpan());
        w.WriteLine();
        w.WriteLine('c');
        w.WriteLine(42);
        w.WriteLine("{0}\n", "d");
        w.WriteLine("e\n".AsSpan());
        w.Overwrite("[###] 5 records\u001b[2J");

        Assert.That(inner.ToString(), Is.EqualTo(
            "Scenario x\\nOutcome: the person is held for ICE.\n" +
            "a\\r\\nb\n" +
            "c\n" +
            "42\n" +
            "d\\n\n" +
            "e\\n\n" +
            "\r[###] 5 records\\u001B[2J\u001b[K"));
    }

    [Test]
    public void DocumentWriter_FormattedText_KeepsItsLineBreaksButNoControls()
    {
        using var inner = new StringWriter { NewLine = "\n" };
        using var w = TerminalWriter.Document(inner);

        w.Write("{\n  \"id\": \"\u001b]52;c;eA==\u0007\"\n}");
        w.WriteLine();

        Assert.That(inner.ToString(), Is.EqualTo("{\n  \"id\": \"\\u001B]52;c;eA==\\u0007\"\n}\n"));
    }
}
