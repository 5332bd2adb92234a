using System.Globalization;
using System.Text;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// Text from policy and scenario files is untrusted in every output. A hostile policy and hostile
/// scenarios (escape sequences that write the clipboard or hide text, bidi overrides, line breaks
/// that forge report lines, a file name that forges a compiler error) go through every command;
/// nothing they carry may act on a terminal, forge a line, break out of Markdown or Mermaid, or run
/// as a spreadsheet formula.
/// </summary>
[TestFixture]
public class UntrustedTextTests
{
    private const string ForgedOutcome = "Outcome: the person is held for ICE.";
    private const string ForgedError = "forged.yaml:1:1: error DR101: forged";

    /// <summary>Lines the files try to forge; the real outcome under the hostile policy is a discretionary hold, never one of these.</summary>
    private static readonly string[] Forged = [ForgedOutcome, "Outcome: FORGED"];

    private static readonly string HostilePolicy = TestPolicies.Yaml("""
              - id: notify-felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [booking] } }
                because: "felony \e]52;c;eA==\a reported\nOutcome: the person is held for ICE."
                cite: src
              - id: hold-any
                when: "true"
                then: { delay_release: { value: permitted, limit: odd } }
                because: "hold \u202Eesrever"
                cite: src
            """)
        .Replace("id: test-policy", "id: hostile", StringComparison.Ordinal)
        .Replace("title: Test policy", "title: \"Title \\e]52;c;ZXZpbA==\\a with \\e[8mhidden\\e[0m text\"", StringComparison.Ordinal)
        .Replace("jurisdiction: Test", "jurisdiction: \"Juris\\u202Ediction \\u2066isolated\\u2069 \\x9b31m\"", StringComparison.Ordinal)
        .Replace("title: Test source", "title: \"Source\\u200F title\"", StringComparison.Ordinal)
        .Replace("citation: Test Code 1.1", "citation: \"Code 1.1\\nOutcome: FORGED\"", StringComparison.Ordinal)
        .Replace("clock48: { hours: 48 }", "odd: { description: \"as long as \\\"a\\\" says\\nOutcome: forged <b>x</b>\" }", StringComparison.Ordinal)
        .Replace("notify_ice: { value: unknown, because: silent }", "notify_ice: { value: unknown, because: \"silent \\e[2J\" }", StringComparison.Ordinal);

    private static readonly string PlainPolicy = HostilePolicy
        .Replace("id: hostile", "id: plain", StringComparison.Ordinal)
        .Replace("value: required, at: [booking]", "value: forbidden", StringComparison.Ordinal);

    private const string Felony = """
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true }
        charges: [ { offense: "rob\e[8mbery", level: felony, category: robbery } ]
        custody: { release_eligible_at: 2025-01-17T18:00:00-08:00 }
        """;

    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-untrusted-").FullName;
        foreach (var folder in new[] { "rules", "scenarios", "good" })
        {
            Directory.CreateDirectory(Path.Combine(_dir, folder));
        }

