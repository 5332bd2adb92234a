using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

[TestFixture]
public class VariantTests
{
    private const string BaseRules = """
          - id: notify-listed
            when: any charge(listed)
            then: { notify_ice: { value: required, at: [release] } }
            because: listed charges are reported
            cite: src
          - id: never-hold
            when: "true"
            then: { delay_release: forbidden }
            because: no holds
            cite: src
        """;

    private string _dir = null!;

    [SetUp]
    public void WriteBase()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-variants-").FullName;
        File.WriteAllText(Path.Combine(_dir, "base-policy.yaml"),
            TestPolicies.Yaml(BaseRules, "conditions: { listed: \"category in [robbery, homicide]\" }").Replace("id: test-policy", "id: base-policy", StringComparison.Ordinal));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private string Write(string id, string body)
    {
        var path = Path.Combine(_dir, id + ".yaml");
        File.WriteAllText(path, $"id: {id}\n{body}");
        return path;
    }

    private static IReadOnlyList<Diagnostic> Errors(string path) =>
        Assert.Throws<InvalidInputException>(() => PolicyLoader.LoadFile(path))!.Diagnostics;

    [Test]
    public void Load_VariantReplacesNamedCondition_BaseRuleUsesTheNewDefinition()
    {
        var path = Write("narrower", """
            extends: base-policy
            amendment: only homicide is reported
            replace_conditions:
              listed: category = homicide
            """);

        var variant = PolicyCompiler.Compile(PolicyLoader.LoadFile(path));
        var robbery = variant.Evaluate(TestScenarios.Arrest(category: "robbery"));
        var homicide = variant.Evaluate(TestScenarios.Arrest(category: "homicide"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robbery[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(homicide[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
            Assert.That(variant.Policy.Lineage, Is.EqualTo(new[] { "base-policy", "narrower" }));
            Assert.That(variant.Policy.Origins["conditions:listed"], Is.EqualTo("narrower"));
        }
    }

    [Test]
    public void Load_VariantAddsReplacesAndRemovesRules_EachRuleKnowsItsOrigin()
    {
        var path = Write("changed", """
            extends: base-policy
            amendment: holds on judicial warrants; no notification
            remove_rules: [notify-listed]
            replace_rules:
              - id: never-hold
                when: not (detainer.warrant = judicial)
                then: { delay_release: forbidden }
                because: no holds without a judge
                cite: src
            rules:
              - id: judicial-hold
                when: detainer.warrant = judicial
                then: { delay_release: { value: permitted, limit: h48 } }
                because: a judge's warrant
                cite: src
            """);

        var policy = PolicyLoader.LoadFile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Rules.Select(r => $"{r.Id}@{r.Origin}"), Is.EqualTo(new[] { "never-hold@changed", "judicial-hold@changed" }));
            Assert.That(policy.AmendmentFor(policy.Rules[0]), Is.EqualTo("holds on judicial warrants; no notification"));
        }
    }

    [TestCase("replace_rules:\n  - { id: nothing-here, when: \"true\", then: { delay_release: forbidden }, because: x, cite: src }", "replaces nothing: the base has no rule `nothing-here`")]
    [TestCase("remove_rules: [notify-listd]", "removes nothing: the base has no rule `notify-listd` (did you mean `notify-listed`?)")]
    [TestCase("rules:\n  - { id: never-hold, when: \"true\", then: { delay_release: forbidden }, because: x, cite: src }", "already exists in the base: list it under `replace_rules`")]
    [TestCase("replace_conditions: { listd: \"true\" }", "replaces nothing: the base has no conditions entry `listd`")]
    [TestCase("conditions: { listed: \"true\" }", "list it under `replace_conditions`")]
    [TestCase("sources: [ { id: src, title: again, citation: x } ]", "source `src` is already defined by `base-policy`")]
    public void Load_VariantChangesNothingOrClashes_ErrorWithPosition(string change, string message)
    {
        var path = Write("broken", $"extends: base-policy\namendment: a change\n{change}\n");

        var error = Errors(path).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.Span.File, Does.EndWith("broken.yaml"));
            Assert.That(error.Span.Line, Is.GreaterThan(1));
        }
    }

