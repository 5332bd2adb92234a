using System.Globalization;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;

namespace DetainerRules.Web.Pages;

/// <summary>Versions drawn on one time axis shared by the whole page: each a bar from its first to its last day, an open-ended one running to the axis's end.</summary>
/// <remarks>
/// The axis runs from the earliest date any policy names to the latest, plus a year, so the page
/// depends on the files alone, never on the day it is rendered (no "in force today"). The bar is
/// SVG geometry, not a style attribute, which the Content-Security-Policy would refuse.
/// </remarks>
public sealed class Timeline
{
    private readonly DateOnly _start;
    private readonly double _days;

    public Timeline(IEnumerable<Policy> policies)
    {
        var dates = policies.SelectMany(p => new[] { p.EffectiveFrom?.Earliest, p.EffectiveUntil?.Latest }).OfType<DateOnly>().ToList();
        _start = dates.Count > 0 ? dates.Min() : new DateOnly(2000, 1, 1);
        var end = (dates.Count > 0 ? dates.Max() : _start).AddYears(1);
        _days = Math.Max(1, end.DayNumber - _start.DayNumber);
    }

    /// <summary>True for the version with no end date: the one a reader takes as current.</summary>
    public static bool IsOpenEnded(Policy p) => p.EffectiveUntil is null;

    /// <summary>The mark an open-ended version carries.</summary>
    public const string CurrentMark = "<span class=\"current\">current: no end date</span>";

    /// <summary>The version's bar, labelled with its dates for a screen reader.</summary>
    public string Bar(Policy p)
    {
        var from = p.EffectiveFrom is { } f ? X(f.Earliest) : 0;
        var to = p.EffectiveUntil is { } u ? X(u.Latest) : 100;
        var label = $"in force {p.EffectiveFrom?.ToString() ?? "from a start not given"} to {p.EffectiveUntil?.ToString() ?? "no end date"}";
        var kind = IsOpenEnded(p) ? "open" : "bar";
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"span\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\"><rect class=\"axis\" x=\"0\" y=\"2.5\" width=\"100\" height=\"1\"/><rect class=\"{kind}\" x=\"{from:0.##}\" y=\"0.5\" width=\"{Math.Max(0.8, to - from):0.##}\" height=\"5\"/></svg>");
    }

    private double X(DateOnly day) => Math.Clamp((day.DayNumber - _start.DayNumber) / _days * 100, 0, 100);
}
