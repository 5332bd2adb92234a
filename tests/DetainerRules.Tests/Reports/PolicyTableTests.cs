using System.Text.Json;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Reports.PolicyTables;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Reports;

/// <summary>The table of one scenario under several policies, and its four formats, on policies written for the test.</summary>
[TestFixture]
public class PolicyTableTests
{
    private const string Hostile = "Evil | <script>alert(1)</script> `x` *y*\n| forged | row |\u202Eelif\u001b[8m";

    private static readonly Model.Scenarios.Scenario Arrest = TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: administrative }");

    /// <summary>Holds on a detainer for 48 clock hours and notifies at release.</summary>
    private static Policy Holding(string title = "Holding policy") => Named("holding", title, """
          - id: hold
            when: detainer.form = I-247A
            then:
              delay_release: { value: required, limit: clock48 }
              notify_ice: { value: required, at: [release] }
            because: detainers are honoured
            cite: src
        """);

    /// <summary>Forbids any hold.</summary>
    private static Policy Refusing() => Named("refusing", "Refusing policy", """
          - id: no-hold
            when: detainer.form = I-247A
            then:
              delay_release: { value: forbidden }
              release_if_ice_absent: { value: required }
            because: detainers are declined
            cite: src
        """);

    private static Policy Named(string id, string title, string rules) =>
        Model(TestPolicies.Yaml(rules).Replace("id: test-policy", "id: " + id, StringComparison.Ordinal).Replace("title: Test policy", "title: " + JsonSerializer.Serialize(title), StringComparison.Ordinal));

    private static Policy Model(string yaml) => DetainerRules.Yaml.PolicyLoader.Load(yaml, "test.yaml");

    private static PolicyTable Table(params PolicyColumn[] columns) => new(Arrest, null, columns);

    private static PolicyColumn Decided(string name, Policy policy) => PolicyColumn.Decided(name, DelegatePolicy.Compile(policy, (_, id) => throw new InvalidOperationException(id)).Evaluate(Arrest));

    private static string Render(PolicyTable table, ReportFormat format)
    {
        using var w = new StringWriter();
        PolicyTableReport.Write(w, [table], format);
        return w.ToString();
    }

    [Test]
    public void Rows_HoldAndRefusal_OutcomeHoldEndAndLimitPerColumnInOrder()
    {
        var table = Table(Decided("refusing", Refusing()), Decided("holding", Holding()));
        var cells = table.Rows.ToDictionary(r => r.Key, r => r.Cells);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "refusing", "holding" }));

            // Eligible for release at 18:00 on 17 January; 48 clock hours later.
            Assert.That(cells["outcome"], Is.EqualTo(new[] { "released", "held for ICE until 2025-01-19T18:00:00-08:00" }));
            Assert.That(cells["hold_until"], Is.EqualTo(new[] { "no hold", "2025-01-19T18:00:00-08:00" }));
            Assert.That(cells["limit"], Is.EqualTo(new[] { "none", "clock48: 48 hours" }));
            Assert.That(cells["delay_release"], Is.EqualTo(new[] { "forbidden", "required" }));
            Assert.That(cells["notify_ice"], Is.EqualTo(new[] { "unknown", "required (release)" }));
            Assert.That(table.Rows.Select(r => r.Key), Is.EqualTo(new[]
            {
                "outcome", "hold_until", "limit", "notify_ice", "delay_release", "release_if_ice_absent", "transfer_to_ice",
                "ice_jail_access", "ask_immigration_status", "share_criminal_intelligence", "assist_civil_enforcement",
            }));
        }
    }

    [Test]
    public void Rows_FamilyNotInForce_EveryCellSaysSoAndTheNoteGivesTheReason()
    {
        var table = Table(Decided("holding", Holding()), PolicyColumn.Absent("fam", "no version of `fam` was in force on 2025-01-17"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Rows.Select(r => r.Cells[1]), Is.All.EqualTo("not in force"));
            Assert.That(table.Rows.Select(r => r.Cells[0]), Has.None.EqualTo("not in force"));
            Assert.That(table.Notes(), Does.Contain("fam: not in force: no version of `fam` was in force on 2025-01-17"));
        }
    }

    [Test]
    public void Text_IsTransposed_OneLinePerPolicyInEachTable()
    {
        var text = Render(Table(Decided("refusing", Refusing()), Decided("holding", Holding()), PolicyColumn.Absent("fam", "none that day")), ReportFormat.Text);
        var lines = text.Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Count(l => l.StartsWith("holding ", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(lines, Has.Some.Match(@"^holding\s+held for ICE until 2025-01-19T18:00:00-08:00\s+2025-01-19T18:00:00-08:00\s+clock48: 48 hours$"));
            Assert.That(lines, Has.Some.Match(@"^refusing\s+unknown\s+forbidden\s+required\s"));
            Assert.That(lines, Has.Some.Match(@"^policy\s+notify\s+delay\s+release if absent\s+transfer"));

            // Said once per line, not in every cell.
            Assert.That(lines.Where(l => l.StartsWith("fam ", StringComparison.Ordinal)).Select(l => l.Split("not in force").Length - 1), Is.EqualTo(new[] { 1, 1 }));
        }
    }

    [Test]
    public void Markdown_RowPerDecisionColumnPerPolicy_HostileTitleStaysInItsCell()
    {
        var markdown = Render(Table(Decided("refusing", Refusing()), Decided("holding", Holding(Hostile))), ReportFormat.Markdown);
        var rows = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows[0], Is.EqualTo("| | `refusing` | `holding` |"));
            Assert.That(rows, Does.Contain("| Outcome | released | held for ICE until 2025-01-19T18:00:00-08:00 |"));
            Assert.That(rows, Has.Count.EqualTo(2 + 11), "header, rule, and one row per line of the table; the title forged none");
            Assert.That(markdown, Does.Not.Match(@"[^\\]<").And.Not.Contain("\u202E").And.Not.Contain("\u001b"), "every < escaped, no control left");
            Assert.That(markdown, Does.Contain("\\<script>alert(1)\\</script>"));
        }
    }

    [Test]
    public void Html_HostileTitle_IsEscapedText()
    {
        var html = Render(Table(Decided("holding", Holding(Hostile)), Decided("refusing", Refusing())), ReportFormat.Html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Contain("\u202E").And.Not.Contain("\u001b"));
            Assert.That(html, Does.Contain("\\u202E"));
            Assert.That(html, Does.Contain("<td class=\"required\">required</td><td class=\"forbidden\">forbidden</td>"));
        }
    }

    [Test]
    public void Json_PoliciesInOrderWithHoldLimitAndGaps()
    {
        var json = Render(Table(Decided("holding", Holding()), PolicyColumn.Absent("fam", "none that day"), Decided("refusing", Refusing())), ReportFormat.Json);
        using var document = JsonDocument.Parse(json);
        var policies = document.RootElement.GetProperty("policies").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policies.Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "holding", "fam", "refusing" }));
            Assert.That(policies[0].GetProperty("hold_until").GetString(), Is.EqualTo("2025-01-19T18:00:00-08:00"));
            Assert.That(policies[0].GetProperty("limit").GetProperty("hours").GetInt32(), Is.EqualTo(48));
            Assert.That(policies[0].GetProperty("outcome").GetString(), Is.EqualTo("held_for_ice"));
            Assert.That(policies[0].GetProperty("decisions").GetProperty("notify_ice").GetProperty("detail").GetString(), Is.EqualTo("release"));
            Assert.That(policies[1].GetProperty("in_force").GetBoolean(), Is.False);
            Assert.That(policies[1].GetProperty("not_in_force").GetString(), Is.EqualTo("none that day"));
            Assert.That(policies[2].GetProperty("hold_until").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(policies[2].GetProperty("limit").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }
}
