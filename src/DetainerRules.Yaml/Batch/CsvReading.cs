using DetainerRules.Model.Time;

namespace DetainerRules.Yaml.Batch;

/// <summary>How a CSV input is read beyond its own text: the zone its times without an offset were written in, and a map from the data set's own layout.</summary>
/// <param name="Zone">From <c>--timezone</c>: times without an offset, and spreadsheet date forms, are read in it; null when none is named.</param>
/// <param name="Map">From <c>--map</c>: the data set's columns and values onto the batch columns; null for the batch layout itself.</param>
public sealed record CsvReading(JurisdictionTime? Zone = null, RecordMap? Map = null)
{
    public static CsvReading Plain { get; } = new();
}