    [Test]
    public void Load_VariantWithoutAmendment_Rejected() =>
        Assert.That(Errors(Write("silent", "extends: base-policy\n")).Single().Message, Does.Contain("must say what it changes"));

    [Test]
    public void Load_ExtendsUnknownPolicy_SuggestsTheNearest() =>
        Assert.That(Errors(Write("orphan", "extends: base-polcy\namendment: x\n")).Single().Message, Does.Contain("no policy `base-polcy` to extend").And.Contain("did you mean `base-policy`"));

    [Test]
    public void Load_ExtendsInACycle_Rejected()
    {
        Write("first", "extends: second\namendment: x\n");
        var second = Write("second", "extends: first\namendment: y\n");

        Assert.That(Errors(second).Single().Message, Does.Contain("`extends` makes a cycle"));
    }

    /// <summary><c>v1</c> extends <c>base-policy</c>, and each <c>vN</c> extends <c>v(N-1)</c>: <c>vN</c> is <paramref name="links"/> = N <c>extends</c> from its base.</summary>
    private string Chain(int links)
    {
        for (var n = 1; n <= links; n++)
        {
            Write($"v{n}", $"extends: {(n == 1 ? "base-policy" : $"v{n - 1}")}\namendment: step {n}\n");
        }

        return Path.Combine(_dir, $"v{links}.yaml");
    }

