using System.Text;

namespace DetainerRules.Web.Api;

/// <summary>A report as the command line writes it to standard output, line end included, so an API answer and a <c>--format json</c> run are byte for byte the same.</summary>
public static class JsonAnswer
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Of(string json) => Results.Text(json + "\n", ContentType, Encoding.UTF8);
}
