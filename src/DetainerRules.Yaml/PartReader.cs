using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Reads the pieces rules and defaults share: decision effects and citations.</summary>
internal sealed class PartReader(FieldReader reader, IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, HoldLimit> limits)
{
    private static readonly IReadOnlyList<string> EffectKeys = Formats.PolicyFormat.Effect.Keys;
    private static readonly IReadOnlyList<string> DefaultKeys = Formats.PolicyFormat.Default.Keys;
    private static readonly string[] PrimaryKeys = ["at", "quote"];

    public FieldReader Reader { get; } = reader;

    public IReadOnlyList<DecisionEffect>? ReadEffects(YamlNode? node)
    {
        var m = Reader.Mapping(node, Vocabulary.Words(typeof(DecisionKind)));
        if (m is null)
        {
            return null;
        }

        var effects = new List<DecisionEffect>();
        foreach (var (key, value) in m.Node.Entries)
        {
            if (Vocabulary.TryParse(typeof(DecisionKind), key.Value, out var kind) && ReadEffect((DecisionKind)kind, value, EffectKeys) is { } effect)
            {
                effects.Add(effect.Effect);
            }
        }

        if (m.Node.Entries.Count == 0)
        {
            Reader.Report(m.Node.Span, m.Node.Path, "a rule must set at least one decision", DiagnosticCodes.Completeness);
        }

        return effects.Count == m.Node.Entries.Count ? effects : null;
    }

    public DefaultDecision? ReadDefault(DecisionKind kind, YamlNode node)
    {
        if (ReadEffect(kind, node, DefaultKeys) is not { } read)
        {
            return null;
        }

        if (read.Details is null)
        {
            Reader.Report(node.Span, node.Path, "a default needs `because` (and a `cite` unless it is `unknown`): write it as a mapping", DiagnosticCodes.Completeness);
            return null;
        }

        var because = Reader.Text(Reader.Required(read.Details, "because"));
        IReadOnlyList<Citation>? cites = [];
        if (read.Details["cite"] is { } citeNode)
        {
            cites = ReadCites(citeNode);
        }
        else if (read.Effect.Value != Modality.Unknown)
        {
            Reader.Report(read.Details.Node.Span, read.Details.PathOf("cite"), "a default other than `unknown` must cite its source", DiagnosticCodes.Completeness);
            cites = null;
        }

        return because is null || cites is null ? null : new DefaultDecision(read.Effect, because, cites);
    }

    public IReadOnlyList<Citation>? ReadCites(YamlNode? node)
    {
        var items = node is YamlSequence sequence ? sequence.Items : node is null ? [] : [node];
        var cites = new List<Citation>();
        var ok = true;
        foreach (var item in items)
        {
            var (idNode, details) = item is YamlMapping
                ? ReadPinpoint(item)
                : (item, new CitationDetails(null, null, Verification.Unstated, null, null, CitationRole.Basis));
            var id = Reader.Text(idNode);
            if (id is null || details is null)
            {
                ok = false;
            }
            else if (sources.TryGetValue(id, out var source))
            {
                cites.Add(new Citation(source, details.At, details.Quote, details.Verified, details.Note, details.Url, details.Role));
            }
            else
            {
                Reader.Report(idNode!.Span, idNode.Path, $"unknown source `{id}`{Suggestion.Hint(id, sources.Keys)}: cite the id of an entry under `sources`", DiagnosticCodes.Reference);
                ok = false;
            }
        }

        if (ok && cites.Count == 0 && node is not null)
        {
            Reader.Report(node.Span, node.Path, "cite at least one source", DiagnosticCodes.Completeness);
            ok = false;
        }

        if (ok && cites.Count > 0 && cites.All(c => c.Role == CitationRole.Context))
        {
            Reader.Report(node!.Span, node.Path, "every citation is `role: context`: a rule must rest on at least one source (its basis); drop `role: context` from the citation it rests on", DiagnosticCodes.Completeness);
            ok = false;
        }

        return ok ? cites : null;
    }

