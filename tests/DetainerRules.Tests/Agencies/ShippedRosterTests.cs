using DetainerRules.Cli;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Tests.Agencies;

/// <summary>The shipped roster (rules/agencies/): built by the import from the ICE list kept in seeds/ice-287g, and summarized in README.</summary>
[TestFixture]
public class ShippedRosterTests
{
    private static readonly string Folder = Path.Combine(Repository.Rules, "agencies");

    [Test]
    public void IceRoster_IsWhatTheImportWritesFromTheKeptList()
    {
        var dir = Directory.CreateTempSubdirectory("detainer-shipped-roster-").FullName;
        try
        {
            var shipped = RosterLoader.LoadFile(Path.Combine(Folder, "ice-287g.yaml"));
            var output = Path.Combine(dir, "ice-287g.yaml");
            var (exit, _, err) = CliRun.Run(Repository.Root, false, "agencies", "import", "seeds/ice-287g/participatingAgencies07182025pm.csv", "--snapshot", shipped.Source.Snapshot!, "-o", output);
            var expected = File.ReadAllText(Path.Combine(Folder, "ice-287g.yaml"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.RecordsRefused), err);
                Assert.That(File.ReadAllText(output), Is.EqualTo(expected[(expected.IndexOf('\n') + 1)..]), "rules/agencies/ice-287g.yaml is not what `detainer agencies import` writes from seeds/ice-287g");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void CatalogRoster_NamesOnlyPoliciesTheCatalogHas()
    {
        var roster = RosterFolder.Load(RosterFolder.Files(Folder));
        var catalog = new DetainerRules.Yaml.PolicyCatalog([Repository.Rules]);
        var ids = catalog.Ids();
        var families = ids.Select(id => catalog.Load(id).Family).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.That(roster.Agencies.Select(a => a.Policy).OfType<string>().Where(p => !ids.Contains(p) && !families.Contains(p)), Is.Empty);
    }

    [Test]
    public void Readme_AgencySummary_MatchesWhatTheCommandPrints()
    {
        const string Begin = "<!-- begin: detainer agencies -->\n";
        const string End = "<!-- end: detainer agencies -->";
        var (exit, stdout, err) = CliRun.Run(Repository.Root, false, "agencies", "summary", "--rules", "rules");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md needs the generated agency summary");
        start += Begin.Length;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
            Assert.That(readme[start..readme.IndexOf(End, start, StringComparison.Ordinal)], Is.EqualTo(stdout), "README.md's agency summary is out of date: run `detainer agencies summary --update README.md`");
        }
    }
}
