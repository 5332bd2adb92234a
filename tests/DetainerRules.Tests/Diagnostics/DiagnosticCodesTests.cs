using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Tests.Diagnostics;

/// <summary>The catalog's own shape, without the CLI (so the model's mutation run reaches it): each code once, in order, titled and explained.</summary>
[TestFixture]
public class DiagnosticCodesTests
{
    [Test]
    public void Catalog_EveryCodeIsWellFormedUniqueAndExplained()
    {
        var ids = DiagnosticCodes.All.Select(c => c.Id).ToList();
        var declared = typeof(DiagnosticCodes).GetProperties().Where(p => p.PropertyType == typeof(DiagnosticCode)).Select(p => (DiagnosticCode)p.GetValue(null)!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(ids, Has.All.Match("^DR[1-4][0-9]{2}$"));
            Assert.That(DiagnosticCodes.All, Is.EquivalentTo(declared), "`All` lists every code declared");
            Assert.That(DiagnosticCodes.All.Select(c => c.Title), Has.All.Length.InRange(8, 90).And.All.Not.EndWith("."));
            Assert.That(DiagnosticCodes.All.Select(c => c.Help), Has.All.Length.GreaterThan(30).And.All.EndWith("."));
        }
    }

    [Test]
    public void Catalog_TitlesAreDistinct() =>
        Assert.That(DiagnosticCodes.All.Select(c => c.Title), Is.Unique, "two codes with one title cannot be told apart in README's table");
}
