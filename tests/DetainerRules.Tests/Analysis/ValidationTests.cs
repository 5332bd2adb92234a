using DetainerRules.Analysis.Checks;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>How a validation's failures become findings (<see cref="Validation"/>), the same for the command line, the API and the workbench.</summary>
[TestFixture]
public class ValidationTests
{
    private static readonly Diagnostic Problem = Diagnostic.Error(new SourceSpan("p.yaml", 3, 7), DiagnosticCodes.Field, "rules[0].when", "bad");

    [Test]
    public void Run_CheckSucceeds_ItsFindings()
    {
        IReadOnlyList<Diagnostic> findings = [Problem];

        Assert.That(Validation.Run("p.yaml", () => findings), Is.SameAs(findings));
    }

    [Test]
    public void Run_LoaderDiagnostics_ShownAsTheCallerNamesThem()
    {
        var findings = Validation.Run("p.yaml", () => throw new InvalidInputException([Problem]), d => d with { Span = d.Span with { File = "shown.yaml" } });

        Assert.That(findings.Select(d => d.ToString()), Is.EqualTo(new[] { $"shown.yaml:3:7: error {DiagnosticCodes.Field}: rules[0].when: bad" }));
    }

    [Test]
    public void Run_LoaderDiagnostics_AsTheyAreWithoutANaming()
    {
        Assert.That(Validation.Run("p.yaml", () => throw new InvalidInputException([Problem])), Is.EqualTo(new[] { Problem }));
    }

    [Test]
    public void Run_LoaderFailureWithoutDiagnostics_AFileErrorAtTheStartOfTheInput()
    {
        var finding = Validation.Run("p.yaml", () => throw new InvalidInputException("cannot read p.yaml")).Single();

        Assert.That(finding, Is.EqualTo(Diagnostic.Error(new SourceSpan("p.yaml", 0, 0), DiagnosticCodes.File, string.Empty, "cannot read p.yaml")));
    }

    [Test]
    public void Run_CompilerFailure_AReferenceErrorAtTheStartOfTheInput()
    {
        var finding = Validation.Run("p.yaml", () => throw new EvaluationException("no such authority", null)).Single();

        Assert.That(finding, Is.EqualTo(Diagnostic.Error(new SourceSpan("p.yaml", 0, 0), DiagnosticCodes.Reference, string.Empty, "no such authority")));
    }

    [Test]
    public void Policy_CompiledAndChecked()
    {
        var policy = TestPolicies.Load("""
              - id: shadowed
                when: any charge(level = felony)
                then: { ask_immigration_status: permitted }
                because: x
                cite: src
              - id: always-forbid
                when: true
                then: { ask_immigration_status: forbidden }
                priority: 5
                because: x
                cite: src
            """);

        Assert.That(Validation.Policy(policy, (_, a) => throw new InvalidOperationException(a), strict: false).Select(d => (d.Code.Id, d.Field)), Is.EqualTo(new[] { ("DR402", "priority") }));
    }
}
