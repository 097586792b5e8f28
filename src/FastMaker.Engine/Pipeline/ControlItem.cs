namespace FastMaker.Engine.Pipeline;

/// <summary>
/// An input that is not a WebSocket frame (timer, connection status, REST reply, metadata refresh, operator
/// command), queued by any thread into the ingress's control queue; the ingress publishes it into the ring.
/// </summary>
public struct ControlItem
{
    /// <summary>What the item is: one of the control kinds of <see cref="InboundKind"/> (or ConnectionStatus).</summary>
    public InboundKind Kind;

    /// <summary>The channel the item concerns (Control for timers and replies; Market or User for connection status).</summary>
    public InboundChannel Channel;

    /// <summary>The connection concerned, or 0.</summary>
    public short ConnectionId;

    /// <summary>When the item was produced, unix ms (stamped by the producer, never by the engine).</summary>
    public long ReceiveMs;

    /// <summary>The unmanaged payload (timer, connection status).</summary>
    public InboundPayload Payload;

    /// <summary>The object of a cold item (REST reply, metadata, operator command), or null.</summary>
    public object? Cold;

    /// <summary>A timer item.</summary>
    public static ControlItem ForTimer(TimerKind kind, long dueMs, long nowMs)
    {
        var item = new ControlItem { Kind = InboundKind.Timer, Channel = InboundChannel.Control, ReceiveMs = nowMs };
        item.Payload.Timer = new TimerTick { Kind = kind, DueMs = dueMs };
        return item;
    }

    /// <summary>A connection status item.</summary>
    public static ControlItem ForConnection(InboundChannel channel, short connectionId, ConnectionState state, long nowMs)
    {
        var item = new ControlItem { Kind = InboundKind.ConnectionStatus, Channel = channel, ConnectionId = connectionId, ReceiveMs = nowMs };
        item.Payload.Connection = new ConnectionStatusChange { ConnectionId = connectionId, State = state };
        return item;
    }

    /// <summary>A cold item (REST reply, metadata refresh, operator command) carrying <paramref name="cold"/>.</summary>
    public static ControlItem ForCold(InboundKind kind, object cold, long nowMs) =>
        new() { Kind = kind, Channel = InboundChannel.Control, ReceiveMs = nowMs, Cold = cold };
}
