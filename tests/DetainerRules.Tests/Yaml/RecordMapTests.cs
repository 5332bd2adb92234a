using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Yaml;

/// <summary><c>batch --map</c>: a data set's own columns and values read as the batch columns; a map's problems name its file, line, column and field.</summary>
[TestFixture]
public class RecordMapTests
{
    private const string Good = """
        description: a county's jail export
        columns:
          id: { from: Booking No }
          booked_at: { from: [Booked, Book Date] }
          citizenship:
            from: Citizen
            values: { Y: us_citizen, N: noncitizen, "?": "" }
          charges.level: { from: Charge Class, values: { F: felony, M: misdemeanor } }
          charges.category:
            from: Charge Code
            prefixes: { "12": robbery, "1313": simple_assault, "13": aggravated_assault }
            otherwise: other
          charges.offense: { from: Charge Text }
          detainer_form: { value: I-247A }
          detainer_warrant: { value: administrative }
        """;

    private static List<ScenarioRecord> Read(string map, string csv) =>
        [.. CsvScenarios.Read(new StringReader(csv), "data.csv", new CsvReading(null, RecordMapLoader.Load(map, "map.yaml"))).Select(r => r.Parse())];

    private static string Problems(string map) => string.Join("\n", Assert.Throws<InvalidInputException>(() => RecordMapLoader.Load(map, "map.yaml"))!.Diagnostics);

    [Test]
    public void Read_ColumnsAndValuesOfTheMap_GiveTheScenario()
    {
        var records = Read(Good, """
            booking no,BOOKED,Citizen,Charge Class,Charge Code,Charge Text,Unused
            b1,2025-01-17T09:30:00-08:00,N,F,1201,robbery; armed,x
            b2,2025-01-17T09:30:00-08:00,?,M,1313,battery,x
            b3,2025-01-17T09:30:00-08:00,Y,m,9000,loitering,x
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.SelectMany(r => r.Errors), Is.Empty);
            Assert.That(records.Select(r => r.Id), Is.EqualTo(new[] { "b1", "b2", "b3" }));
            Assert.That(records.Select(r => r.Scenario!.Person.Citizenship), Is.EqualTo(new[] { Citizenship.Noncitizen, Citizenship.Unknown, Citizenship.UsCitizen }));
            Assert.That(records.Select(r => (r.Scenario!.Charges.Single().Level, r.Scenario.Charges.Single().Category)), Is.EqualTo(new[]
            {
                (OffenseLevel.Felony, OffenseCategory.Robbery),
                (OffenseLevel.Misdemeanor, OffenseCategory.SimpleAssault),
                (OffenseLevel.Misdemeanor, OffenseCategory.Other),
            }), "the longest prefix wins; values compared without regard to case; otherwise for the rest");
            Assert.That(records[0].Scenario!.Charges.Single().Offense, Is.EqualTo("robbery; armed"), "a mapped part is one part, separators and all");
            Assert.That(records[0].Scenario!.Detainer, Is.EqualTo(new Detainer(DetainerForm.I247A, WarrantKind.Administrative, null)));
        }
    }

    [Test]
    public void Read_ValueNotInATableWithoutOtherwise_RecordRefusedAtTheCellKeepingItsId()
    {
        var record = Read(Good, "Booking No,Booked,Citizen,Charge Class,Charge Code,Charge Text\nb9,2025-01-17T09:30:00-08:00,N,X,1201,robbery\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Id, Is.EqualTo("b9"));
            Assert.That(record.Errors.Single().ToString(), Is.EqualTo("data.csv:2:32: error DR102: Charge Class (charges.level): `X` is not in the map's table for `charges.level` (map.yaml:8:3); add it there, or an `otherwise`"));
        }
    }

    [Test]
    public void Read_HeaderWithoutAMappedColumn_ErrorNamesTheMapLineAndTheDataFile()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read(Good, "Booking No,Citizen,Charge Class,Charge Code,Charge Text\n"));
        Assert.That(e!.Diagnostics.Single().ToString(), Is.EqualTo("map.yaml:4:3: error DR102: columns.booked_at.from: the header of data.csv has no column `Booked` or `Book Date`"));
    }

    [TestCase("description: x\ncolumns:\n  booked_at: { from: a }\n  charge.level: { value: felony }\n", "map.yaml:4:3: error DR102: columns.charge.level: unknown key `charge.level`")]
    [TestCase("description: x\ncolumns:\n  booked_at: { from: a, value: b }\n  charges: { from: c }\n", "map.yaml:3:3: error DR102: columns.booked_at: give either `from`")]
    [TestCase("description: x\ncolumns:\n  booked_at: { from: a }\n  charges: { from: c, time: \"12:00\" }\n", "map.yaml:4:29: error DR102: columns.charges.time: `time` is for a time column")]
    [TestCase("description: x\ncolumns:\n  booked_at: { from: a, time: noon }\n  charges: { from: c }\n", "map.yaml:3:31: error DR102: columns.booked_at.time: `noon` is not a time of day")]
    [TestCase("description: x\ncolumns:\n  booked_at: { from: a }\n  charges: { from: c, values: { A: x, a: y } }\n", "map.yaml:4:39: error DR102: columns.charges.values.a: `a` is listed twice")]
    [TestCase("description: x\ncolumns:\n  booked_at: { from: a }\n  charges: { from: c }\n  charges.level: { value: felony }\n", "map.yaml:5:3: error DR102: columns.charges.level: `charges` is mapped whole and by parts")]
    [TestCase("description: x\ncolumns:\n  charges: { from: c }\n", "map.yaml:3:3: error DR102: columns: the map gives no `booked_at`")]
    [TestCase("columns:\n  booked_at: { from: a }\n  charges: { from: c }\n", "map.yaml:1:1: error DR102: description: required field is missing")]
    public void Load_BadMap_ErrorNamesFileLineColumnAndField(string map, string expected) =>
        Assert.That(Problems(map), Does.StartWith(expected));
}
