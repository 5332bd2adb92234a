using System.Runtime.InteropServices;

namespace DetainerRules.Cli;

/// <summary>Ctrl+C and SIGTERM while a command writes a file: ask the work to stop, and make sure the process does.</summary>
/// <remarks>
/// The signal cancels <see cref="Token"/>, which the work checks as it reads and writes, so it
/// stops and cleans up itself. Should it not stop within <see cref="Grace"/> (stuck in a read the
/// token cannot reach), the handler removes the temporary output itself and ends the process with
/// <see cref="ExitCodes.Interrupted"/>: a signal is never ignored.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _terminate;
    private readonly PosixSignalRegistration _interrupt;
    private readonly Action _abandon;
    private readonly TextWriter _error;
    private int _signalled;
    private volatile bool _done;

    /// <param name="abandon">Removes what the work has half-written; runs on the signal's thread.</param>
    public Interruption(TextWriter error, Action abandon)
    {
        _error = error;
        _abandon = abandon;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        _done = true;
        _terminate.Dispose();
        _interrupt.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext signal)
    {
        signal.Cancel = true;
        if (Interlocked.Increment(ref _signalled) > 1)
        {
            // A second signal: stop now.
            Stop();
        }

        _cancel.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => Stop(), TaskScheduler.Default);
    }

    private void Stop()
    {
        if (_done)
        {
            return;
        }

        try
        {
            _abandon();
            _error.WriteLine("detainer: interrupted; the output was not written");
        }
        finally
        {
            Environment.Exit(ExitCodes.Interrupted);
        }
    }
}
