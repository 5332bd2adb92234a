using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Catalog;

[TestFixture]
public class GeneratedTableTests
{
    private const string Begin = "<!-- begin: detainer table --questions seeds/core-questions.yaml -->\n";
    private const string End = "<!-- end: detainer table -->";

    [Test]
    public void RulesReadme_CatalogTable_MatchesWhatTheCommandPrints()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(["table", "--questions", "seeds/core-questions.yaml", "--rules", "rules"], output, error, Repository.Root);
        var readme = File.ReadAllText(Path.Combine(Repository.Rules, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var stored = readme[start..readme.IndexOf(End, start, StringComparison.Ordinal)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(stored, Is.EqualTo(output.ToString()),
                "rules/README.md is out of date: replace its table with the output of `detainer table --questions seeds/core-questions.yaml`");
        }
    }
}
