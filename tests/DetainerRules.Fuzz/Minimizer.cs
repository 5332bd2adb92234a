using System.Diagnostics;
using System.Text;

namespace DetainerRules.Fuzz;

/// <summary>Shrinks a failing input while it keeps failing the same way: whole lines first, then characters.</summary>
/// <remarks>Runs in this process: an input that overflows the stack cannot be shrunk here.</remarks>
internal static class Minimizer
{
    public static int Run(IFuzzHarness harness, string file, string output, TimeSpan budget)
    {
        var text = Harness.Decode(File.ReadAllBytes(file));
        var failure = Replay.RunOne(harness, Encoding.UTF8.GetBytes(text));
        if (failure is null)
        {
            Console.Error.WriteLine($"{file} keeps the contract: nothing to minimise");
            return 1;
        }

        Console.WriteLine($"finding: {failure.Signature}");
        var clock = Stopwatch.StartNew();
        bool Same(List<string> parts) =>
            clock.Elapsed < budget && Replay.RunOne(harness, Encoding.UTF8.GetBytes(string.Concat(parts)))?.Signature == failure.Signature;

        var lines = Shrink(Split(text, byLine: true), Same);
        var chars = Shrink(Split(string.Concat(lines), byLine: false), Same);
        var result = string.Concat(chars);
        File.WriteAllText(output, result);
        Console.WriteLine($"{text.Length} -> {result.Length} characters in {clock.Elapsed.TotalSeconds:F0} s: {output}");
        return 0;
    }

    private static List<string> Split(string text, bool byLine)
    {
        if (!byLine)
        {
            return [.. text.Select(c => c.ToString())];
        }

        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                parts.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    /// <summary>Delta debugging, simplified: drop ever smaller chunks while the failure stays the same.</summary>
    private static List<string> Shrink(List<string> parts, Func<List<string>, bool> stillFails)
    {
        for (var chunk = Math.Max(1, parts.Count / 2); chunk >= 1; chunk /= 2)
        {
            for (var start = 0; start < parts.Count;)
            {
                var candidate = parts.Take(start).Concat(parts.Skip(start + chunk)).ToList();
                if (candidate.Count > 0 && stillFails(candidate))
                {
                    parts = candidate;
                }
                else
                {
                    start += chunk;
                }
            }

            if (chunk == 1)
            {
                break;
            }
        }

        return parts;
    }
}
