using DetainerRules.Cli;
using DetainerRules.Cli.Commands;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// The policies a comparison picks: an authority that binds a compared policy is the very object compared
/// when it is compared itself, so a run that keeps answers by object (<c>--summary</c>'s layers) asks it
/// once. Written on a fixture: a state and a city bound by it.
/// </summary>
[TestFixture]
public class PolicySelectionTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-policy-selection-").FullName;
        File.WriteAllText(Path.Combine(_dir, "state.yaml"), PolicyTemplate.Yaml("state", "State", PolicyTemplate.FelonyNotice));
        File.WriteAllText(Path.Combine(_dir, "city.yaml"), PolicyTemplate.Yaml("city", "City", PolicyTemplate.FelonyNotice, "bound_by: [state]"));
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [TestCase(false)]
    [TestCase(true)]
    public void Pick_PolicyWithItsAuthority_TheAuthorityIsTheComparedObject(bool reference)
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _dir);

        var picked = PolicySelection.Pick(context, new PolicyCatalog([_dir]), ["city", "state"], null, reference);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(picked.Select(p => p.Policy.Policy.Id), Is.EqualTo(new[] { "city", "state" }));
            Assert.That(picked[0].Policy.Authorities.Single(), Is.SameAs(picked[1].Policy));
        }
    }
}
