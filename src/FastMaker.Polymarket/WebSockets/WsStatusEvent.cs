namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// One status change of a WebSocket connection. Status changes are rare (cold path), so the
/// reason and the id lists are plain strings.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="ConnectionId">The shard (connection) index within its feed.</param>
/// <param name="Session">Counts successful connects of this connection from 1; frames carry the same number.</param>
/// <param name="Timestamp">The <see cref="TimeProvider.GetTimestamp"/> value when it happened.</param>
/// <param name="Attempt">For <see cref="WsStatusKind.Connecting"/> and <see cref="WsStatusKind.Reconnecting"/>: consecutive failed attempts so far, plus one.</param>
/// <param name="Delay">For <see cref="WsStatusKind.Reconnecting"/>: the back-off before the next attempt.</param>
/// <param name="Reason">For <see cref="WsStatusKind.Disconnected"/>: why; for <see cref="WsStatusKind.AssetStale"/>: how long it was silent.</param>
/// <param name="Ids">For subscribe, unsubscribe and stale events: the asset or market ids concerned.</param>
public readonly record struct WsStatusEvent(
    WsStatusKind Kind,
    int ConnectionId,
    int Session,
    long Timestamp,
    int Attempt,
    TimeSpan Delay,
    string? Reason,
    IReadOnlyList<string>? Ids);
