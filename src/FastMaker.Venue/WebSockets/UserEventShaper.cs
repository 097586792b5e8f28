using FastMaker.Venue.Faults;

namespace FastMaker.Venue.WebSockets;

/// <summary>
/// Applies the user-channel faults (delay, duplicate, reorder) on the way to the hub. Reordering holds one
/// event per API key and releases it after the next one.
/// </summary>
internal sealed class UserEventShaper
{
    private readonly WsHub _hub;
    private readonly VenueFaults _faults;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (string Market, byte[] Payload)> _held = new(StringComparer.Ordinal);

    public UserEventShaper(WsHub hub, VenueFaults faults, TimeProvider time)
    {
        _hub = hub;
        _faults = faults;
        _time = time;
    }

    /// <summary>Called under the engine lock, so the held map needs no lock of its own.</summary>
    public void Send(string apiKey, string market, byte[] payload)
    {
        if (_faults.ReorderUserEvents)
        {
            if (_held.Remove(apiKey, out var held))
            {
                Deliver(apiKey, market, payload);
                Deliver(apiKey, held.Market, held.Payload);
            }
            else
            {
                _held[apiKey] = (market, payload);
            }
            return;
        }
        if (_held.Remove(apiKey, out var pending)) Deliver(apiKey, pending.Market, pending.Payload);
        Deliver(apiKey, market, payload);
    }

    private void Deliver(string apiKey, string market, byte[] payload)
    {
        TimeSpan delay = _faults.UserEventDelay;
        int copies = _faults.DuplicateUserEvents ? 2 : 1;
        if (delay <= TimeSpan.Zero)
        {
            for (int i = 0; i < copies; i++) _hub.PublishUser(apiKey, market, payload);
            return;
        }
        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            for (int i = 0; i < copies; i++) _hub.PublishUser(apiKey, market, payload);
            timer?.Dispose();
        }, null, delay, Timeout.InfiniteTimeSpan);
    }
}
