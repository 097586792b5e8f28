using System.Threading.Channels;
using FastMaker.Polymarket.WebSockets;

namespace FastMaker.Polymarket.Tests.WebSockets;

/// <summary>Collects status events and lets a test await the next one of a kind.</summary>
internal sealed class StatusRecorder
{
    private readonly Channel<WsStatusEvent> _events = Channel.CreateUnbounded<WsStatusEvent>();

    public List<WsStatusEvent> Seen { get; } = new();

    public void OnStatus(WsStatusEvent e) => _events.Writer.TryWrite(e);

    public async Task<WsStatusEvent> NextAsync(WsStatusKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            WsStatusEvent e = await _events.Reader.ReadAsync(timeout.Token);
            lock (Seen) Seen.Add(e);
            if (e.Kind == kind) return e;
        }
    }

    /// <summary>Events received so far that were not yet awaited.</summary>
    public List<WsStatusEvent> Drain()
    {
        var list = new List<WsStatusEvent>();
        while (_events.Reader.TryRead(out WsStatusEvent e)) list.Add(e);
        return list;
    }
}
