using DetainerRules.Analysis.Words;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>A charge or conviction being put together from facet values, or read back from a scenario.</summary>
internal sealed class OffenseDraft
{
    public string? Text { get; set; }
    public string? Statute { get; set; }
    public OffenseLevel Level { get; set; } = OffenseLevel.Misdemeanor;
    public OffenseCategory Category { get; set; } = OffenseCategory.PublicOrder;
    /// <summary>By default a few years before the preferred booking day; a space sets it from its own (<see cref="OffenseDimension"/>).</summary>
    public DateOnly ConvictedOn { get; set; } = BookingDay.Preferred.AddYears(-3);
    public DateOnly? ReleasedOn { get; set; }

    /// <summary>The offense as written; when no test reads the text, the category says it.</summary>
    public string OffenseText => Text ?? Phrases.Category(Category);

    public static OffenseDraft From(Charge c) => new() { Text = c.Offense, Statute = c.Statute, Level = c.Level, Category = c.Category };

    public static OffenseDraft From(Conviction c) => new()
    {
        Text = c.Offense,
        Statute = c.Statute,
        Level = c.Level,
        Category = c.Category,
        ConvictedOn = c.ConvictedOn,
        ReleasedOn = c.ReleasedOn,
    };

    public OffenseDraft Copy() => (OffenseDraft)MemberwiseClone();

    /// <summary>Whether every property is the same as <paramref name="other"/>'s.</summary>
    public bool SameAs(OffenseDraft other) =>
        Text == other.Text && Statute == other.Statute && Level == other.Level && Category == other.Category
        && ConvictedOn == other.ConvictedOn && ReleasedOn == other.ReleasedOn;

    public Charge ToCharge() => new(OffenseText, Statute, Level, Category);

    public Conviction ToConviction() => new(OffenseText, Statute, Level, Category, ConvictedOn, ReleasedOn);
}
