namespace DetainerRules.Tests.Analysis;

/// <summary>A <see cref="Random"/> whose draws a test chooses: each a fraction in [0, 1), the given ones in order, then the same one for ever.</summary>
/// <remarks>
/// Every draw the generator makes (<c>NextDouble</c>, <c>Next(max)</c>, <c>Next(min, max)</c>) takes
/// one fraction and scales it as <see cref="Random"/> does, so a test can put a draw exactly on the
/// edge of a share.
/// </remarks>
internal sealed class ChosenRolls(double then, params double[] rolls) : Random
{
    private int _next;

    /// <summary>How many draws have been made.</summary>
    public int Drawn => _next;

    private double Roll() => _next < rolls.Length ? rolls[_next++] : Then();

    private double Then()
    {
        _next++;
        return then;
    }

    protected override double Sample() => Roll();

    public override double NextDouble() => Roll();

    public override int Next(int maxValue) => (int)(Roll() * maxValue);

    public override int Next(int minValue, int maxValue) => minValue + (int)(Roll() * (maxValue - minValue));

    public override int Next() => throw new NotSupportedException("the generator draws only fractions and bounded integers");
}
