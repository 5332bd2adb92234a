using System.Text.RegularExpressions;
using DetainerRules.Cli;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Language;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Diagnostics;

/// <summary>
/// The catalog of diagnostic codes: each code explained, README's table current, and every code
/// given by a test. Bad files in <c>BadFiles/</c> are checked by <c>detainer validate</c>, one file
/// a case, against the output stored beside each (<c>NAME.expected</c>), as Bicep keeps its
/// snapshots; bad conditions are in <c>Language/BadConditions</c>.
/// </summary>
/// <remarks>
/// A case file whose first line is <c># args: ...</c> is validated with those options. A broken
/// link stands for a file that is not there. Run with <c>DETAINER_UPDATE_BAD_FILES=1</c> to rewrite
/// every <c>.expected</c> from what the tool says now, then read the diff.
/// </remarks>
[TestFixture]
public partial class DiagnosticCatalogTests
{
    /// <summary>Codes no input can produce, each with why; the catalog keeps them so a code is never reused.</summary>
    private static readonly Dictionary<DiagnosticCode, string> Unreachable = new()
    {
        [DiagnosticCodes.Condition] = "only the standard exception constructors of the binder's internal ConditionError give it; the binder always raises a precise DR30x",
    };

    private static string Folder => Path.Combine(Repository.Root, "tests", "DetainerRules.Tests", "Diagnostics", "BadFiles");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetArgDisplayNames(Path.GetFileNameWithoutExtension(f)));

    [TestCaseSource(nameof(Cases))]
    public void Validate_BadFile_GivesTheStoredFindings(string file)
    {
        var actual = Validate(file);
        var expectedFile = Path.Combine(Folder, Path.ChangeExtension(file, ".expected"));
        if (Environment.GetEnvironmentVariable("DETAINER_UPDATE_BAD_FILES") == "1")
        {
            File.WriteAllText(expectedFile, actual.Output);
            Assert.Pass("expectations rewritten");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Output, Is.EqualTo(File.Exists(expectedFile) ? File.ReadAllText(expectedFile) : "(no .expected file)"));
            Assert.That(Codes(actual.Output), Is.Not.Empty, "a bad file must be reported");
        }
    }

    [Test]
    public void Catalog_EveryCodeIsGivenByATestOrSaidToBeUnreachable()
    {
        var given = Cases().Select(c => (string)c.Arguments[0]!).SelectMany(f => Codes(File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(f, ".expected")))))
            .Concat(BadConditionTests.CodesGiven().Select(c => c.Id))
            .ToHashSet(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            foreach (var code in DiagnosticCodes.All)
            {
                var reachable = !Unreachable.ContainsKey(code);
                Assert.That(given.Contains(code.Id), Is.EqualTo(reachable), reachable
                    ? $"no bad file or bad condition gives {code.Id} ({code.Title}): add one to BadFiles/"
                    : $"{code.Id} is said to be unreachable, but a case gives it");
            }
        }
    }

    [Test]
    public void Readme_CodeTable_IsCurrent()
    {
        const string Begin = "<!-- begin: detainer codes -->\n";
        const string End = "<!-- end: detainer codes -->";
        var (exit, output, error) = CliRun.Run(Repository.Root, catalog: false, "codes");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md needs the generated table of codes");
        start += Begin.Length;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(readme[start..readme.IndexOf(End, start, StringComparison.Ordinal)], Is.EqualTo(output), "README.md's table of codes is out of date: run `detainer codes --update README.md`");
        }
    }

    /// <summary>What <c>detainer validate</c> prints for one case, run from the case's folder.</summary>
    private static (int Exit, string Output) Validate(string file)
    {
        var path = Path.Combine(Folder, file);
        var first = new FileInfo(path).LinkTarget is null ? File.ReadLines(path).FirstOrDefault() ?? string.Empty : string.Empty;
        string[] options = first.StartsWith("# args: ", StringComparison.Ordinal) ? first["# args: ".Length..].Split(' ') : [];
        var (exit, output, _) = CliRun.Run(Folder, catalog: false, ["validate", .. options, file]);
        return (exit, output);
    }

    private static IEnumerable<string> Codes(string output) => CodePattern().Matches(output).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@": (?:error|warning) (DR[0-9]+):")]
    private static partial Regex CodePattern();
}
