using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// <see cref="PolicyFiles"/> loads from many threads at once: each file is read once and shared, a
/// policy and its authority loading together do not wait on each other forever, and what a load reports
/// is what it reports alone, whatever other loads did first. Written on a fixture: a chain of authorities
/// (<c>city</c> under <c>county</c> and <c>state</c>), a broken policy, a file that is no policy, and a policy
/// bound by both.
/// </summary>
[TestFixture]
public class ConcurrentLoadTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-concurrent-load-").FullName;
        Write("state", string.Empty, PolicyTemplate.FelonyNotice);
        Write("county", "bound_by: [state]", PolicyTemplate.FelonyNotice);
        Write("city", "bound_by: [county, state]", PolicyTemplate.FelonyNotice);
        Write("bad-field", string.Empty, PolicyTemplate.FelonyNotice.Replace("any charge(level = felony)", "person.no_such_field", StringComparison.Ordinal));
        System.IO.File.WriteAllText(File("notes"), "meeting: tuesday\nagenda: [holds, notice]\n");
        Write("bound-by-bad", "bound_by: [bad-field, notes]", PolicyTemplate.FelonyNotice);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Load_PolicyAndItsAuthoritiesFromManyThreads_EachFileReadOnce()
    {
        for (var round = 0; round < 20; round++)
        {
            var files = new PolicyFiles(CatalogSearchPath.None);
            string[] ids = ["city", "state", "county"];
            var loaded = new Policy[48];

            Parallel.For(0, loaded.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => loaded[i] = files.Load(File(ids[i % ids.Length])));

            var city = loaded[0];
            var state = loaded[1];
            var county = loaded[2];
            using (Assert.EnterMultipleScope())
            {
                for (var i = 0; i < loaded.Length; i++)
                {
                    Assert.That(loaded[i], Is.SameAs(loaded[i % ids.Length]), $"round {round}: load {i} of `{ids[i % ids.Length]}`");
                }

                Assert.That(files.Authority(city, "county"), Is.SameAs(county));
                Assert.That(files.Authority(city, "state"), Is.SameAs(state));
                Assert.That(files.Authority(county, "state"), Is.SameAs(state));
            }
        }
    }

    [Test]
    public void Load_BrokenFilesFromManyThreads_EachLoadReportsWhatItReportsAlone()
    {
        string[] ids = ["bound-by-bad", "bad-field", "notes"];
        var alone = ids.ToDictionary(id => id, id => Reported(new PolicyFiles(CatalogSearchPath.None), id));
        var files = new PolicyFiles(CatalogSearchPath.None);
        var reported = new string[60];

        Parallel.For(0, reported.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => reported[i] = Reported(files, ids[i % ids.Length]));

        using (Assert.EnterMultipleScope())
        {
            // A file that is no policy is reported where it is named as an authority (by name only), and by its content when named itself.
            Assert.That(alone["bound-by-bad"], Does.Contain("bound-by-bad.yaml").And.Contain("is not a policy file").And.Contain("bad-field.yaml").And.Contain("no_such_field"));
            Assert.That(alone["bad-field"], Does.Contain("no_such_field").And.Not.Contain("bound-by-bad"));
            Assert.That(alone["notes"], Does.StartWith(File("notes")).And.Not.Contain("is not a policy file"));
            for (var i = 0; i < reported.Length; i++)
            {
                Assert.That(reported[i], Is.EqualTo(alone[ids[i % ids.Length]]), $"load {i} of `{ids[i % ids.Length]}`");
            }
        }
    }

    /// <summary>Every diagnostic of a load that fails, in the order it gives them.</summary>
    private string Reported(PolicyFiles files, string id) =>
        string.Join("\n", Assert.Throws<InvalidInputException>(() => files.Load(File(id)))!.Diagnostics.Select(d => d.ToString()));

    private string File(string id) => Path.Combine(_dir, id + ".yaml");

    private void Write(string id, string extra, string rules) =>
        System.IO.File.WriteAllText(File(id), PolicyTemplate.Yaml(id, "Policy " + id, rules, extra));
}
