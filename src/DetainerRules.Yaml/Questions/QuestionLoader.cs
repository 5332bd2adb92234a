using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Questions;

/// <summary>Reads a list of questions; scenario paths are relative to the questions file.</summary>
public static class QuestionLoader
{
    /// <exception cref="InvalidInputException">The file is missing or has problems; all of them are listed.</exception>
    public static IReadOnlyList<Question> LoadFile(string path)
    {
        var (root, _) = DocumentReader.Read(path, InputFile.Read(path));
        var diagnostics = new List<Diagnostic>();
        var r = new FieldReader(diagnostics);
        var top = r.Mapping(root, ["questions"])
            ?? throw new InvalidInputException([Diagnostic.Error(root.Span, DiagnosticCodes.Field, string.Empty, "expected `questions`")]);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var questions = new List<Question>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in r.List(r.Required(top, "questions")))
        {
            var m = r.Mapping(item, ["id", "ask", "scenario", "decision"]);
            if (m is null)
            {
                r.Report(item.Span, item.Path, "expected a question (ask, scenario, decision)");
                continue;
            }

            var idNode = m["id"];
            var id = idNode is null ? null : r.Text(idNode);
            if (id is not null && !ids.Add(id))
            {
                r.Report(idNode!.Span, idNode.Path, $"`{id}` names another question of this file: give each its own id");
                id = null;
            }

            var ask = r.Text(r.Required(m, "ask"));
            var scenarioNode = r.Required(m, "scenario");
            var scenario = r.Text(scenarioNode);
            if (scenario is not null && (FileReach.Unfit(scenario) is not null || !new FileReach([folder]).Holds(Path.Combine(folder, scenario))))
            {
                // Like a policy's references: a questions file names scenarios in its own folder tree only.
                r.Report(scenarioNode!.Span, scenarioNode.Path, $"`{scenario}` is outside this file's folder: name a scenario by a path relative to it, within it", DiagnosticCodes.Reach);
                scenario = null;
            }

            var decisionNode = r.Required(m, "decision");
            DecisionKind? decision = null;
            var isOutcome = decisionNode is YamlScalar { Value: "outcome" };
            if (!isOutcome)
            {
                decision = r.Word(decisionNode, typeof(DecisionKind)) as DecisionKind?;
            }

            if (ask is not null && scenario is not null && (isOutcome || decision is not null))
            {
                questions.Add(new Question(ask, Path.Combine(folder, scenario), decision, id));
            }
        }

        return diagnostics.Count > 0 ? throw new InvalidInputException(diagnostics) : questions;
    }
}
