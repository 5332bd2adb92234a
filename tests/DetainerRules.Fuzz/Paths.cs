namespace DetainerRules.Fuzz;

/// <summary>Where the shipped policies and scenarios are, and the sandbox a fuzzed policy is loaded from.</summary>
/// <param name="Rules">The repository's <c>rules/</c> folder.</param>
/// <param name="Scenarios">The repository's <c>seeds/scenarios/</c> folder.</param>
/// <param name="Sandbox">A folder holding <c>rules/</c> (a copy of the catalog, variants included) and, beside it, another copy, so relative <c>extends</c> resolve.</param>
internal sealed record Paths(string Rules, string Scenarios, string Sandbox)
{
    /// <summary>Environment variable naming the repository's rules folder.</summary>
    public const string RulesVariable = "DETAINER_FUZZ_RULES";

    /// <summary>Environment variable naming the sandbox folder (made when missing); by default one per rules folder in the temp directory, reused.</summary>
    public const string SandboxVariable = "DETAINER_FUZZ_SANDBOX";

    /// <summary>The rules folder from the environment, else the nearest <c>rules/</c> above the working directory or the program.</summary>
    public static Paths Locate()
    {
        var rules = Environment.GetEnvironmentVariable(RulesVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Up(Environment.CurrentDirectory) ?? Up(AppContext.BaseDirectory)
                ?? throw new InvalidOperationException($"no rules/ folder above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}: set {RulesVariable}");
        var scenarios = Path.Combine(Path.GetDirectoryName(rules)!, "seeds", "scenarios");
        var sandbox = Environment.GetEnvironmentVariable(SandboxVariable) is { Length: > 0 } s
            ? Path.GetFullPath(s)
            : Path.Combine(Path.GetTempPath(), "detainer-fuzz-sandbox-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rules)))[..12].ToLowerInvariant());
        var paths = new Paths(rules, scenarios, sandbox);
        paths.MakeSandbox();
        return paths;
    }

    /// <summary>Every shipped policy, variants included.</summary>
    public IEnumerable<string> PolicyFiles() =>
        Directory.EnumerateFiles(Rules, "*.yaml").Concat(Directory.EnumerateFiles(Path.Combine(Rules, "variants"), "*.yaml")).Order(StringComparer.Ordinal);

    public IEnumerable<string> ScenarioFiles() =>
        Directory.EnumerateFiles(Scenarios).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string? Up(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "rules", "lvmpd-2023.yaml")))
            {
                return Path.Combine(dir.FullName, "rules");
            }
        }

        return null;
    }

    /// <summary>Copies the catalog into the sandbox, file by file through a temporary name, so that two fuzzers can share one sandbox.</summary>
    private void MakeSandbox()
    {
        var variants = Path.Combine(Rules, "variants");
        foreach (var (from, to) in new[] { (Rules, Path.Combine(Sandbox, "rules")), (Rules, Sandbox), (variants, Path.Combine(Sandbox, "rules", "variants")) })
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*.yaml"))
            {
                var target = Path.Combine(to, Path.GetFileName(file));
                var text = File.ReadAllText(file);
                if (File.Exists(target) && File.ReadAllText(target) == text)
                {
                    continue;
                }

                var temporary = $"{target}.{Environment.ProcessId}.tmp";
                File.WriteAllText(temporary, text);
                File.Move(temporary, target, overwrite: true);
            }
        }
    }
}
