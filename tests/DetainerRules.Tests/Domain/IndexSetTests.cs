using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Domain;

/// <summary>A set of an enum's values by number: each once, listed in the order added or in the enum's order, and nothing outside the enum.</summary>
[TestFixture]
public class IndexSetTests
{
    private static readonly OffenseCategory[] Categories = Enum.GetValues<OffenseCategory>();

    // Added out of the enum's order, one twice.
    private static IndexSet TheftHomicideDui()
    {
        var set = new IndexSet(Categories.Length);
        set.Add((int)OffenseCategory.Theft);
        set.Add((int)OffenseCategory.Homicide);
        set.Add((int)OffenseCategory.Theft);
        set.Add((int)OffenseCategory.Dui);
        return set;
    }

    [Test]
    public void Add_NewAndRepeated_TellsWhichWasNewAndCountsEachOnce()
    {
        var set = new IndexSet(Categories.Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Add((int)OffenseCategory.Dui), Is.True);
            Assert.That(set.Add((int)OffenseCategory.Dui), Is.False);
            Assert.That(set.Add((int)OffenseCategory.Robbery), Is.True);
            Assert.That(set.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void Contains_OnlyTheValuesAdded()
    {
        var set = TheftHomicideDui();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Categories.Where(c => set.Contains((int)c)), Is.EquivalentTo(new[] { OffenseCategory.Theft, OffenseCategory.Homicide, OffenseCategory.Dui }));
            Assert.That(set.PlaceOf((int)OffenseCategory.Homicide), Is.EqualTo(1));
            Assert.That(set.PlaceOf((int)OffenseCategory.Robbery), Is.EqualTo(-1));
        }
    }

    [Test]
    public void Listings_AddedOutOfOrder_InOrderAddedAndInTheEnumsOrder()
    {
        var set = TheftHomicideDui();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.InOrderAdded(Categories), Is.EqualTo(new[] { OffenseCategory.Theft, OffenseCategory.Homicide, OffenseCategory.Dui }));
            Assert.That(set.InNumberOrder(Categories), Is.EqualTo(new[] { OffenseCategory.Homicide, OffenseCategory.Theft, OffenseCategory.Dui }));
            Assert.That(Enumerable.Range(0, set.Count).Select(set.AddedAt), Is.EqualTo(new[] { (int)OffenseCategory.Theft, (int)OffenseCategory.Homicide, (int)OffenseCategory.Dui }));
        }
    }

    [Test]
    public void Listings_NoneAdded_Empty()
    {
        var set = new IndexSet(Categories.Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Count, Is.Zero);
            Assert.That(set.InOrderAdded(Categories), Is.Empty);
            Assert.That(set.InNumberOrder(Categories), Is.Empty);
            Assert.That(Categories.Any(c => set.Contains((int)c)), Is.False);
        }
    }

    [Test]
    public void Lookups_NumberOutsideTheEnum_Refused()
    {
        var set = TheftHomicideDui();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => set.Add(Categories.Length), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => set.Add(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => set.Contains(Categories.Length), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => set.PlaceOf(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => set.AddedAt(set.Count), Throws.TypeOf<ArgumentOutOfRangeException>(), "a place past those added");
            Assert.That(set.Count, Is.EqualTo(3), "nothing refused was added");
        }
    }
}
