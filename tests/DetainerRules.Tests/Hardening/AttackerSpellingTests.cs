using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// A condition can read the scenario's fields and decisions, nothing else. These are the spellings
/// someone trying to reach types, methods, files or the process would write; each must be refused
/// as a condition error, whatever it looks like in C#, LINQ, JavaScript, shell or template syntax.
/// </summary>
[TestFixture]
public class AttackerSpellingTests
{
    private static readonly string[] Spellings =
    [
        "System.IO.File.ReadAllText(\"/etc/passwd\") = \"x\"",
        "System.Diagnostics.Process.Start(\"sh\")",
        "person.GetType().Assembly",
        "person.foreign_born.ToString() = \"True\"",
        "typeof(System.Environment)",
        "new System.Object()",
        "Environment.Exit(0)",
        "charges[0].level = felony",
        "charges.Count > 0",
        "charges.Any(c => c.Level == OffenseLevel.Felony)",
        "x => true",
        "nameof(person)",
        "default(bool)",
        "@person",
        "$\"{person}\"",
        "`id`",
        "${HOME} = \"x\"",
        "{{ 7*7 }}",
        "person; rm -rf /",
        "person.__proto__",
        "person..foreign_born",
        "person.foreign_born\u0000",
        "\\u0070erson.foreign_born",
        "decision.notify_ice.Rule",
        "requests has System.IO",
        "category in [File]",
        "statute = \"x\" + File.ReadAllText(\"y\")",
        "any charge(level = felony).GetType()",
        "eval(\"true\")",
        "import os",
    ];

    private static IEnumerable<TestCaseData> Cases() => Spellings.Select((s, i) => new TestCaseData(s).SetName($"Refuse spelling {i + 1:D2}"));

    [TestCaseSource(nameof(Cases))]
    public void Load_ConditionReachingOutsideTheModel_IsRefusedAsAConditionError(string condition)
    {
        var yaml = TestPolicies.Yaml($$"""
              - id: attempt
                when: '{{condition.Replace("'", "''", StringComparison.Ordinal)}}'
                then: { ice_jail_access: permitted }
                because: test
                cite: src
            """);

        var error = Assert.Throws<InvalidInputException>(() => DetainerRules.Yaml.PolicyLoader.Load(yaml, "attempt.yaml"));

        Assert.That(error.Diagnostics.Select(d => d.Code.Id), Has.Some.StartsWith("DR30").Or.Some.EqualTo("DR101").Or.Some.EqualTo("DR102"), string.Join("\n", error.Diagnostics));
    }
}
