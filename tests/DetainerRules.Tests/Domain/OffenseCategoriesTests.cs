using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Domain;

/// <summary>A named offense list's categories: each once, in the order the policy writes them.</summary>
[TestFixture]
public class OffenseCategoriesTests
{
    [Test]
    public void Categories_WrittenOutOfOrderWithARepeat_EachOnceAtItsFirstPlace()
    {
        var list = new OffenseCategories([OffenseCategory.Theft, OffenseCategory.Homicide, OffenseCategory.Theft, OffenseCategory.Dui]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Categories, Is.EqualTo(new[] { OffenseCategory.Theft, OffenseCategory.Homicide, OffenseCategory.Dui }));
            Assert.That(list.Count, Is.EqualTo(3));
        }
    }

    [Test]
    public void Contains_OnlyTheCategoriesWritten()
    {
        var list = new OffenseCategories([OffenseCategory.Dui, OffenseCategory.Homicide]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Contains(OffenseCategory.Dui), Is.True);
            Assert.That(list.Contains(OffenseCategory.Homicide), Is.True);
            Assert.That(list.Contains(OffenseCategory.Theft), Is.False);
        }
    }

    [Test]
    public void Categories_NoneWritten_Empty()
    {
        var list = new OffenseCategories([]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Categories, Is.Empty);
            Assert.That(list.Count, Is.Zero);
            Assert.That(list.Contains(OffenseCategory.Homicide), Is.False);
        }
    }
}