    [Test]
    public void Load_ChainOfVariantsExactlyAtTheLimit_Loads()
    {
        Assert.That(PolicyLoader.MaxChainLength, Is.EqualTo(32), "README's table of limits says 32");

        var policy = PolicyLoader.LoadFile(Chain(PolicyLoader.MaxChainLength));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Lineage, Has.Count.EqualTo(PolicyLoader.MaxChainLength + 1), "the base and every variant");
            Assert.That(policy.Lineage[0], Is.EqualTo("base-policy"));
            Assert.That(policy.Lineage[^1], Is.EqualTo($"v{PolicyLoader.MaxChainLength}"));
            Assert.That(PolicyCompiler.Compile(policy).Evaluate(TestScenarios.Arrest(category: "robbery"))[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required), "the base's rules reach the top of the chain");
        }
    }

    [Test]
    public void Load_ChainOfVariantsOnePastTheLimit_RefusedAtTheLinkPastItNamingTheChain()
    {
        var top = Chain(PolicyLoader.MaxChainLength + 1);

        var errors = Errors(top);

        // v33 -> v32 -> ... -> v1 is 32 links; v1's own `extends: base-policy` (line 2, column 10) is the 33rd.
        var chain = string.Join(" -> ", Enumerable.Range(1, PolicyLoader.MaxChainLength + 1).Reverse().Select(n => $"v{n}").Append("base-policy"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
            Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.PolicyCycle));
            Assert.That(errors[0].Code.Id, Is.EqualTo("DR204"));
            Assert.That(errors[0].Span.File, Is.EqualTo(Path.Combine(_dir, "v1.yaml")));
            Assert.That((errors[0].Span.Line, errors[0].Span.Column), Is.EqualTo((2, 10)));
            Assert.That(errors[0].Field, Is.EqualTo("extends"));
            Assert.That(errors[0].Message, Is.EqualTo($"chain of variants is longer than 32: {chain}"));
        }
    }

    [Test]
    public void Validate_ChainOfVariantsOnePastTheLimit_PrintsOnePositionedLine()
    {
        Chain(PolicyLoader.MaxChainLength + 1);

        var (exit, output, error) = CliRun.RunIsolated(_dir, "validate", "v33.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(DetainerRules.Cli.ExitCodes.InvalidInput));
            Assert.That(output + error, Does.Contain("v1.yaml:2:10: error DR204: extends: chain of variants is longer than 32: v33 -> v32 -> "));
            Assert.That(output + error, Does.Not.Contain("internal error"));
        }
    }

    [Test]
    public void Load_ReplaceInAPolicyThatExtendsNothing_Rejected()
    {
        var errors = Errors(Write("not-a-variant", TestPolicies.Yaml(BaseRules, "conditions: { listed: \"true\" }\nremove_rules: [x]").Replace("id: test-policy\n", string.Empty, StringComparison.Ordinal)));

        Assert.That(errors.Select(e => e.ToString()), Has.Some.Contains("`remove_rules` is for a variant"), string.Join("\n", errors));
    }

    [Test]
    public void LvmpdChain_IsAChainOfVariants_WithEachAmendmentStated()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Repository.Rules, "lvmpd-2025-06.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Lineage, Is.EqualTo(new[] { "lvmpd-2019", "lvmpd-2023", "lvmpd-2025-01", "lvmpd-2025-06" }));
            Assert.That(policy.Amendments.Keys, Is.EquivalentTo(new[] { "lvmpd-2023", "lvmpd-2025-01", "lvmpd-2025-06" }));
            Assert.That(policy.Rules.Single(r => r.Id == "wso-hold-on-administrative-warrant").Origin, Is.EqualTo("lvmpd-2025-06"));
            Assert.That(policy.Rules.Single(r => r.Id == "notify-foreign-born-listed-charge").Origin, Is.EqualTo("lvmpd-2025-01"));
            Assert.That(policy.Rules.Select(r => r.Id), Does.Not.Contain("no-civil-detainer-holds"), "removed by the 2023 amendment");
        }
    }

    private static DetainerRules.Model.Decisions.Verdict Run(string policyFile, string scenario) =>
        PolicyCompiler.Compile(PolicyLoader.LoadFile(Path.Combine(Repository.Rules, policyFile)), PolicyLoader.LoadBeside).Evaluate(TestScenarios.Shipped(scenario));

    [Test]
    public void WorkedVariant_ViolentFeloniesOnly_StopsReportingDuiButNotRobbery()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run("lvmpd-2023.yaml", "lv-dui-misdemeanor")[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
            Assert.That(Run("variants/lvmpd-2023-violent-felonies-only.yaml", "lv-dui-misdemeanor")[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(Run("variants/lvmpd-2023-violent-felonies-only.yaml", "lv-robbery-no-ice")[DecisionKind.NotifyIce].Value, Is.EqualTo(Modality.Required));
        }
    }

    [Test]
    public void WorkedVariant_WeekendsExcluded_EndTheHoldThreeDaysLaterOverTheHolidayWeekend()
    {
        // The I-247A asks for 48 hours past release on the clock (ICE guidance on Form I-247A,
        // para. 2(1)); 8 CFR 287.7(d) lets a hold run 48 hours "excluding Saturdays, Sundays, and
        // holidays". Over the Martin Luther King Jr. Day weekend that is three days apart.
        var clock = Run("ice-detainer-request.yaml", "weekend-holiday-hold").HoldUntil;
        var regulation = Run("variants/ice-detainer-request-weekends-excluded.yaml", "weekend-holiday-hold").HoldUntil;

        Assert.That(regulation - clock, Is.EqualTo(TimeSpan.FromDays(3)));
    }

    [Test]
    public void WorkedVariant_HoldsForNotified_HoldsTheReportedPersonOnly()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run("variants/lvmpd-2023-holds-for-notified.yaml", "lv-robbery-no-ice").Outcome.Value, Is.EqualTo(Outcome.HeldForIce));
            Assert.That(Run("variants/lvmpd-2023-holds-for-notified.yaml", "lv-traffic-detainer").Outcome.Value, Is.EqualTo(Outcome.Released));
            Assert.That(Run("lvmpd-2023.yaml", "lv-robbery-no-ice").Outcome.Value, Is.EqualTo(Outcome.Released));
        }
    }
}
