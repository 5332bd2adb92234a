using DetainerRules.Cli;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// The files a policy (<c>extends</c>, <c>bound_by</c>) or an expectation file (<c>scenario:</c>)
/// may make the tool read: only inside the rules folders and the naming file's own root, never by
/// an absolute path, <c>..</c> or a link out; and a file that is not a policy (or a scenario) is
/// named, never quoted, so its secrets do not leak through error messages.
/// </summary>
[TestFixture]
public class FileReachTests
{
    private const string Secret = "TopSecretValue42";
    private const string Password = "hunter2";

    private string _dir = null!;

    private string Rules => Path.Combine(_dir, "work", "rules");

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-reach-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "secret"));
        Directory.CreateDirectory(Path.Combine(Rules, "variants"));
        Directory.CreateDirectory(Path.Combine(_dir, "work", "tests"));
        Directory.CreateDirectory(Path.Combine(_dir, "work", "mine"));
        var creds = $"id: {Secret}\npassword: {Password}\n";
        File.WriteAllText(Path.Combine(_dir, "secret", "creds.yaml"), creds);
        File.WriteAllText(Path.Combine(_dir, "secret", "passwd"), $"root:x:0:0:{Secret}:/root:/bin/bash\n");
        File.WriteAllText(Path.Combine(Rules, "notes.yaml"), creds);
        File.WriteAllText(Path.Combine(_dir, "work", "tests", "notes.yaml"), creds);
        File.WriteAllText(Path.Combine(Rules, "base.yaml"), TestPolicies.Yaml("""
              - id: notify-felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [release] } }
                because: felonies are reported
                cite: src
            """).Replace("id: test-policy", "id: base", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(Rules, "link.yaml"), Path.Combine(_dir, "secret", "creds.yaml"));
        Variant("by-dotdot", "extends: ../../secret/creds.yaml");
        Variant("by-absolute", $"extends: {Path.Combine(_dir, "secret", "creds.yaml")}");
        Variant("by-passwd", "extends: /etc/passwd");
        Variant("by-link", "extends: link.yaml");
        Variant("by-notes", "extends: notes");
        Variant("by-nul", "extends: \"a\\0b\"");
        Variant("variants/by-parent", "extends: ../base.yaml");
        File.WriteAllText(Path.Combine(Rules, "bound-by-notes.yaml"), TestPolicies.Yaml("  []", "bound_by: [notes]").Replace("id: test-policy", "id: bound-by-notes", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "work", "mine", "under-base.yaml"), TestPolicies.Yaml("  []", "bound_by: [base]").Replace("id: test-policy", "id: under-base", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "work", "mine", "mine-variant.yaml"), "id: mine-variant\nextends: base\namendment: found in the rules folder\n");
        foreach (var (name, reference) in new[] { ("dotdot", "../../secret/creds"), ("absolute", Path.Combine(_dir, "secret", "creds.yaml")), ("notes", "notes"), ("nul", "\"a\\0b\"") })
        {
            File.WriteAllText(Path.Combine(_dir, "work", "tests", $"expect-{name}.yaml"), $"""
                policy: base
                cases:
                  - scenario: {reference}
                    because: a reference out of reach
                    expect: {"{"} notify_ice: required {"}"}
                """);
        }
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    private void Variant(string id, string extends) =>
        File.WriteAllText(Path.Combine(Rules, id + ".yaml"), $"id: {Path.GetFileName(id)}\n{extends}\namendment: a change\n");

    private IReadOnlyList<Diagnostic> Errors(string id) =>
        Assert.Throws<InvalidInputException>(() => new PolicyCatalog([Rules]).Load(id))!.Diagnostics;

    [TestCase("by-dotdot", "is outside the folders policies may be read from")]
    [TestCase("by-absolute", "is an absolute path")]
    [TestCase("by-passwd", "is an absolute path")]
    [TestCase("by-link", "is outside the folders policies may be read from")]
    [TestCase("by-notes", "is not a policy file")]
    [TestCase("by-nul", "holds a character no path can")]
    public void Extends_FileOutOfReachOrNotAPolicy_IsRefusedAtTheReferenceWithoutItsContent(string id, string message)
    {
        var errors = Errors(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
            Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.Reach));
            Assert.That(errors[0].Message, Does.Contain(message));
            Assert.That((errors[0].Span.Line, errors[0].Span.Column, errors[0].Field), Is.EqualTo((2L, 10L, "extends")));
            Assert.That(errors[0].ToString(), Does.Not.Contain(Secret).And.Not.Contain(Password));
        }
    }

    [Test]
    public void BoundBy_AFileThatIsNotAPolicy_IsNamedNotQuoted()
    {
        var errors = Errors("bound-by-notes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => e.Code), Is.EqualTo(new[] { DiagnosticCodes.Reach }), string.Join("\n", errors));
            Assert.That(errors[0].Message, Does.Contain("notes.yaml` is not a policy file"));
            Assert.That(errors[0].Span.File, Does.EndWith("bound-by-notes.yaml"));
            Assert.That(string.Join("\n", errors), Does.Not.Contain(Secret).And.Not.Contain(Password));
        }
    }

    [Test]
    public void Extends_ParentFolderWithinTheRulesRoot_Loads()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Rules, "variants", "by-parent.yaml"));

        Assert.That(policy.Lineage, Is.EqualTo(new[] { "base", "by-parent" }));
    }

    [Test]
    public void PolicyOutsideTheCatalog_NamesPoliciesInTheRulesFolders()
    {
        var catalog = new PolicyCatalog([Rules]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Authority(catalog.Load(Path.Combine(_dir, "work", "mine", "under-base.yaml")), "base").Id, Is.EqualTo("base"));
            Assert.That(catalog.Load(Path.Combine(_dir, "work", "mine", "mine-variant.yaml")).Lineage, Is.EqualTo(new[] { "base", "mine-variant" }));
        }
    }

    [Test]
    public void PolicyWithoutACatalog_CannotReachTheRulesFolderByName()
    {
        var errors = Assert.Throws<InvalidInputException>(() => PolicyLoader.LoadFile(Path.Combine(_dir, "work", "mine", "mine-variant.yaml")))!.Diagnostics;

        Assert.That(errors.Single().Message, Does.Contain("no policy `base` to extend beside this file"));
    }

    [TestCase("dotdot", "is outside the folders scenarios may be read from")]
    [TestCase("absolute", "is an absolute path")]
    [TestCase("notes", "is not a scenario file")]
    [TestCase("nul", "holds a character no path can")]
    public void TestCommand_ScenarioReferenceOutOfReachOrNotAScenario_FailsTheCaseWithoutTheFilesContent(string name, string message)
    {
        var (exit, output, error) = CliRun.Run(Path.Combine(_dir, "work"), catalog: false, "test", $"tests/expect-{name}.yaml", "--rules", "rules");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain(message).And.Contain("error DR205"), error);
            Assert.That(output + error, Does.Not.Contain(Secret).And.Not.Contain(Password));
        }
    }

    [TestCase("dotdot", "is outside the folders scenarios may be read from")]
    [TestCase("absolute", "is an absolute path")]
    public void ValidateCommand_ScenarioReferenceOutOfReach_IsAPositionedError(string name, string message)
    {
        var (exit, output, _) = CliRun.Run(Path.Combine(_dir, "work"), catalog: false, "validate", $"tests/expect-{name}.yaml", "--rules", "rules");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Does.Contain($"tests/expect-{name}.yaml:3:5: error DR205: scenario: ").And.Contain(message));
        }
    }

    [Test]
    public void Table_QuestionNamingAScenarioOutsideItsFolder_IsRefused()
    {
        File.WriteAllText(Path.Combine(_dir, "work", "tests", "questions.yaml"), "questions:\n  - ask: leak?\n    scenario: ../../secret/passwd\n    decision: notify_ice\n");

        var (exit, _, error) = CliRun.Run(Path.Combine(_dir, "work"), catalog: false, "table", "--questions", "tests/questions.yaml", "-p", "base", "--rules", "rules");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("questions.yaml:3:15: error DR205: questions[0].scenario: `../../secret/passwd` is outside this file's folder"));
            Assert.That(error, Does.Not.Contain(Secret));
        }
    }
}
