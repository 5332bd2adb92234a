using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// The reader that takes a good JSON line straight to a scenario (<see cref="JsonScenarioReader"/>)
/// against the reference, YAML's reader and the loader: on every line it takes, the loader builds
/// the same scenario; every line the loader refuses, it declines (so the user's diagnostics are the
/// loader's); and a batch record comes out as the reference says, scenario or diagnostics, whichever
/// reader read it. Over generated lines (all of which it must take, or batch gains nothing), lines
/// with damaged JSON, lines with fields given other values, and lines written to meet one check each.
/// </summary>
[TestFixture]
public class DirectReaderDifferentialTests
{
    private const int Seed = 62;
    private const string File = "in.jsonl";
    private const string DefaultId = "line-1";
    private const string Booked = "2025-01-17T09:30:00-08:00";
    private const string Charge = """{"offense":"robbery","level":"felony","category":"robbery"}""";

    [Test]
    public void GeneratedLines_AreAllTakenStraight_AsTheLoaderReadsThem()
    {
        var lines = GeneratedJsonLines.Good;

        var taken = lines.Count(line => JsonScenarioReader.TryRead(line, DefaultId) is not null);

        Assert.That(taken, Is.EqualTo(lines.Count), "every good generated line is read straight");
        AssertAlike(lines);
    }

