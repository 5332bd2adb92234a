using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// Good scenarios as JSON lines, reproducible from a seed: random scenarios over every field and
/// over the words the catalog's policies read, some with a description, written with non-ASCII
/// escaped (as <c>detainer generate</c> writes) or written out (as other tools often do).
/// </summary>
internal static class GeneratedJsonLines
{
    private const int Seed = 18;
    private const int Count = 1500;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<List<string>> Lines = new(() =>
    {
        var palette = ScenarioPalette.Of(Repository.PolicyFiles().Select(f => PolicyLoader.LoadFile(f)));
        var scenarios = RandomScenarios.Generate(Seed, Count / 2).Concat(RandomScenarios.Generate(Seed + 1, Count / 2, palette));
        var random = new Random(Seed);
        return [.. scenarios.Select((s, i) =>
        {
            var json = JsonNode.Parse(ScenarioJson.ToJson(s, indented: false))!.AsObject();
            if (Describe(random) is { } description)
            {
                json.Insert(1, "description", description);
            }

            return json.ToJsonString(i % 2 == 0 ? JsonSerializerOptions.Default : Relaxed);
        })];
    });

    public static List<string> Good => Lines.Value;

    private static string? Describe(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => "a plain booking",
        2 => "café, naïve, 日本, 😀 and \"quotes\" \\ / <&> +1",
        _ => "line one\nline two\ttabbed",
    };
}
