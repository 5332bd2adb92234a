using DetainerRules.Language.Syntax;

namespace DetainerRules.Tests.Language;

[TestFixture]
public class ParserTests
{
    private static string Shape(SyntaxNode node) => node switch
    {
        LogicalSyntax l => $"({string.Join(l.IsAnd ? " and " : " or ", l.Parts.Select(Shape))})",
        NotSyntax n => $"not {Shape(n.Inner)}",
        NameSyntax n => n.Name.Text,
        BoolSyntax b => b.Value ? "true" : "false",
        TestSyntax t => $"[{t.Path.Text} {t.Operator.Text()} {string.Join(",", t.Values.Select(v => v.Text))}{t.ListName?.Text}]",
        QuantifierSyntax q => $"{q.Quantifier.Text} {q.List.Text}({(q.Inner is null ? string.Empty : Shape(q.Inner))})",
        WithinSyntax w => $"within {w.Years.Text}{(w.FromRelease ? " of release" : string.Empty)}",
        _ => throw new ArgumentException($"a {node.GetType().Name}", nameof(node)),
    };

    [TestCase("a or b and c", "(a or (b and c))")]
    [TestCase("not a and b", "(not a and b)")]
    [TestCase("not (a and b)", "not (a and b)")]
    [TestCase("(a or b) and c", "((a or b) and c)")]
    [TestCase("detainer.form != I-247A", "[detainer.form != I-247A]")]
    [TestCase("category not in [theft, fraud]", "[category not in theft,fraud]")]
    [TestCase("category in violent", "[category in violent]")]
    [TestCase("person.foreign_born is not known", "[person.foreign_born is not known ]")]
    [TestCase("any conviction(level >= felony and within 10 years of release)", "any conviction(([level >= felony] and within 10 of release))")]
    [TestCase("no charge", "no charge()")]
    [TestCase("statute = \"NRS 200.380\"", "[statute = NRS 200.380]")]
    [TestCase("statute == 'NRS 200.380'", "[statute = NRS 200.380]")]
    [TestCase("level < felony or level <= felony or level > infraction or level >= infraction", "([level < felony] or [level <= felony] or [level > infraction] or [level >= infraction])")]
    [TestCase("requests has interview and detainer.form is known", "([requests has interview] and [detainer.form is known ])")]
    public void Parse_Condition_HasTheExpectedShape(string text, string shape) =>
        Assert.That(Shape(Parser.Parse(text)), Is.EqualTo(shape));

    [TestCase("", 0, "empty")]
    [TestCase("a and", 5, "ends too early")]
    [TestCase("a b", 2, "unexpected `b`")]
    [TestCase("a = ", 4, "expected a value")]
    [TestCase("within five years", 7, "a number of years")]
    [TestCase("'open", 0, "unterminated string")]
    [TestCase("a && b", 2, "unexpected `&&`: the language spells it out, write `and`")]
    [TestCase("a is unknown", 5, "expected `known`")]
    public void Parse_BadCondition_ReportsOffset(string text, int offset, string message)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => Parser.Parse(text))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Offset, Is.EqualTo(offset));
            Assert.That(error.Message, Does.Contain(message));
        }
    }

    [Test]
    public void Parse_DeepNesting_RefusedBeforeTheStackRunsOut()
    {
        var text = string.Concat(Enumerable.Repeat("not (", 500)) + "a" + new string(')', 500);

        Assert.That(() => Parser.Parse(text), Throws.TypeOf<ConditionSyntaxException>().With.Message.Contains("nested more than"));
    }
}
