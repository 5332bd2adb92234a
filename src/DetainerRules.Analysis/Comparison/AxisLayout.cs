using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Lays some dimensions of a space out as axes for region finding, and reads boxes back as restrictions and words.</summary>
/// <remarks>A plain dimension is one axis; charges and convictions are several, one per facet, so a region can say "a felony charge" without listing every kind of felony.</remarks>
internal sealed class AxisLayout
{
    private readonly ScenarioSpace _space;
    private readonly int[] _dimensions;
    private readonly int[][] _axes;
    private readonly int[] _offsets;
    private readonly int[][][] _coordinates;

    public AxisLayout(ScenarioSpace space, int[] dimensions)
    {
        _space = space;
        _dimensions = dimensions;
        _axes = [.. dimensions.Select(d => space.Dimensions[d].AxisSizes)];
        _offsets = [.. _axes.Select((_, i) => _axes.Take(i).Sum(a => a.Length))];
        Sizes = [.. _axes.SelectMany(a => a)];

        // Each value's coordinates worked out once: a comparison asks for them at every case, and a
        // dimension of charges or convictions finds them by walking its values.
        _coordinates = [.. dimensions.Select((d, i) => Enumerable.Range(0, space.Dimensions[d].Count).Select(v =>
        {
            var into = new int[_axes[i].Length];
            space.Dimensions[d].ToAxes(v, into, 0);
            return into;
        }).ToArray())];
    }

    /// <summary>How many values each axis has.</summary>
    public int[] Sizes { get; }

    /// <summary>Every point of the whole grid of the layout's dimensions (numbered as <see cref="GridPoints"/> numbers them), ready for box questions.</summary>
    public GridIndex Index() => new(Sizes, _coordinates, _offsets);

    /// <summary>A point of the space (over all its dimensions) as coordinates on the axes.</summary>
    public int[] Axes(int[] point)
    {
        var coordinates = new int[Sizes.Length];
        for (var i = 0; i < _dimensions.Length; i++)
        {
            _coordinates[i][point[_dimensions[i]]].CopyTo(coordinates, _offsets[i]);
        }

        return coordinates;
    }

    /// <summary>The dimensions a box restricts, with the values it allows, and the box in words.</summary>
    public (List<(int Dimension, IReadOnlyList<int> Values)> Restrictions, string Description) Describe(bool[][] box)
    {
        var restrictions = new List<(int Dimension, IReadOnlyList<int> Values)>();
        var words = new List<string>();
        for (var i = 0; i < _dimensions.Length; i++)
        {
            var dimension = _space.Dimensions[_dimensions[i]];
            var slice = box.Skip(_offsets[i]).Take(_axes[i].Length).ToArray();
            var values = dimension.ValuesIn(slice);
            if (values.Count < dimension.Count)
            {
                restrictions.Add((_dimensions[i], values));
                words.Add(dimension.DescribeAxes(slice));
            }
        }

        return (restrictions, words.Count == 0 ? "every case" : string.Join("; ", words));
    }
}
