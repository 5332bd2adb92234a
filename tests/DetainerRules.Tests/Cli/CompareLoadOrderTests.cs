using System.Globalization;
using System.Text;
using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// <c>compare</c> loads the policies it names at once, and still reports the problems of the first broken
/// one in the order named, as when it loaded them one at a time: never whichever broken file a thread
/// finished first. Written on a fixture of small good policies, a broken one that takes long to read (many
/// rules, the problem in the last) and a broken one that fails at once.
/// </summary>
[TestFixture]
public class CompareLoadOrderTests
{
    private string _dir = null!;
    private string _rules = null!;
    private string[] _good = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-load-order-").FullName;
        _rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        _good = [.. Enumerable.Range(1, 10).Select(i => "good-" + i.ToString(CultureInfo.InvariantCulture))];
        foreach (var id in _good)
        {
            Write(id, PolicyTemplate.FelonyNotice);
        }

        var many = new StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            many.Append(PolicyTemplate.FelonyNotice.Replace("notify-felony", "notify-felony-" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
        }

        Write("slow-broken", many + PolicyTemplate.FelonyNotice.Replace("notify-felony", "last", StringComparison.Ordinal).Replace("any charge(level = felony)", "person.no_such_field", StringComparison.Ordinal));
        Write("quick-broken", PolicyTemplate.FelonyNotice.Replace("value: required", "value: sometimes", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Compare_TwoBrokenPolicies_TheFirstNamedIsReportedEveryTime()
    {
        var slowAlone = Compare("slow-broken", "good-1");
        var quickAlone = Compare("quick-broken", "good-1");

        // The slow one named first and the quick one last: read at once, the quick one fails long before.
        var slowFirst = Enumerable.Range(0, 5).Select(_ => Compare(["slow-broken", .. _good, "quick-broken"])).ToList();
        var quickFirst = Enumerable.Range(0, 5).Select(_ => Compare(["quick-broken", .. _good, "slow-broken"])).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(slowAlone.Exit, Is.EqualTo(1));
            Assert.That(slowAlone.Err, Does.Contain("slow-broken.yaml:").And.Contain("no_such_field").And.Not.Contain("quick-broken"));
            Assert.That(quickAlone.Err, Does.Contain("quick-broken.yaml:").And.Contain("sometimes").And.Not.Contain("slow-broken"));
            Assert.That(slowFirst, Is.All.EqualTo(slowAlone));
            Assert.That(quickFirst, Is.All.EqualTo(quickAlone));
        }
    }

    private (int Exit, string Out, string Err) Compare(params string[] policies) =>
        CliRun.RunIsolated(_dir, ["compare", .. policies, "--space", "--summary", "--rules", _rules]);

    private void Write(string id, string rules) =>
        File.WriteAllText(Path.Combine(_rules, id + ".yaml"), PolicyTemplate.Yaml(id, "Policy " + id, rules));
}
