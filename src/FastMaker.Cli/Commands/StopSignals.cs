using System.Runtime.InteropServices;

namespace FastMaker.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM cancel <see cref="Token"/> instead of ending the process, so a long-running command (live, paper,
/// venue) stops cleanly: cancels its orders, flushes its store, disposes its servers, then exits with its own code.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public StopSignals()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled on the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        // Cancelling the default action keeps the runtime from exiting at once (exit 143 on SIGTERM).
        context.Cancel = true;
        _stop.Cancel();
    }
}
