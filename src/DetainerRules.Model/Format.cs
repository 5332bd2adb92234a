using System.Globalization;

namespace DetainerRules.Model;

/// <summary>The one way times and dates are written in every output, so output is byte-identical across runs and machines.</summary>
public static class Format
{
    /// <summary>ISO 8601 with the scenario's own offset, seconds precision: <c>2025-01-22T18:00:00-08:00</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
