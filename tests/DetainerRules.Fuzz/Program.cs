using DetainerRules.Fuzz;
using SharpFuzz;

// Usage (see README.md beside this file):
//   DetainerRules.Fuzz policy|scenario|jsonl|csv|batch                       fuzz under afl-fuzz (one input from stdin without it)
//   DetainerRules.Fuzz policy|scenario|jsonl|csv|batch --in-process          the same in the fork server's own process (faster, dies on a stack overflow)
//   DetainerRules.Fuzz replay <target> [--isolate] [--quiet] <files or folders>...
//   DetainerRules.Fuzz minimize <target> <file> [<output>] [--seconds N]
const string Usage = "usage: DetainerRules.Fuzz policy|scenario|jsonl|csv|batch [--in-process] | replay <target> [--isolate] [--quiet] <files or folders>... | minimize <target> <file> [<output>] [--seconds N]";

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

static Target? ParseTarget(string word) => word switch
{
    "policy" => Target.Policy,
    "scenario" => Target.Scenario,
    "jsonl" => Target.Jsonl,
    "csv" => Target.Csv,
    "batch" => Target.Batch,
    _ => null,
};

if (ParseTarget(args[0]) is { } fuzzed)
{
    var harness = Harness.Create(fuzzed, Paths.Locate());
    Instrumentation.EnsureTraceBuffer();
    var underAfl = Environment.GetEnvironmentVariable("__AFL_SHM_ID") is not null;
    var isForkServer = underAfl && Environment.GetEnvironmentVariable("__SHARPFUZZ_CTL") is null && !args.Contains("--in-process");
    if (!isForkServer)
    {
        harness.WarmUp();
    }

    void Action(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        harness.Check(Harness.Decode(buffer.ToArray()));
    }

    if (args.Contains("--in-process"))
    {
        Fuzzer.Run(Action);
    }
    else
    {
        Fuzzer.OutOfProcess.Run(Action);
    }

    return 0;
}

// The other modes: flags (--isolate, --quiet, --seconds N) anywhere after the mode, the rest in order.
var flags = new HashSet<string>(StringComparer.Ordinal);
var positional = new List<string>();
var seconds = 300;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--seconds" && i + 1 < args.Length && int.TryParse(args[i + 1], out var given))
    {
        seconds = given;
        i++;
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal))
    {
        flags.Add(args[i]);
    }
    else
    {
        positional.Add(args[i]);
    }
}

if (positional.Count < 2 || ParseTarget(positional[0]) is not { } target)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var h = Harness.Create(target, Paths.Locate());
Instrumentation.EnsureTraceBuffer();
h.WarmUp();
var inputs = positional.Skip(1).ToList();
switch (args[0])
{
    case "replay":
        return Replay.Run(h, inputs, flags.Contains("--isolate"), flags.Contains("--quiet"));
    case "replay-one" when inputs.Count == 1:
        return Replay.RunChild(h, inputs[0]);
    case "minimize" when inputs.Count <= 2:
        return Minimizer.Run(h, inputs[0], inputs.Count > 1 ? inputs[1] : inputs[0] + ".min", TimeSpan.FromSeconds(seconds));
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
