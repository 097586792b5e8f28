namespace FastMaker.Venue.WebSockets;

/// <summary>
/// A token bucket over real milliseconds for one client's inbound messages: a burst of <c>perSecond</c>, refilled
/// at <c>perSecond</c> per second. Real time, not the venue clock, because flooding is about the socket.
/// </summary>
internal struct InboundMessageBudget
{
    private readonly int _perSecond;
    private double _tokens;
    private long _lastMs;

    public InboundMessageBudget(int perSecond)
    {
        _perSecond = Math.Max(1, perSecond);
        _tokens = _perSecond;
        _lastMs = -1;
    }

    /// <summary>Takes one message's token at <paramref name="nowMs"/>; false when the client is over its budget.</summary>
    public bool TryTake(long nowMs)
    {
        if (_lastMs >= 0 && nowMs > _lastMs) _tokens = Math.Min(_perSecond, _tokens + (nowMs - _lastMs) * _perSecond / 1000.0);
        _lastMs = nowMs;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
