using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Cli;

/// <summary>The build's step that writes the shipped catalog's index (<see cref="CatalogIndex"/>) is the program's own: here, apart from the index's tests, which the mutation runner compiles without the CLI.</summary>
[TestFixture]
public class CatalogIndexBuildTests
{
    [Test]
    public void TheBuildStep_IndexesEveryPolicyFileOfAFolder_AndNothingElse()
    {
        var dir = Directory.CreateTempSubdirectory("detainer-index-build-").FullName;
        try
        {
            foreach (var id in new[] { "zq", "other", "old" })
            {
                File.WriteAllText(Path.Combine(dir, id + ".yaml"), PolicyTemplate.Yaml(id, "policy " + id, string.Empty, string.Empty));
            }

            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a policy");

            var run = CliProcess.Run(dir, "--write-catalog-index", dir);
            var lines = File.ReadAllLines(Path.Combine(dir, CatalogIndex.FileName));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.Exit, Is.Zero, run.Err);
                Assert.That(lines.Skip(1).Select(l => l.Split('\t')[0]), Is.EqualTo(new[] { "old.yaml", "other.yaml", "zq.yaml" }));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
