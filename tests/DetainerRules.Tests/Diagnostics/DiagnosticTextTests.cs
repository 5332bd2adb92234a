using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Tests.Diagnostics;

/// <summary>How a problem is printed, compiler style, and what an exception carrying problems says.</summary>
[TestFixture]
public class DiagnosticTextTests
{
    private static readonly SourceSpan Place = new("policy.yaml", 3, 7);

    [Test]
    public void ToString_ErrorAndWarning_FileLineColumnSeverityCodeFieldMessage() =>
        Assert.That(new[]
        {
            Diagnostic.Error(Place, DiagnosticCodes.Field, "rules[0].then", "is missing").ToString(),
            Diagnostic.Warning(Place, DiagnosticCodes.Field, "rules[0].then", "is missing").ToString(),
            Diagnostic.Error(new SourceSpan("policy.yaml", 0, 0), DiagnosticCodes.Field, string.Empty, "is empty").ToString(),
        }, Is.EqualTo(new[]
        {
            $"policy.yaml:3:7: error {DiagnosticCodes.Field.Id}: rules[0].then: is missing",
            $"policy.yaml:3:7: warning {DiagnosticCodes.Field.Id}: rules[0].then: is missing",
            $"policy.yaml: error {DiagnosticCodes.Field.Id}: is empty",
        }));

    [Test]
    public void InvalidInputException_Problems_OneALineInTheMessage()
    {
        var problems = new[] { Diagnostic.Error(Place, DiagnosticCodes.Field, "a", "one"), Diagnostic.Error(Place, DiagnosticCodes.Field, "b", "two") };

        var exception = new InvalidInputException(problems);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Is.EqualTo($"{problems[0]}\n{problems[1]}"));
            Assert.That(exception.Diagnostics, Is.EqualTo(problems));
            Assert.That(exception.Diagnostics.ToString(), Is.EqualTo("2 problems, one a line in the message"));
        }
    }

    [Test]
    public void InvalidInputException_OneOrNoProblem_SaysSo()
    {
        var one = new InvalidInputException([Diagnostic.Error(Place, DiagnosticCodes.Field, "a", "one")]);
        var none = new InvalidInputException();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((one.Diagnostics.ToString(), one.Diagnostics.Count, one.Diagnostics[0].Field), Is.EqualTo(("1 problem, given in the message", 1, "a")));
            Assert.That((none.Message, none.Diagnostics.ToString()), Is.EqualTo(("invalid input", "none")));
        }
    }
}
