using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Yaml;

/// <summary>The policy files one run reads: each policy with the authorities it is bound by, as a graph, each file read once.</summary>
/// <remarks>
/// <para>
/// Policies bound by policies bound by others form a graph, often with shared nodes (two cities
/// under one state). Read as a tree, a graph ten levels deep with two authorities at each level
/// took 26 s and 853 MB. Here each file is read once, keyed by its real path, and the graph is
/// checked when it is loaded: what each policy names must be within reach
/// (<see cref="PolicyReach"/>) and look like a policy (otherwise it is reported by name only, never
/// by content), authorities may not bind each other in a cycle, nest deeper than
/// <see cref="MaxAuthorityDepth"/>, or, counted along every path (as a scenario is decided: each
/// authority applies once per path), number more than <see cref="MaxAuthorities"/>.
/// </para>
/// <para>
/// <threadsafety instance="true"/> Loads run at once: each file is read under its own lock, held only
/// while that file is parsed (parsing never asks for another file through this class, so the locks
/// never nest), and a file read once is shared. What a load reports depends only on the files, never
/// on what other loads did first: a file that fails is not kept, since what it reports depends on who
/// named it, and is read again by the next load that wants it, as it was when loads were serialised.
/// </para>
/// </remarks>
public sealed class PolicyFiles
{
    /// <summary>Deepest chain of authorities above a policy (a city under a county under a state under federal law is 3).</summary>
    public const int MaxAuthorityDepth = 8;

    /// <summary>Most authorities above one policy, counted along every path.</summary>
    public const int MaxAuthorities = 64;

    private readonly CatalogSearchPath _searchPath;
    private readonly ConcurrentDictionary<(string Root, string Path), Policy> _loaded = new();

    // One lock per file, so loads of different files run at once and two loads of one file read it once.
    private readonly ConcurrentDictionary<(string Root, string Path), Lock> _reading = new();

    // Weak keys: a catalog kept across requests (the workbench's) resolves authorities for policies parsed from each request's text, which must not outlive it.
    private readonly ConditionalWeakTable<Policy, ConcurrentDictionary<string, Policy>> _authorities = new();

    /// <param name="searchPath">Where policy ids are looked up after the naming file's folder; a policy's own root is always within reach too.</param>
    public PolicyFiles(CatalogSearchPath searchPath) => _searchPath = searchPath;

    /// <summary>Loads the policy in <paramref name="path"/> and every authority above it.</summary>
    /// <exception cref="InvalidInputException">The file, a policy it extends or an authority has problems, or the graph breaks a limit; all of them are listed.</exception>
    public Policy Load(string path)
    {
        var reach = new PolicyReach(_searchPath, path);
        var diagnostics = new List<Diagnostic>();
        var policy = Read(path, reach, null, diagnostics);
        if (policy is not null)
        {
            new AuthorityGraph(this, reach, diagnostics).Check(policy);
        }

        return Checked(policy, diagnostics);
    }

    /// <summary>The policy <paramref name="origin"/> names <paramref name="id"/> in <c>bound_by</c>; for the engine, which does no I/O itself.</summary>
    /// <exception cref="InvalidInputException">The authority cannot be found or loaded.</exception>
    public Policy Authority(Policy origin, string id)
    {
        if (_authorities.TryGetValue(origin, out var known) && known.TryGetValue(id, out var authority))
        {
            return authority;
        }

        // A policy this instance did not load (one parsed from text, say): its authority is looked up beside it, within its root.
        var index = origin.BoundBy.ToList().IndexOf(id);
        var span = index >= 0 && index < origin.BoundBySpans.Count ? origin.BoundBySpans[index] : origin.Span;
        var diagnostics = new List<Diagnostic>();
        var graph = new AuthorityGraph(this, new PolicyReach(_searchPath, origin.Span.File), diagnostics);
        authority = graph.Named(origin, id, span);
        if (authority is not null)
        {
            graph.Check(authority);
        }

        return Checked(authority, diagnostics);
    }

    private static Policy Checked(Policy? policy, List<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 && policy is not null
            ? policy
            : throw new InvalidInputException([.. diagnostics.Distinct().OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)]);

    /// <summary>Reads one file as a policy, once per root; null when it has problems (added to <paramref name="diagnostics"/>).</summary>
    /// <param name="namedAt">Where another policy names this one; null for the policy the user named, whose content may be quoted in messages.</param>
    private Policy? Read(string path, PolicyReach reach, SourceSpan? namedAt, List<Diagnostic> diagnostics)
    {
        var key = (reach.EntryRoot, FileReach.RealPath(path));
        if (_loaded.TryGetValue(key, out var cached))
        {
            return cached;
        }

        lock (_reading.GetOrAdd(key, _ => new Lock()))
        {
            // Another load may have read it while this one waited.
            return _loaded.TryGetValue(key, out cached) ? cached : ReadNow(key, path, reach, namedAt, diagnostics);
        }
    }

