namespace DetainerRules.Reports.AgencyMaps;

/// <summary>
/// Where each state's square sits on the map: a tile-grid cartogram, every state (and the District) one equal
/// square at a fixed row and column, roughly where it lies.
/// </summary>
/// <remarks>
/// The layout is the common one of news tile maps (NPR's 2015 grid): honest about what it shows, since each state
/// counts once whatever its area, and it ships no shapefile. Row 0 is the top, column 0 the left.
/// </remarks>
public static class StateTiles
{
    public const int Columns = 11;

    public const int Rows = 8;

    public static IReadOnlyDictionary<string, (int Row, int Column)> Positions { get; } = Grid(
        "AK . . . . . . . . . ME",
        ". . . . . WI . . . VT NH",
        "WA ID MT ND MN IL MI . NY MA .",
        "OR NV WY SD IA IN OH PA NJ CT RI",
        "CA UT CO NE MO KY WV VA MD DE .",
        ". AZ NM KS AR TN NC SC DC . .",
        ". . . OK LA MS AL GA . . .",
        "HI . . TX . . . . FL . .");

    private static Dictionary<string, (int, int)> Grid(params string[] rows)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = rows[r].Split(' ');
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] != ".")
                {
                    positions.Add(cells[c], (r, c));
                }
            }
        }

        return positions;
    }
}
