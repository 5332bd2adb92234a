using System.Text;

namespace DetainerRules.Web.Api;

/// <summary>A report as the command line writes it to standard output, line end included, so an API answer and a <c>--format json</c> run are byte for byte the same.</summary>
public static class JsonAnswer
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Of(string json) => Results.Text(json + "\n", ContentType, Encoding.UTF8);

    /// <summary>The report <paramref name="write"/> writes, as <see cref="Of(string)"/> would answer its text, in UTF-8 straight from the writer.</summary>
    public static IResult Of(Action<System.Text.Json.Utf8JsonWriter> write) => Results.Bytes(Reports.JsonReport.RenderLine(write), ContentType);
}
