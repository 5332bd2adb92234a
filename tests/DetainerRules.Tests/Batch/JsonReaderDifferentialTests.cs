using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// The fast JSON reader batch records go through against the YAML reader every other input goes
/// through: on thousands of generated JSON lines and damaged copies of them, and on every line of
/// the batch fixtures, both give the same scenario or the same diagnostics (code, line, column,
/// field, message) and the same readable id; where the fast reader builds nodes, they are the YAML
/// reader's, node for node.
/// </summary>
[TestFixture]
public class JsonReaderDifferentialTests
{
    private const int Seed = 18;
    private const int MutationsPerLine = 3;
    private const string File = "in.jsonl";

    [Test]
    public void GeneratedLines_ReadFast_AndGiveTheYamlReadersScenario()
    {
        var lines = GeneratedJsonLines.Good;

        var fast = lines.Count(line => JsonNodeReader.TryRead(File, line) is not null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fast, Is.EqualTo(lines.Count), "every generated line is plain JSON the fast reader takes");
            AssertAlike(lines);
            Assert.That(lines.Select(Outcome.OfYaml).Count(o => o.Scenario is not null), Is.EqualTo(lines.Count), "the generated lines are good scenarios");
        }
    }

    [Test]
    public void DamagedLines_GiveTheYamlReadersScenarioOrDiagnostics()
    {
        var random = new Random(Seed);
        var lines = GeneratedJsonLines.Good.SelectMany(line => Enumerable.Range(0, MutationsPerLine).Select(_ => JsonLineMutations.Mutate(random, line))).ToList();

        var outcomes = lines.Select(Outcome.OfYaml).ToList();
        var fast = lines.Count(line => JsonNodeReader.TryRead(File, line) is not null);

        TestContext.Out.WriteLine($"{lines.Count} lines: {fast} read fast, {outcomes.Count(o => o.Scenario is not null)} load, {outcomes.Count(o => o.Diagnostics.Any(d => d.Code == DiagnosticCodes.Syntax))} refused as syntax");
        using (Assert.EnterMultipleScope())
        {
            AssertAlike(lines);

            // The mix must hold every kind of line, or the comparison proves little.
            Assert.That(fast, Is.GreaterThan(lines.Count / 3), "many damaged lines are still JSON the fast reader reads itself");
            Assert.That(fast, Is.LessThan(lines.Count * 9 / 10), "many are left to the YAML reader");
            Assert.That(outcomes.Count(o => o.Scenario is not null), Is.GreaterThan(lines.Count / 20), "some still load");
            Assert.That(outcomes.Count(o => o.Diagnostics.Any(d => d.Code == DiagnosticCodes.Syntax)), Is.GreaterThan(lines.Count / 10), "some are not valid YAML");
            Assert.That(outcomes.Count(o => o.Diagnostics.Any(d => d.Code != DiagnosticCodes.Syntax)), Is.GreaterThan(lines.Count / 10), "some have field errors");
        }
    }

    /// <summary>Lines written to meet one edge each; a failure names the line in its message.</summary>
    /// <remarks>Cases are numbered, not named by their text, so the mutation runner can ask for each again.</remarks>
    private static readonly string[] EdgeLines =
    [
        """{}""",
        """{"a":1,"a":2}""",
        """{"id":"x","person":{"foreign_born":true,"foreign_born":false}}""",
        """{"id":"\u00e9\/\ud83d\ude00\n\t\"\\\b\f\r","booked_at":1}""",
        """{"id":"\ud83d","booked_at":1}""",
        """{"id":"é😀日本","booked_at":"x","charges":[{"offense":"é","level":"felonyé"}]}""",
        """{"id":1e3,"booked_at":-0,"charges":01}""",
        """{"id":true,"booked_at":null,"charges":[null,1,"a",[],{}]}""",
        """{"a":1} x""",
        """{"a":1}   """,
        """  {"a":1}""",
        """{"a":1} #c""",
        """{"a":1,}""",
        """{"a" : 1 , "b" : [ 1 , 2 ] }""",
        """{"a":	1}""",
        """{"a":"x"}{"b":1}""",
        """[{"a":1}]""",
        "\"scenario\"",
        "null",
        "{id: x, booked_at: 2025-01-17T09:30:00Z}",
        "{\"k\":\"a\u0085b\",\"booked_at\":1}",
        "{\"k\":\"a\u2028b\",\"booked_at\":1}",
        "{\"k\":\"a\u007fb\",\"booked_at\":1}",
        "{\"k\":\"a\uFEFFb\",\"booked_at\":1}",
        "{\"k\":\"\ud83d\",\"booked_at\":1}",
    ];

    private static IEnumerable<int> EdgeLineNumbers => Enumerable.Range(0, EdgeLines.Length);

    [TestCaseSource(nameof(EdgeLineNumbers))]
    public void EdgeLine_GivesTheYamlReadersOutcome(int number) => AssertAlike([EdgeLines[number]]);

    [Test]
    public void NestingAboutTheLimit_GivesTheYamlReadersOutcome()
    {
        var lines = Enumerable.Range(28, 10).SelectMany(depth => new[]
        {
            "{\"x\":" + new string('[', depth) + "1" + new string(']', depth) + "}",
            string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            "{\"x\":" + new string('[', depth) + new string(']', depth) + "}",
        }).ToList();

        AssertAlike(lines);
        Assert.That(lines.Count(line => JsonNodeReader.TryRead(File, line) is not null), Is.GreaterThan(0).And.LessThan(lines.Count), "nesting under the limit is read fast, over it is left to the YAML reader");
    }

    [Test]
    public void LongValuesAboutTheLimit_GiveTheYamlReadersOutcome()
    {
        var lines = new[] { 1024, 1030, InputLimits.MaxScalarLength, InputLimits.MaxScalarLength + 1 }.SelectMany(n => new[]
        {
            "{\"description\":\"" + new string('a', n) + "\"}",
            "{\"description\":\"" + new string('é', n) + "\"}",
            "{\"description\":\"" + new string('a', n - 1) + "\\u00e9\"}",
            "{\"" + new string('k', n) + "\":1}",
        }).ToList();

        AssertAlike(lines);
    }

    /// <summary>Every line of the JSON-lines fixtures the batch and fuzz tests use, and the scenario files the fuzzer found.</summary>
    [Test]
    public void FixtureLines_GiveTheYamlReadersOutcome()
    {
        var fuzz = Path.Combine(Repository.Root, "tests", "DetainerRules.Fuzz");
        var files = Directory.GetFiles(Path.Combine(fuzz, "corpus", "jsonl"))
            .Concat(Directory.GetFiles(Path.Combine(fuzz, "corpus", "batch"), "jsonl-*"))
            .Concat(Directory.GetFiles(Path.Combine(fuzz, "corpus", "scenario")))
            .Concat(Directory.GetFiles(Path.Combine(fuzz, "findings", "scenario")))
            .Concat(Repository.ScenarioFiles().Where(f => f.EndsWith(".json", StringComparison.Ordinal)));
        var fromFiles = files.SelectMany(f => System.IO.File.ReadAllText(f).Split('\n').Append(System.IO.File.ReadAllText(f)));

        // The malformed and refused records the batch tests write (BatchCommandTests, BatchInputTests, ErrorPathTests, UntrustedTextTests).
        const string Booked = "2025-01-17T09:30:00-08:00";
        string[] written =
        [
            $$"""{"booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felonious", "category": "theft"}]}""",
            "{not json",
            $$"""{"id": "line-id", "booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felonious", "category": "theft"}]}""",
            """{"id": 7, "booked_at": "bad"}""",
            """{"id": {"a": 1}, "booked_at": "bad"}""",
            $$"""{"id": "=HYPERLINK(\"http://evil\",\"x\")", "booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
            $$"""{"id": "=1+1", "booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "=cmd", "category": "robbery"}]}""",
            $$"""{"id": "-2", "booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}]}""",
        ];

        var lines = fromFiles.Concat(written).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

        Assert.That(lines, Has.Count.GreaterThan(20));
        AssertAlike(lines);
    }

    /// <summary>The tree for every line the fast reader takes, then the outcome for every line.</summary>
    private static void AssertAlike(List<string> lines)
    {
        var differences = new List<string>();
        foreach (var line in lines)
        {
            if (JsonNodeReader.TryRead(File, line) is { } fast)
            {
                string yaml;
                try
                {
                    yaml = NodeText.Of(DocumentReader.Read(File, line).Root);
                }
                catch (InvalidInputException e)
                {
                    differences.Add($"the fast reader took a line the YAML reader refuses ({e.Diagnostics[0]}):\n{Shown(line)}");
                    continue;
                }

                if (NodeText.Of(fast) != yaml)
                {
                    differences.Add($"nodes differ for:\n{Shown(line)}\nfast:\n{NodeText.Of(fast)}\nYAML:\n{yaml}");
                    continue;
                }
            }

            var expected = Outcome.OfYaml(line);
            foreach (var (path, actual) in new[] { ("batch", Outcome.OfBatch(line)), ("text", Outcome.OfText(line)) })
            {
                if (expected.Text != actual.Text)
                {
                    differences.Add($"outcomes differ for:\n{Shown(line)}\n{path}:\n{actual.Text}\nYAML:\n{expected.Text}");
                }
            }
        }

        Assert.That(differences, Is.Empty, () => $"{differences.Count} of {lines.Count} lines differ; the first:\n{differences.FirstOrDefault()}");
    }

    private static string Shown(string line) => line.Length > 600 ? line[..600] + $"... ({line.Length} chars)" : line;

    /// <summary>What a record becomes: its scenario written out, or its diagnostics; and the id a refused record keeps.</summary>
    private sealed record Outcome(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics, string? Id)
    {
        public string Text => (Scenario is { } s ? ScenarioJson.ToJson(s) + "\ndescription: " + s.Description : string.Join("\n", Diagnostics.Select(d => $"{d.Severity} {d}")))
            + "\nid: " + (Id ?? "(none)");

        /// <summary>The reference: YamlDotNet's parser, then the loader (not <see cref="ScenarioLoader.Load(string, string, string)"/>, which takes the fast reader for a line of JSON).</summary>
        public static Outcome OfYaml(string line)
        {
            YamlNode root;
            try
            {
                root = DocumentReader.Read(File, line).Root;
            }
            catch (InvalidInputException e)
            {
                return new(null, e.Diagnostics, null);
            }

            try
            {
                return new(ScenarioLoader.Load(root, "line-1"), [], null);
            }
            catch (InvalidInputException e)
            {
                return new(null, e.Diagnostics, ScenarioLoader.ReadId(line, File, "line-1"));
            }
        }

        /// <summary>A scenario's text as files and requests are read: the direct reader for a good line of JSON, else the fast node reader, else YAML's.</summary>
        public static Outcome OfText(string line)
        {
            try
            {
                return new(ScenarioLoader.Load(line, File, "line-1"), [], null);
            }
            catch (InvalidInputException e)
            {
                return new(null, e.Diagnostics, ScenarioLoader.ReadId(line, File, "line-1"));
            }
        }

        /// <summary>The node path a batch record takes when the direct reader (<see cref="JsonScenarioReader"/>) declines it: the fast node reader (or the YAML one it leaves the line to), then the same loader.</summary>
        public static Outcome OfBatch(string line)
        {
            YamlNode root;
            try
            {
                root = JsonNodeReader.Read(File, line);
            }
            catch (InvalidInputException e)
            {
                return new(null, e.Diagnostics, null);
            }

            try
            {
                return new(ScenarioLoader.Load(root, "line-1"), [], null);
            }
            catch (InvalidInputException e)
            {
                return new(null, e.Diagnostics, ScenarioLoader.ReadId(root, "line-1"));
            }
        }
    }
}