    [Test]
    public void LinesWithDamagedJson_AreTakenOnlyAsTheLoaderTakesThem()
    {
        var random = new Random(Seed);
        var lines = GeneratedJsonLines.Good.SelectMany(line => Enumerable.Range(0, 2).Select(_ => JsonLineMutations.Mutate(random, line))).ToList();

        var mix = AssertAlike(lines);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mix.Taken, Is.GreaterThan(lines.Count / 20), "some damaged lines are still good scenarios, read straight");
            Assert.That(mix.Refused, Is.GreaterThan(lines.Count / 2), "most are refused by the loader");
        }
    }

    [Test]
    public void LinesWithFieldsChanged_AreTakenOnlyAsTheLoaderTakesThem()
    {
        var random = new Random(Seed);
        var lines = GeneratedJsonLines.Good.SelectMany(line => Enumerable.Range(0, 4).Select(_ => FieldEdits.Edit(random, line))).ToList();

        var mix = AssertAlike(lines);

        // Each kind of line in numbers, or the comparison proves little.
        TestContext.Out.WriteLine($"{lines.Count} lines: {mix.Taken} taken, {mix.LeftToLoader} good but left to the loader, {mix.Refused} refused");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mix.Taken, Is.GreaterThan(lines.Count / 3), "many edited lines are still good scenarios, read straight");
            Assert.That(mix.Refused, Is.GreaterThan(lines.Count / 5), "many are refused by the loader");
            Assert.That(mix.LeftToLoader, Is.GreaterThan(0), "some good ones are in forms left to the loader (a number as text, a null request)");
        }
    }

    private static readonly string[] GoodLines =
    [
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""{"id":"a","description":"d","booked_at":"{{{Booked}}}","person":null,"charges":[{{{Charge}}}],"convictions":null,"detainer":null,"custody":null,"ice":null,"requests":null}""",
        $$$"""{"booked_at":"{{{Booked}}}","person":{},"charges":[{{{Charge}}}],"convictions":[],"custody":{},"ice":{},"requests":[]}""",
        $$$"""{"booked_at":"{{{Booked}}}","person":{"foreign_born":null,"citizenship":null,"registered_sex_offender":null,"on_terrorist_watchlist":null,"lawful_status_proof":null},"charges":[{{{Charge}}}],"ice":{"present_at_release":null}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"detainer":{"form":"I-247A","warrant":"judicial","warrant_court":"federal","warrant_offense":"immigration_crime","received_at":null}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"detainer":{"form":"I-247A","warrant":"administrative","warrant_court":null,"warrant_offense":null}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","statute":"NRS 1","level":"felony","category":"theft","convicted_on":"2025-01-17","released_on":null}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","level":"felony","category":"theft","convicted_on":"2020-01-01","released_on":"2020-01-01"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"custody":{"release_eligible_at":"{{{Booked}}}"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"custody":{"release_eligible_at":"2025-01-17T17:30:00Z"}}""",
        $$$"""{"id":"  padded \u00e9\ud83d\ude00 ","booked_at":"2025-01-17 09:30 -8","charges":[{"offense":"a\"b\\c","level":"felony","category":"robbery"}]}""",
        $$$"""{"b\u006foked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""  { "booked_at" : "{{{Booked}}}" , "charges" : [ {{{Charge}}} ] }  """,
    ];

    private static IEnumerable<int> GoodLinesNumbers => Enumerable.Range(0, GoodLines.Length);

    /// <summary>Good scenarios in forms the reader takes: every optional part null, empty or left out, escapes, padding, a second offset.</summary>
    /// <remarks>Cases are numbered, not named by their text: a name with escapes is one the mutation runner cannot ask for again.</remarks>
    [TestCaseSource(nameof(GoodLinesNumbers))]
    public void GoodLine_IsTakenStraight(int number)
    {
        var line = GoodLines[number];
        Assert.That(JsonScenarioReader.TryRead(line, DefaultId), Is.Not.Null, $"a good scenario in a form the reader takes: {line}");
        AssertAlike([line]);
    }

    private static readonly string[] DeclinedLines =
    [
        $$$"""{"booked_at":"{{{Booked}}}","charges":[]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":null}""",
        $$$"""{"booked_at":"{{{Booked}}}"}""",
        $$$"""{"booked_at":null,"charges":[{{{Charge}}}]}""",
        """{"booked_at":"2025-01-17T09:30:00","charges":[{"offense":"x","level":"felony","category":"robbery"}]}""",
        $$$"""{"id":null,"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""{"id":"   ","booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""{"id":7,"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""{"description":null,"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{"offense":"x","statute":null,"level":"felony","category":"robbery"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{"offense":"x","level":"Felony","category":"robbery"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{"offense":"x","level":"felony"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{"offense":"x","level":"felony","category":"robbery","convicted_on":"2020-01-01"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"person":{"foreign_born":"true"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"person":{"citizenship":"alien"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"custody":{"release_eligible_at":"2025-01-17T09:29:59-08:00"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","level":"felony","category":"theft","convicted_on":"2025-01-18"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","level":"felony","category":"theft","convicted_on":"2020-01-01","released_on":"2025-01-18"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","level":"felony","category":"theft","convicted_on":"2020-01-02","released_on":"2020-01-01"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"convictions":[{"offense":"x","level":"felony","category":"theft","convicted_on":"1899-12-31"}]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"detainer":{"form":"I-247A","warrant":"administrative","warrant_court":"federal"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"detainer":{"form":"I-247A","warrant":"none","warrant_offense":"civil"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"detainer":{"warrant":"judicial"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"requests":["interview","interview"]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"requests":[null]}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"ice":{"present_at_release":"yes"}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"booked_at":"{{{Booked}}}"}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"custody":{"release_eligible_at":null,"release_eligible_at":null}}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"extra":1}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]} x""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],}""",
        $$$"""{"booked_at":"{{{Booked}}}","charges":[{{{Charge}}}],"description":"a	tab"}""",
        $$$"""{"id":"\ud83d","booked_at":"{{{Booked}}}","charges":[{{{Charge}}}]}""",
    ];

    private static IEnumerable<int> DeclinedLinesNumbers => Enumerable.Range(0, DeclinedLines.Length);

    /// <summary>Lines the reader must decline: each breaks one of the loader's checks, or is in a form the loader reads its own way.</summary>
    [TestCaseSource(nameof(DeclinedLinesNumbers))]
    public void LineTheLoaderRefusesOrReadsItsOwnWay_IsDeclined(int number)
    {
        var line = DeclinedLines[number];
        Assert.That(JsonScenarioReader.TryRead(line, DefaultId), Is.Null, $"left to the loader: {line}");
        AssertAlike([line]);
    }

    /// <summary>How many lines the reader took, how many good ones it left to the loader, how many the loader refused.</summary>
    private sealed record Mix(int Taken, int LeftToLoader, int Refused);

    /// <summary>For every line: what the reader takes is the loader's scenario, what the loader refuses the reader declines, and the batch record is the reference's.</summary>
    private static Mix AssertAlike(List<string> lines)
    {
        var differences = new List<string>();
        var (taken, left, refused) = (0, 0, 0);
        foreach (var line in lines)
        {
            var expected = Reference(line);
            var direct = JsonScenarioReader.TryRead(line, DefaultId);
            if (direct is not null)
            {
                taken++;
                if (expected.Scenario is null)
                {
                    differences.Add($"taken, but the loader refuses it:\n{Shown(line)}\n{expected.Text}");
                }
                else if (Text(direct) != expected.Text)
                {
                    differences.Add($"taken as another scenario:\n{Shown(line)}\ndirect:\n{Text(direct)}\nloader:\n{expected.Text}");
                }
            }
            else if (expected.Scenario is null)
            {
                refused++;
            }
            else
            {
                left++;
            }

            // The batch record's diagnostics sit where the reference's do when the reference puts them on the line's one line
            // (YAML counts some characters as line breaks; batch moves what follows them to the record's line, column 1).
            if (expected.Scenario is not null || expected.Lines.All(l => l == 1))
            {
                var record = ScenarioRecords.Read(1, File, 1, line, DefaultId, column => column);
                var actual = record.Scenario is { } s ? Text(s) : Diagnostics(record.Errors);
                if (actual != expected.Text)
                {
                    differences.Add($"the batch record differs:\n{Shown(line)}\nbatch:\n{actual}\nreference:\n{expected.Text}");
                }
            }
        }

        Assert.That(differences, Is.Empty, () => $"{differences.Count} of {lines.Count} lines differ; the first:\n{differences.FirstOrDefault()}");
        return new Mix(taken, left, refused);
    }

    /// <summary>The reference: YamlDotNet's parser, then the loader's checks on its nodes.</summary>
    private static (Scenario? Scenario, string Text, IEnumerable<long> Lines) Reference(string line)
    {
        try
        {
            var scenario = ScenarioLoader.Load(DocumentReader.Read(File, line).Root, DefaultId);
            return (scenario, Text(scenario), []);
        }
        catch (InvalidInputException e)
        {
            return (null, Diagnostics(e.Diagnostics), e.Diagnostics.Select(d => d.Span.Line));
        }
    }

    private static string Text(Scenario s) => ScenarioJson.ToJson(s) + "\ndescription: " + s.Description;

    private static string Diagnostics(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => $"{d.Severity} {d}"));

    private static string Shown(string line) => line.Length > 600 ? line[..600] + $"... ({line.Length} chars)" : line;
}