    private Policy? ReadNow((string Root, string Path) key, string path, PolicyReach reach, SourceSpan? namedAt, List<Diagnostic> diagnostics)
    {
        string text;
        try
        {
            text = InputFile.Read(path);
        }
        catch (InvalidInputException e)
        {
            diagnostics.AddRange(namedAt is { } at ? e.Diagnostics.Select(d => d with { Span = at, Field = "bound_by", Message = $"cannot read `{path}`: {d.Message}" }) : e.Diagnostics);
            return null;
        }

        if (namedAt is { } span && !PolicyLoader.LooksLikePolicy(text, path))
        {
            diagnostics.Add(Diagnostic.Error(span, DiagnosticCodes.Reach, "bound_by",
                $"`{path}` is not a policy file (a policy has an `id` and `rules` or `extends`), so nothing can be bound by it"));
            return null;
        }

        try
        {
            var policy = PolicyLoader.Load(text, path, reach);
            var stem = Path.GetFileNameWithoutExtension(path);
            if (policy.Id != stem)
            {
                diagnostics.Add(Diagnostic.Error(policy.Span, DiagnosticCodes.Identity, "id",
                    $"policy id `{policy.Id}` does not match the file name `{stem}`: a policy is named by its file"));
                return null;
            }

            _loaded[key] = policy;
            return policy;
        }
        catch (InvalidInputException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }
    }

    /// <summary>One walk over the authorities above a policy, loading each file once and checking the graph's limits.</summary>
    private sealed class AuthorityGraph(PolicyFiles files, PolicyReach reach, List<Diagnostic> diagnostics)
    {
        // For each policy walked: how many authorities lie above it counted along every path, and how deep they go.
        // A class, not a tuple: a dictionary of a value type is compiled when first run, at every cold start.
        private readonly Dictionary<Policy, Above> _walked = new(ReferenceEqualityComparer.Instance);
        private readonly List<Policy> _path = [];
        private bool _overLimit;

        public void Check(Policy policy) => Walk(policy, 0);

        private Above Walk(Policy policy, int depth)
        {
            if (_walked.TryGetValue(policy, out var known))
            {
                return known;
            }

            _path.Add(policy);
            var (count, height) = (0L, 0);
            for (var i = 0; i < policy.BoundBy.Count; i++)
            {
                var span = i < policy.BoundBySpans.Count ? policy.BoundBySpans[i] : policy.Span;
                if (depth + 1 > MaxAuthorityDepth)
                {
                    Report(span, $"authorities above `{_path[0].Id}` nest more than {MaxAuthorityDepth} deep: {string.Join(" -> ", _path.Select(p => p.Id).Append(policy.BoundBy[i]))}");
                    break;
                }

                if (Named(policy, policy.BoundBy[i], span) is not { } authority)
                {
                    continue;
                }

                if (_path.Contains(authority))
                {
                    var cycle = _path.SkipWhile(p => !ReferenceEquals(p, authority)).Append(authority).Select(p => p.Id);
                    diagnostics.Add(Diagnostic.Error(span, DiagnosticCodes.PolicyCycle, "bound_by", $"policies are bound by each other in a cycle: {string.Join(" -> ", cycle)}"));
                    continue;
                }

                var above = Walk(authority, depth + 1);
                if (depth + 1 + above.Height > MaxAuthorityDepth)
                {
                    Report(span, $"authorities above `{_path[0].Id}` nest more than {MaxAuthorityDepth} deep through `{authority.Id}`: {string.Join(" -> ", _path.Select(p => p.Id).Append(authority.Id))}, then {above.Height} more above it");
                    continue;
                }

                count += 1 + above.Count;
                height = Math.Max(height, 1 + above.Height);
                if (count > MaxAuthorities)
                {
                    Report(span, $"`{policy.Id}` answers to more than {MaxAuthorities} authorities counted along every path (each applies once per path when a scenario is decided); `{authority.Id}` brings {1 + above.Count}");
                    break;
                }
            }

            _path.RemoveAt(_path.Count - 1);
            return _walked[policy] = new Above(count, height);
        }

        /// <summary>The authority an entry of <c>bound_by</c> names, read once; null when it cannot be (reported).</summary>
        public Policy? Named(Policy origin, string id, SourceSpan span)
        {
            var named = files._authorities.GetValue(origin, _ => new ConcurrentDictionary<string, Policy>(StringComparer.Ordinal));
            if (named.TryGetValue(id, out var known))
            {
                return known;
            }

            if (reach.Resolve(origin.Span.File, id, "to be bound by", out var problem) is not { } path)
            {
                diagnostics.Add(Diagnostic.Error(span, problem.Code, "bound_by", problem.Message));
                return null;
            }

            if (files.Read(path, reach, span, diagnostics) is not { } authority)
            {
                return null;
            }

            // Loads that name it at once resolve it alike; whichever is kept first, every later load gets.
            return named.GetOrAdd(id, authority);
        }

        /// <summary>One limit message per load: past a limit, every further path would say the same.</summary>
        private void Report(SourceSpan span, string message)
        {
            if (!_overLimit)
            {
                _overLimit = true;
                diagnostics.Add(Diagnostic.Error(span, DiagnosticCodes.PolicyCycle, "bound_by", message));
            }
        }

        /// <summary>How many authorities lie above a policy, counted along every path, and how deep they go.</summary>
        private sealed record Above(long Count, int Height);
    }
}