    /// <summary>A pinpointed citation's details; null when they break the rules below, which are reported.</summary>
    /// <remarks>
    /// A primary citation must show what was read (the part and its words), and a judgement must say
    /// why the reading is ours: otherwise the level would be a claim no reader could check.
    /// </remarks>
    private (YamlNode? Id, CitationDetails? Details) ReadPinpoint(YamlNode item)
    {
        var m = Reader.Mapping(item, Formats.PolicyFormat.Pinpoint.Keys)!;
        string? Optional(string key) => m[key] is { } node ? Reader.Text(node) : null;
        var at = Optional("at");
        var quote = Optional("quote");
        var note = Optional("note");
        var url = Optional("url");
        // Kept boxed and matched by pattern: the framework's nullable of each enum is compiled at every start.
        var verified = m["verified"] is { } v ? Reader.Word(v, typeof(Verification)) : Verification.Unstated;
        var role = m["role"] is { } r ? Reader.Word(r, typeof(CitationRole)) : CitationRole.Basis;
        var ok = verified is not null && role is not null;
        if (m["verified"] is { } unstated && verified is Verification.Unstated)
        {
            Reader.Report(unstated.Span, unstated.Path, "`unstated` is what an absent `verified` means: say `primary`, `secondary` or `judgement`, or leave it out");
            ok = false;
        }

        if (quote is not null && quote.Length > Formats.PolicyFormat.QuoteMaxLength)
        {
            Reader.Report(m["quote"]!.Span, m.PathOf("quote"), $"a quotation carries the operative words only: at most {Formats.PolicyFormat.QuoteMaxLength} characters (this one has {quote.Length})");
            ok = false;
        }

        if (verified is Verification.Primary)
        {
            foreach (var key in PrimaryKeys.Where(k => m[k] is null))
            {
                Reader.Report(m.Node.Span, m.PathOf(key), $"a `primary` citation needs `{key}`: {(key == "at" ? "the part of the provision that was read" : "the provision's operative words, verbatim")}", DiagnosticCodes.Completeness);
                ok = false;
            }
        }

        if (verified is Verification.Judgement && m["note"] is null)
        {
            Reader.Report(m.Node.Span, m.PathOf("note"), "a `judgement` citation needs `note`: why the text is open and how it is read here", DiagnosticCodes.Completeness);
            ok = false;
        }

        if (note is not null && verified is not Verification.Judgement)
        {
            Reader.Report(m["note"]!.Span, m.PathOf("note"), "`note` explains a judgement: add `verified: judgement`, or move the remark to `because` or `open_questions`");
            ok = false;
        }

        return (Reader.Required(m, "source"), ok && verified is Verification level && role is CitationRole basis ? new CitationDetails(at, quote, level, note, url, basis) : null);
    }

    private sealed record CitationDetails(string? At, string? Quote, Verification Verified, string? Note, string? Url, CitationRole Role);

    private (DecisionEffect Effect, MappingView? Details)? ReadEffect(DecisionKind kind, YamlNode node, IReadOnlyCollection<string> keys)
    {
        var details = node is YamlMapping ? Reader.Mapping(node, keys) : null;
        var valueNode = details is null ? node : Reader.Required(details, "value");
        if (Reader.Word(valueNode, typeof(Modality)) is not Modality value)
        {
            if (valueNode is YamlScalar { IsNull: true } || (valueNode is null && details is null))
            {
                Reader.Report(node.Span, node.Path, "expected `required`, `permitted`, `forbidden` or `unknown`");
            }

            return null;
        }

        var at = ReadNotificationPoints(kind, value, details, node);
        var limit = ReadLimit(kind, value, details, node);
        if (at is null || (limit is null && NeedsLimit(kind, value)))
        {
            return null;
        }

        return (new DecisionEffect(kind, value, at, limit), details);
    }

    private static bool NeedsLimit(DecisionKind kind, Modality value) =>
        kind == DecisionKind.DelayRelease && value is Modality.Required or Modality.Permitted;

    private NotificationPoint[]? ReadNotificationPoints(DecisionKind kind, Modality value, MappingView? details, YamlNode owner)
    {
        var node = details?["at"];
        if (kind != DecisionKind.NotifyIce)
        {
            if (node is not null)
            {
                Reader.Report(node.Span, node.Path, "`at` applies only to `notify_ice`");
                return null;
            }

            return [];
        }

        // Every word is read (each wrong one reported) before any is refused.
        var points = new NotificationPoints();
        var unknown = false;
        foreach (var item in Reader.List(node))
        {
            if (Reader.Word(item, typeof(NotificationPoint)) is NotificationPoint point)
            {
                points.Add(point);
            }
            else
            {
                unknown = true;
            }
        }

        if (unknown)
        {
            return null;
        }

        if (node is null && value is Modality.Required or Modality.Permitted)
        {
            Reader.Report(owner.Span, owner.Path, "say when ICE is notified: add `at: [booking]`, `at: [release]` or both", DiagnosticCodes.Completeness);
            return null;
        }

        return points.InOrder();
    }

    private HoldLimit? ReadLimit(DecisionKind kind, Modality value, MappingView? details, YamlNode owner)
    {
        var node = details?["limit"];
        if (!NeedsLimit(kind, value))
        {
            if (node is not null)
            {
                Reader.Report(node.Span, node.Path, "`limit` applies only to `delay_release` when it is `required` or `permitted`");
            }

            return null;
        }

        if (node is null)
        {
            Reader.Report(owner.Span, owner.Path, "a hold needs a `limit`: name an entry under `limits`", DiagnosticCodes.Completeness);
            return null;
        }

        var name = Reader.Text(node);
        if (name is not null && limits.TryGetValue(name, out var limit))
        {
            return limit;
        }

        if (name is not null)
        {
            Reader.Report(node.Span, node.Path, $"unknown limit `{name}`{Suggestion.Hint(name, limits.Keys)}: define it under `limits`", DiagnosticCodes.Reference);
        }

        return null;
    }
}
