using System.Security.Cryptography;
using System.Text;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>The parts of loading that follow a policy's references to other files: <c>extends</c> and <c>bound_by</c>.</summary>
public static partial class PolicyLoader
{
    /// <summary>True when <paramref name="text"/> is a mapping with an <c>id</c> and the keys only a policy has; what is not is reported by name only, never by content.</summary>
    internal static bool LooksLikePolicy(string text, string path) => InputKind.OfNamed(text, path) == FileKind.Policy;

    /// <summary>The file a policy was read from, with the SHA-256 of its text.</summary>
    internal static PolicyFile FileOf(string path, string text) =>
        new(path, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

    private static PolicyDraft? ReadBase(FieldReader r, MappingView top, string file, PolicyReach reach, List<string> chain)
    {
        var node = top["extends"]!;
        var name = r.Text(node);
        if (name is null)
        {
            return null;
        }

        if (reach.Resolve(file, name, "to extend", out var problem) is not { } path)
        {
            r.Report(node.Span, node.Path, problem.Message, problem.Code);
            return null;
        }

        // Cycles are told by real paths, so a link or a `..` cannot disguise a file as another.
        var here = FileReach.RealPath(file);
        var real = FileReach.RealPath(path);
        if (chain.Contains(real, StringComparer.Ordinal) || real == here)
        {
            r.Report(node.Span, node.Path, $"`extends` makes a cycle: {string.Join(" -> ", chain.Append(here).Append(real).Select(Path.GetFileNameWithoutExtension))}", DiagnosticCodes.PolicyCycle);
            return null;
        }

        if (chain.Count >= MaxChainLength)
        {
            r.Report(node.Span, node.Path, $"chain of variants is longer than {MaxChainLength}", DiagnosticCodes.PolicyCycle);
            return null;
        }

        string baseText;
        try
        {
            baseText = InputFile.Read(path);
        }
        catch (InvalidInputException e)
        {
            r.Report(node.Span, node.Path, $"cannot read `{name}`: {string.Join("; ", e.Diagnostics.Select(d => d.Message))}", DiagnosticCodes.Reference);
            return null;
        }

        if (!LooksLikePolicy(baseText, path))
        {
            r.Report(node.Span, node.Path, $"`{name}` is not a policy file (a policy has an `id` and `rules` or `extends`), so it cannot be extended", DiagnosticCodes.Reach);
            return null;
        }

        return ReadDraft(r, baseText, path, reach, [.. chain, here]);
    }

    /// <summary>The authorities a policy lists, each once, with where each is written.</summary>
    private static void ReadBoundBy(FieldReader r, PolicyDraft draft, YamlNode node)
    {
        // A variant that lists its authorities replaces its base's list.
        draft.BoundBy.Clear();
        draft.BoundBySpans.Clear();
        foreach (var item in r.List(node))
        {
            if (CheckId(r, item, "authority") is not { } id)
            {
                continue;
            }

            var first = draft.BoundBy.IndexOf(id);
            if (first >= 0)
            {
                r.Report(item.Span, item.Path, $"`{id}` is listed twice in `bound_by` (first at line {draft.BoundBySpans[first].Line}): list each authority once", DiagnosticCodes.Identity);
                continue;
            }

            draft.BoundBy.Add(id);
            draft.BoundBySpans.Add(item.Span);
        }
    }
}
