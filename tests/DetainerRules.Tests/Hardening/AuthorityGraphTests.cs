using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Hardening;

/// <summary>
/// Policies bound by policies form a graph. Read as a tree, files each bound by two others ten
/// levels deep took 26 s and 853 MB; here each file is read and compiled once, the graph's depth
/// and size (counted along every path, as evaluation walks it) are bounded, and an authority listed
/// twice, or a cycle, is a positioned error.
/// </summary>
[TestFixture]
public class AuthorityGraphTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-graph-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    /// <summary>A rule that forbids holds, so every authority has something to say.</summary>
    private const string NoHolds = """
          - id: no-holds
            when: "true"
            then: { delay_release: forbidden }
            because: no holds
            cite: src
        """;

    private string Write(string id, string boundBy)
    {
        var path = Path.Combine(_dir, id + ".yaml");
        File.WriteAllText(path, TestPolicies.Yaml(NoHolds, boundBy.Length == 0 ? string.Empty : $"bound_by: {boundBy}").Replace("id: test-policy", $"id: {id}", StringComparison.Ordinal));
        return path;
    }

    /// <summary>The issue's shape: <c>top</c> bound by two policies, each bound by the same two of the next level, <paramref name="depth"/> levels.</summary>
    private string Layers(int depth, int width = 2)
    {
        string Level(int level) => $"[{string.Join(", ", Enumerable.Range(0, width).Select(i => $"q{level}-{i}"))}]";
        for (var level = 1; level <= depth; level++)
        {
            for (var i = 0; i < width; i++)
            {
                Write($"q{level}-{i}", level < depth ? Level(level + 1) : string.Empty);
            }
        }

        return Write("top", Level(1));
    }

    [TestCase(10, 2, "nest more than 8 deep", TestName = "Load_TwoAuthoritiesPerLevelTenDeep_IsRefusedAtTheDepthLimitWithAPosition")]
    [TestCase(4, 3, "more than 64 authorities counted along every path", TestName = "Load_ThreeAuthoritiesPerLevelFourDeep_IsRefusedAtThePathLimitWithAPosition")]
    public void Load_GraphBeyondTheLimits_IsRefusedWithAPosition(int depth, int width, string message)
    {
        var top = Layers(depth, width);

        var errors = Assert.Throws<InvalidInputException>(() => new PolicyCatalog([_dir]).Load(top))!.Diagnostics;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
            Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.PolicyCycle));
            Assert.That(errors[0].Field, Is.EqualTo("bound_by"));
            Assert.That(errors[0].Span.Line, Is.GreaterThan(0));
            Assert.That(errors[0].Message, Does.Contain(message));
        }
    }

    /// <summary><c>top</c> bound by <c>q1-0</c>, bound by <c>q2-0</c>, ... up to <c>q{depth}-0</c>: <paramref name="depth"/> authorities nested above <c>top</c>.</summary>
    private string AuthorityChain(int depth)
    {
        for (var level = 1; level <= depth; level++)
        {
            Write($"q{level}-0", level < depth ? $"[q{level + 1}-0]" : string.Empty);
        }

        return Write("top", "[q1-0]");
    }

    [Test]
    public void Load_AChainOfAuthoritiesExactlyAtTheDepthLimit_LoadsAndEveryLayerAnswers()
    {
        Assert.That(PolicyFiles.MaxAuthorityDepth, Is.EqualTo(8), "README's table of limits says 8 deep");
        var catalog = new PolicyCatalog([_dir]);

        var policy = catalog.Load(AuthorityChain(PolicyFiles.MaxAuthorityDepth));

        var verdict = DelegatePolicy.Compile(policy, catalog.Authority).Evaluate(TestScenarios.Arrest());
        var depth = 0;
        for (var layer = verdict; layer.AuthorityVerdicts.Count > 0; layer = layer.AuthorityVerdicts[0])
        {
            depth++;
        }

        Assert.That(depth, Is.EqualTo(PolicyFiles.MaxAuthorityDepth), "each of the 8 authorities answers, nested");
    }

    [Test]
    public void Load_AChainOfAuthoritiesOnePastTheDepthLimit_IsRefusedAtTheEntryPastItNamingTheChain()
    {
        var top = AuthorityChain(PolicyFiles.MaxAuthorityDepth + 1);

        var errors = Assert.Throws<InvalidInputException>(() => new PolicyCatalog([_dir]).Load(top))!.Diagnostics;

        // top -> q1-0 -> ... -> q8-0 is 8 deep; q8-0's `bound_by: [q9-0]` (line 3, column 11) is the 9th.
        var chain = string.Join(" -> ", Enumerable.Range(1, PolicyFiles.MaxAuthorityDepth + 1).Select(n => $"q{n}-0").Prepend("top"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
            Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.PolicyCycle));
            Assert.That(errors[0].Span.File, Is.EqualTo(Path.Combine(_dir, $"q{PolicyFiles.MaxAuthorityDepth}-0.yaml")));
            Assert.That((errors[0].Span.Line, errors[0].Span.Column), Is.EqualTo(BoundByEntry(Path.Combine(_dir, $"q{PolicyFiles.MaxAuthorityDepth}-0.yaml"), $"q{PolicyFiles.MaxAuthorityDepth + 1}-0")));
            Assert.That(errors[0].Field, Is.EqualTo("bound_by"));
            Assert.That(errors[0].Message, Is.EqualTo($"authorities above `top` nest more than 8 deep: {chain}"));
        }
    }

    /// <summary>The line and column (1-based) of <paramref name="id"/> in the file's <c>bound_by</c> line, found in the text rather than assumed from the template.</summary>
    private static (int Line, int Column) BoundByEntry(string path, string id)
    {
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.StartsWith("bound_by:", StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(id, StringComparison.Ordinal) + 1);
    }

    /// <summary><c>top</c> bound by <paramref name="count"/> authorities that are bound by none.</summary>
    private string Flat(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Write($"a{i}", string.Empty);
        }

        return Write("top", $"[{string.Join(", ", Enumerable.Range(1, count).Select(i => $"a{i}"))}]");
    }

    [Test]
    public void Load_ExactlyAsManyAuthoritiesAsTheLimit_LoadsAndEachAnswers()
    {
        Assert.That(PolicyFiles.MaxAuthorities, Is.EqualTo(64), "README's table of limits says 64");
        var catalog = new PolicyCatalog([_dir]);

        var policy = catalog.Load(Flat(PolicyFiles.MaxAuthorities));

        Assert.That(DelegatePolicy.Compile(policy, catalog.Authority).Evaluate(TestScenarios.Arrest()).AuthorityVerdicts, Has.Count.EqualTo(PolicyFiles.MaxAuthorities));
    }

    [Test]
    public void Load_OneAuthorityPastTheLimit_IsRefusedAtTheEntryThatPassesIt()
    {
        var top = Flat(PolicyFiles.MaxAuthorities + 1);

        var errors = Assert.Throws<InvalidInputException>(() => new PolicyCatalog([_dir]).Load(top))!.Diagnostics;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
            Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.PolicyCycle));
            Assert.That(errors[0].Span.File, Is.EqualTo(top));
            Assert.That((errors[0].Span.Line, errors[0].Span.Column), Is.EqualTo(BoundByEntry(top, "a65")), "at the 65th entry");
            Assert.That(errors[0].Field, Is.EqualTo("bound_by"));
            Assert.That(errors[0].Message, Is.EqualTo("`top` answers to more than 64 authorities counted along every path (each applies once per path when a scenario is decided); `a65` brings 1"));
        }
    }

    [Test]
    public void Load_SharedAuthoritiesWithinTheLimits_ReadsAndCompilesEachOnce()
    {
        var catalog = new PolicyCatalog([_dir]);
        var policy = catalog.Load(Layers(5));
        var network = PolicyCompiler.Compile(policy, catalog.Authority);
        var twin = DelegatePolicy.From(network);
        var direct = DelegatePolicy.Compile(policy, catalog.Authority);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Authority(catalog.Authority(policy, "q1-0"), "q2-1"), Is.SameAs(catalog.Authority(catalog.Authority(policy, "q1-1"), "q2-1")), "one file, one policy");
            Assert.That(catalog.Load(Path.Combine(_dir, "q3-0.yaml")), Is.SameAs(catalog.Authority(catalog.Authority(catalog.Authority(policy, "q1-0"), "q2-0"), "q3-0")));
            Assert.That(network.Authorities[0].Authorities[1], Is.SameAs(network.Authorities[1].Authorities[1]), "one authority, one network");
            Assert.That(twin.Authorities[0].Authorities[1], Is.SameAs(twin.Authorities[1].Authorities[1]), "one network, one twin");
            Assert.That(direct.Authorities[0].Authorities[0], Is.SameAs(direct.Authorities[1].Authorities[0]));
            Assert.That(network.Evaluate(TestScenarios.Arrest()).AuthorityVerdicts, Has.Count.EqualTo(2), "the authorities answer");
        }
    }

    [Test]
    public void Compile_ResolverThatReadsAnewEachTime_IsCalledOncePerEdgeNotOncePerPath()
    {
        var catalog = new PolicyCatalog([_dir]);
        var top = catalog.Load(Layers(5));
        var calls = 0;
        Policy Fresh(Policy origin, string id)
        {
            calls++;
            return PolicyLoader.LoadBeside(origin, id);
        }

        PolicyCompiler.Compile(top, Fresh);
        var networkCalls = calls;
        calls = 0;
        DelegatePolicy.Compile(top, Fresh);

        // 2 edges from the top, 2 from each of the 8 policies on levels 1 to 4; the paths number 62.
        Assert.That((networkCalls, calls), Is.EqualTo((18, 18)));
    }

    [Test]
    public void Load_AuthorityListedTwice_IsAPositionedError()
    {
        Write("q1", string.Empty);
        var top = Write("top", "[q1, q1]");

        var errors = Assert.Throws<InvalidInputException>(() => PolicyLoader.LoadFile(top))!.Diagnostics;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.Code, e.Field)), Is.EqualTo(new[] { (DiagnosticCodes.Identity, "bound_by[1]") }));
            Assert.That(errors[0].Message, Does.Contain("`q1` is listed twice in `bound_by`"));
            Assert.That(errors[0].Span.Column, Is.EqualTo(16), "at the second entry");
        }
    }

    [Test]
    public void Load_AuthoritiesBindingEachOther_IsACycleAtTheEntryThatClosesIt()
    {
        Write("a", "[b]");
        Write("b", "[a]");

        var errors = Assert.Throws<InvalidInputException>(() => PolicyLoader.LoadFile(Path.Combine(_dir, "a.yaml")))!.Diagnostics;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Single().Message, Does.Contain("policies are bound by each other in a cycle: a -> b -> a"));
            Assert.That(errors.Single().Span.File, Does.EndWith("b.yaml"));
        }
    }
}