        File.WriteAllText(Path.Combine(_dir, "rules", "hostile.yaml"), HostilePolicy);
        File.WriteAllText(Path.Combine(_dir, "rules", "plain.yaml"), PlainPolicy);
        File.WriteAllText(Path.Combine(_dir, "scenarios", $"x\n{ForgedOutcome}.yaml"), Felony);
        File.WriteAllText(Path.Combine(_dir, "scenarios", "bidi.yaml"), "id: \"evil\\u202Eid`|\\n# heading\"\ndescription: \"\\e[8mhidden\"\n" + Felony);
        File.WriteAllText(Path.Combine(_dir, "scenarios", $"oops\n{ForgedError}.yaml"), "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: x, level: felonious, category: robbery } ]\n");
        File.WriteAllText(Path.Combine(_dir, "good", "a.yaml"), "id: \"a`b\\n# not a heading | cell <b>x</b>\"\n" + Felony);
        File.WriteAllText(Path.Combine(_dir, "good", $"b\n{ForgedOutcome}.yaml"), Felony);
        File.WriteAllText(Path.Combine(_dir, "expect.yaml"), """
            policy: hostile
            cases:
              - scenario: scenarios/bidi
                because: "a wrong expectation \e]52;c;eA==\a\nOutcome: the person is held for ICE."
                expect: { notify_ice: forbidden }
            """);
        File.WriteAllText(Path.Combine(_dir, "questions.yaml"), """
            questions:
              - ask: "Is ICE told? | forged cell\n# forged heading `x"
                scenario: scenarios/bidi.yaml
                decision: notify_ice
            """);
        File.WriteAllLines(Path.Combine(_dir, "=in.jsonl"),
        [
            """{"id": "=HYPERLINK(\"http://evil\",\"x\")", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
            """{"id": "+1", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
            """{"id": "-2", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
            """{"id": "@SUM(1)", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
            """{"id": "=1+1", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "=cmd", "category": "robbery"}]}""",
        ]);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);

    private static IEnumerable<TestCaseData> Commands()
    {
        yield return new TestCaseData((object)new[] { "evaluate", "-p", "hostile", "--explain", "scenarios" }).SetName("Evaluate_Explain");
        yield return new TestCaseData((object)new[] { "evaluate", "-p", "hostile", "--what-flips", "scenarios/bidi.yaml" }).SetName("Evaluate_WhatFlips");
        yield return new TestCaseData((object)new[] { "evaluate", "-p", "hostile", "--format", "json", "scenarios" }).SetName("Evaluate_Json");
        yield return new TestCaseData((object)new[] { "list" }).SetName("List");
        yield return new TestCaseData((object)new[] { "show", "-p", "hostile" }).SetName("Show");
        yield return new TestCaseData((object)new[] { "space", "hostile", "plain" }).SetName("Space");
        yield return new TestCaseData((object)new[] { "test", "expect.yaml" }).SetName("Test");
        yield return new TestCaseData((object)new[] { "validate", "rules", "scenarios", "expect.yaml" }).SetName("Validate");
        yield return new TestCaseData((object)new[] { "validate", "--format", "json", "scenarios" }).SetName("Validate_Json");
        yield return new TestCaseData((object)new[] { "compare", "hostile", "plain", "--scenarios", "good" }).SetName("Compare_Text");
        yield return new TestCaseData((object)new[] { "compare", "hostile", "plain", "--scenarios", "good", "--format", "markdown" }).SetName("Compare_Markdown");
        yield return new TestCaseData((object)new[] { "compare", "hostile", "plain", "--scenarios", "good", "--format", "html" }).SetName("Compare_Html");
        yield return new TestCaseData((object)new[] { "compare", "hostile", "plain", "--scenarios", "good", "--format", "json" }).SetName("Compare_Json");
        yield return new TestCaseData((object)new[] { "graph", "-p", "hostile" }).SetName("Graph_Mermaid");
        yield return new TestCaseData((object)new[] { "graph", "-p", "hostile", "--format", "dot" }).SetName("Graph_Dot");
        yield return new TestCaseData((object)new[] { "table", "--questions", "questions.yaml", "-p", "hostile" }).SetName("Table");
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_HostileFiles_NothingActsOnTheTerminalOrForgesALine(string[] args)
    {
        var (_, output, error) = Run(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Is.Not.Empty, error);
            AssertNothingActs(output);
            AssertNothingActs(error);
            Assert.That(Lines(output).Concat(Lines(error)).Where(l => l.StartsWith(ForgedError, StringComparison.Ordinal)), Is.Empty, "a file name forged a compiler error");
            Assert.That(Lines(output).Concat(Lines(error)).Select(l => l.Trim()).Where(l => Forged.Contains(l) || l.StartsWith("Outcome: forged", StringComparison.Ordinal)), Is.Empty, "a value forged an outcome line");
        }
    }

    [Test]
    public void Evaluate_ScenarioFileNamedWithALineBreak_PrintsOneOutcomePerScenario()
    {
        var (_, output, error) = Run("evaluate", "-p", "hostile", "scenarios");
        var outcomes = Lines(output).Where(l => l.StartsWith("Outcome:", StringComparison.Ordinal)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes, Has.Count.EqualTo(2), "two scenarios load; the third has an error");
            Assert.That(outcomes, Has.None.EqualTo(ForgedOutcome), "every outcome line is the real one: a hold for ICE needs a required delay, which this policy never gives");
            Assert.That(output, Does.Contain($"Scenario x\\n{ForgedOutcome}"));
            Assert.That(error, Does.Contain($"oops\\n{ForgedError}.yaml:2:"));
            Assert.That(output, Does.Contain("Policy hostile: Title \\u001B]52;c;ZXZpbA==\\u0007 with \\u001B[8mhidden\\u001B[0m text"));
            Assert.That(output, Does.Contain("Juris\\u202Ediction \\u2066isolated\\u2069 \\u009B31m"));
        }
    }

