using System.Runtime.InteropServices;

namespace DetainerRules.Fuzz;

/// <summary>Lets assemblies instrumented by <c>sharpfuzz</c> run outside afl-fuzz too (replay, minimise, a single run).</summary>
internal static class Instrumentation
{
    private const int MapSize = 1 << 16;

    /// <summary>Points the coverage map at a scratch buffer until the fuzzer attaches its shared memory.</summary>
    /// <remarks>Instrumented code writes to the map on every branch; with no map at all it would write through a null pointer.</remarks>
    public static unsafe void EnsureTraceBuffer()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
        }
    }
}
