using System.Text.RegularExpressions;
using DetainerRules.Cli;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>Policy diagrams: every rule and decision drawn, edges between declared nodes. (.ci/check-graph renders them with Graphviz.)</summary>
[TestFixture]
public class GraphTests
{
    private static IEnumerable<TestCaseData> Catalog() => TestPolicies.CatalogIds().Select(id => new TestCaseData(id).SetName($"{{m}}({id})"));

    [TestCaseSource(nameof(Catalog))]
    public void Of_CatalogPolicy_DrawsEveryRuleEffectAndChainedRead(string id)
    {
        var policy = TestPolicies.ShippedPolicy(id).Policy;

        var graph = PolicyGraph.Of(policy);

        var ids = graph.Nodes.Select(n => n.Id).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(graph.Nodes.Count(n => n.Kind == "rule"), Is.EqualTo(policy.Rules.Count));
            Assert.That(graph.Nodes.Count(n => n.Kind == "decision"), Is.EqualTo(8));
            Assert.That(graph.Edges.Count(e => e.From.StartsWith("rule_", StringComparison.Ordinal) && e.To.StartsWith("decision_", StringComparison.Ordinal)), Is.EqualTo(policy.Rules.Sum(r => r.Then.Count)));
            Assert.That(graph.Edges.Where(e => !ids.Contains(e.From) || !ids.Contains(e.To)), Is.Empty, "edges join declared nodes");
            Assert.That(graph.Nodes.Select(n => n.Id), Has.All.Match("^[a-z0-9_]+$"), "ids DOT and Mermaid accept unquoted");
        }
    }

    [Test]
    public void Of_ChainedPolicy_HangsTheReadingRuleOffTheDecisionItReads()
    {
        var graph = PolicyGraph.Of(TestPolicies.ShippedPolicy("lvmpd-2023").Policy);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(graph.Edges, Does.Contain(("decision_notify_ice", "rule_ice_may_pick_up_notified_person", "read by", true)));
            Assert.That(graph.Edges, Does.Contain(("rule_notify_foreign_born_listed_charge", "decision_notify_ice", "required (booking, release)", false)));
            Assert.That(graph.Edges, Does.Contain(("condition_notifiable_charge", "rule_notify_foreign_born_listed_charge", string.Empty, false)));
            Assert.That(graph.Edges, Does.Contain(("condition_violent_felony_charge", "condition_notifiable_charge", string.Empty, false)));
        }
    }

    [Test]
    public void Of_ConditionReadBothWays_DrawsANotEdgeApartFromThePlainOne()
    {
        var policy = TestPolicies.Load("""
              - id: on-a-judges-warrant
                when: judicial_warrant
                then: { delay_release: { value: permitted, limit: h48 } }
                because: x
                cite: src
              - id: without-one
                when: not judicial_warrant and no charge(level = felony)
                then: { delay_release: forbidden }
                because: x
                cite: src
            """, "conditions:\n  judicial_warrant: detainer.warrant = judicial");

        var edges = PolicyGraph.Of(policy).Edges;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edges, Does.Contain(("condition_judicial_warrant", "rule_on_a_judges_warrant", string.Empty, false)));
            Assert.That(edges, Does.Contain(("condition_judicial_warrant", "rule_without_one", "not", false)));
            Assert.That(edges, Does.Contain(("field_charges", "rule_without_one", "not", false)), "`no charge(...)` reads the charges the negative way");
            Assert.That(edges, Does.Contain(("field_detainer_warrant", "condition_judicial_warrant", string.Empty, false)));
            Assert.That(PolicyGraph.Of(policy).Dot(), Does.Contain("condition_judicial_warrant -> rule_without_one [label=\"not\"]"));
        }
    }

    [TestCase("dot", "digraph \"lvmpd-2023\" {")]
    [TestCase("mermaid", "flowchart LR")]
    public void Graph_Command_PrintsTheFormatAsked(string format, string start)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = DetainerCli.Run(["graph", "--policy", "lvmpd-2023", "--format", format, "--rules", Repository.Rules], output, error, Repository.Root);

        var text = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(text, Does.StartWith(start));
            Assert.That(text.Count(c => c == '{'), Is.EqualTo(text.Count(c => c == '}')));
            Assert.That(Regex.IsMatch(text, "rule_no_delay_without_judicial_warrant"), Is.True);
        }
    }
}
