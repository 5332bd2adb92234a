using System.Globalization;
using System.Text;
using DetainerRules.Language;
using DetainerRules.Model;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DetainerRules.Tests.Language;

/// <summary>
/// Bad conditions and what the parser and binder say about them: one file per case in
/// <c>BadConditions/</c>, each with the diagnostics it must produce (code, position, message),
/// as Bicep and Cedar keep theirs. Together they reach every message the lexer, the parser and the
/// binder can give; a test below fails when a message is added without a case.
/// </summary>
/// <remarks>
/// A case holds <c>when</c> (optionally repeated <c>repeat</c> times and followed by <c>end</c>),
/// optional <c>conditions</c> and <c>offense_lists</c>, and <c>expect</c>: the diagnostics in the
/// order given, each <c>at</c> the field and its line and column in that field's text. Run with
/// <c>DETAINER_UPDATE_BAD_CONDITIONS=1</c> to rewrite every <c>expect</c> from what the binder says
/// now, then read the diff.
/// </remarks>
[TestFixture]
public class BadConditionTests
{
    private static string Folder => Path.Combine(Repository.Root, "tests", "DetainerRules.Tests", "Language", "BadConditions");

    private static readonly string[] Sources =
    [
        "src/DetainerRules.Language/Syntax/Lexer.cs",
        "src/DetainerRules.Language/Syntax/Parser.cs",
        "src/DetainerRules.Language/ConditionBinder.cs",
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetArgDisplayNames(Path.GetFileNameWithoutExtension(f)));

    [TestCaseSource(nameof(Cases))]
    public void Bind_BadCondition_GivesTheExpectedDiagnostics(string file)
    {
        var path = Path.Combine(Folder, file);
        var (root, input) = Read(path);
        var actual = Bind(input).Select(Line).ToList();

        if (Environment.GetEnvironmentVariable("DETAINER_UPDATE_BAD_CONDITIONS") == "1")
        {
            File.WriteAllText(path, Rewrite(File.ReadAllText(path), actual));
            Assert.Pass("expectations rewritten");
        }

        var expected = root.Children.TryGetValue("expect", out var expect) ? ((YamlSequenceNode)expect).Children.Select(Expected).ToList() : [];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(actual, Is.Not.Empty, "a bad condition must be reported");
            Assert.That(actual.Select(a => a.Code), Has.All.Match("^DR30[1-6]$"));
        }
    }

    [Test]
    public void Cases_CoverEveryMessageTheParserAndBinderCanGive()
    {
        var messages = Cases().Select(c => (string)c.Arguments[0]!)
            .SelectMany(f => Bind(Read(Path.Combine(Folder, f)).Input))
            .Select(d => d.Message).ToList();
        var templates = Sources.SelectMany(s => MessageTemplates.In(File.ReadAllText(Path.Combine(Repository.Root, s)))).Distinct().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(templates, Has.Count.GreaterThan(40), "the messages were found in the sources");
            foreach (var template in templates)
            {
                Assert.That(messages.Any(m => template.Pattern.IsMatch(m)), Is.True, $"no case gives the message {template.Text}");
            }
        }
    }

    [Test]
    public void Cases_UseEveryConditionCode() =>
        Assert.That(
            CodesGiven(),
            Is.EquivalentTo(new[] { DiagnosticCodes.ConditionSyntax, DiagnosticCodes.UnknownName, DiagnosticCodes.WrongOperator, DiagnosticCodes.UnknownValue, DiagnosticCodes.WrongScope, DiagnosticCodes.ConditionCycle }));

    /// <summary>The codes the cases give, as the binder gives them now.</summary>
    internal static IEnumerable<DiagnosticCode> CodesGiven() =>
        Cases().Select(c => (string)c.Arguments[0]!).SelectMany(f => Bind(Read(Path.Combine(Folder, f)).Input)).Select(d => d.Code).Distinct();

    /// <summary>What the loader does with a policy's conditions, in its order: names first, then the rule, then the names no rule used.</summary>
    private static List<Diagnostic> Bind(CaseInput input)
    {
        var diagnostics = new List<Diagnostic>();
        var named = input.Conditions.ToDictionary(c => c.Key, c => Text("conditions." + c.Key, c.Value), StringComparer.Ordinal);
        var binder = new ConditionBinder(input.Lists, named, diagnostics);
        binder.BindAllNamed();
        if (input.When is { } when)
        {
            binder.Bind(Text("when", when));
        }

        binder.CheckUnusedNamed();
        return diagnostics;
    }

    /// <summary>A condition whose positions are its own: the field, line 1, the column in the text.</summary>
    private static ConditionText Text(string field, string text) => new(text, field, offset => new SourceSpan(field, 1, offset + 1));

    private static ExpectedDiagnostic Line(Diagnostic d)
    {
        Assert.That(d.Field, Is.EqualTo(d.Span.File), "a condition's diagnostic names its field");
        return new ExpectedDiagnostic(d.Span.ToString(), d.Code.Id, d.Message);
    }

    private static ExpectedDiagnostic Expected(YamlNode node)
    {
        var m = (YamlMappingNode)node;
        string Get(string key) => ((YamlScalarNode)m.Children[key]).Value!;
        return new ExpectedDiagnostic(Get("at"), Get("code"), Get("message"));
    }

    private static (YamlMappingNode Root, CaseInput Input) Read(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string? Scalar(string key) => root.Children.TryGetValue(key, out var n) ? ((YamlScalarNode)n).Value : null;
        var when = Scalar("when") is { } w ? string.Concat(Enumerable.Repeat(w, int.Parse(Scalar("repeat") ?? "1", CultureInfo.InvariantCulture))) + Scalar("end") : null;
        var conditions = root.Children.TryGetValue("conditions", out var c)
            ? ((YamlMappingNode)c).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!, StringComparer.Ordinal)
            : [];
        var lists = root.Children.TryGetValue("offense_lists", out var l)
            ? ((YamlMappingNode)l).Children.ToDictionary(
                e => ((YamlScalarNode)e.Key).Value!,
                e => new OffenseCategories(((YamlSequenceNode)e.Value).Children.Select(v => Vocabulary.TryParse<OffenseCategory>(((YamlScalarNode)v).Value!, out var category) ? category : throw new FormatException($"{path}: not a category: {v}"))),
                StringComparer.Ordinal)
            : [];
        return (root, new CaseInput(when, conditions, lists));
    }

    /// <summary>The case file with its <c>expect</c> written from <paramref name="actual"/>; everything above it kept.</summary>
    private static string Rewrite(string text, IReadOnlyList<ExpectedDiagnostic> actual)
    {
        var at = text.IndexOf("\nexpect:", StringComparison.Ordinal);
        var head = (at < 0 ? text : text[..at]).TrimEnd('\n');
        var expect = new StringBuilder("\nexpect:\n");
        foreach (var d in actual)
        {
            expect.Append("  - at: ").Append(d.At).Append('\n')
                .Append("    code: ").Append(d.Code).Append('\n')
                .Append("    message: '").Append(d.Message.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        return head + expect;
    }

    private sealed record CaseInput(string? When, IReadOnlyDictionary<string, string> Conditions, IReadOnlyDictionary<string, OffenseCategories> Lists);

    /// <summary>One diagnostic as a case file states it.</summary>
    private sealed record ExpectedDiagnostic(string At, string Code, string Message)
    {
        public override string ToString() => $"{At}: {Code}: {Message}";
    }
}