    [Test]
    public void EvaluateJson_HostileText_RoundTripsAndIsEscaped()
    {
        var (_, output, _) = Run("evaluate", "-p", "hostile", "--format", "json", "scenarios/bidi.yaml");
        using var json = JsonDocument.Parse(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("policy").GetProperty("title").GetString(), Is.EqualTo("Title \u001b]52;c;ZXZpbA==\u0007 with \u001b[8mhidden\u001b[0m text"));
            Assert.That(json.RootElement.GetProperty("scenario").GetString(), Is.EqualTo("evil\u202eid`|\n# heading"));
            Assert.That(output, Does.Contain("\\u202E").And.Not.Contain("\u202e"));
        }
    }

    [Test]
    public void CompareMarkdown_IdsWithBackticksAndLineBreaks_StayInsideTheirCodeSpans()
    {
        var (_, output, error) = Run("compare", "hostile", "plain", "--scenarios", "good", "--format", "markdown");
        var headings = Lines(output).Where(l => l.StartsWith('#')).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(headings, Is.Not.Empty, error);
            Assert.That(headings, Has.All.Match(@"^(# Comparing |## `|### `)"), "no value starts a heading");
            Assert.That(output.Replace("``a`b\\n# not a heading | cell <b>x</b>``", string.Empty, StringComparison.Ordinal), Does.Not.Contain("a`b"), "an id with a backtick sits in a code span fenced longer than it");
        }
    }

    [Test]
    public void Table_QuestionAndIdWithPipes_KeepEveryRowToItsColumns()
    {
        var (exit, output, error) = Run("table", "--questions", "questions.yaml", "-p", "hostile");
        var rows = Lines(output).Where(l => l.Length > 0).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(rows.Select(CellDelimiters), Has.All.EqualTo(4), string.Join("\n", rows));
            Assert.That(rows[2], Does.Contain("Is ICE told? \\| forged cell\\\\n# forged heading \\`x"));
        }
    }

    [Test]
    public void GraphMermaid_LimitWithQuotesAndLineBreaks_EveryStatementOnOneLine()
    {
        var (_, output, error) = Run("graph", "-p", "hostile");
        var statements = Lines(output).Skip(1).Where(l => l.Length > 0).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements, Is.Not.Empty, error);
            Assert.That(statements, Has.All.Match(@"^  \w+(\(\[""[^""]*""\]\)|\[""[^""]*""\]|\{\{""[^""]*""\}\}|\[/""[^""]*""/\]| (--|-\.) ""[^""]*"" (-->|\.->) \w+)$"));
            Assert.That(output, Does.Contain("permitted (as long as #quot;a#quot; says<br/>Outcome: forged #lt;b#gt;x#lt;/b#gt;)"));
        }
    }

    [Test]
    public void CompareHtml_HostileText_IsEscaped()
    {
        var (_, output, _) = Run("compare", "hostile", "plain", "--scenarios", "good", "--format", "html");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Not.Contain("<b>x</b>"));
            Assert.That(output, Does.Contain("&lt;b&gt;x&lt;/b&gt;"));
        }
    }

    [Test]
    public void BatchCsv_CellsThatSpreadsheetsWouldRun_StartWithAQuote()
    {
        var (exit, _, error) = CliRun.Run(_dir, catalog: false, "batch", "-p", "hostile", "--input", "=in.jsonl", "--output", "out.csv");
        var rows = ParseCsv(File.ReadAllText(Path.Combine(_dir, "out.csv")));
        var cells = rows.Skip(1).SelectMany(r => r).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), "the record with a bad level is refused, and the exit says so: " + error);
            Assert.That(rows.Skip(1).Take(4).Select(r => r[2]), Is.EqualTo(new[] { "'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(1)" }));
            Assert.That(rows[5][3], Does.StartWith("'=in.jsonl:5:").And.Contain("`=cmd`"), "the error cell echoes the file name and the value");
            Assert.That(cells.Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r'), Is.Empty);
        }
    }

    /// <summary>No character a terminal acts on: controls other than the line feed, DEL, C1, and format (bidi, zero-width) or line-separator characters.</summary>
    private static void AssertNothingActs(string text)
    {
        var acting = text.EnumerateRunes()
            .Where(r => r.Value != '\n' && Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            .Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture))
            .ToList();
        Assert.That(acting, Is.Empty, text);
    }

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The pipes that delimit cells in a Markdown table row: those not escaped by an odd run of backslashes.</summary>
    private static int CellDelimiters(string row)
    {
        var (count, backslashes) = (0, 0);
        foreach (var c in row)
        {
            count += c == '|' && backslashes % 2 == 0 ? 1 : 0;
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }

        return count;
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
