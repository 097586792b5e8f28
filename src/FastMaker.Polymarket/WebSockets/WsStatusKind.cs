namespace FastMaker.Polymarket.WebSockets;

/// <summary>The connection life-cycle steps surfaced as <see cref="WsStatusEvent"/>s.</summary>
public enum WsStatusKind
{
    /// <summary>A connect attempt started.</summary>
    Connecting,

    /// <summary>The WebSocket handshake completed.</summary>
    Connected,

    /// <summary>A subscribe message went out (initial, dynamic, or a resubscribe after a reconnect or a silent asset).</summary>
    Subscribed,

    /// <summary>An unsubscribe message went out.</summary>
    Unsubscribed,

    /// <summary>An asset has had no message for the configured silence timeout although the socket is alive.</summary>
    AssetStale,

    /// <summary>The socket is gone; <see cref="WsStatusEvent.Reason"/> says why.</summary>
    Disconnected,

    /// <summary>A reconnect is scheduled after <see cref="WsStatusEvent.Delay"/>; <see cref="WsStatusEvent.Attempt"/> counts from 1.</summary>
    Reconnecting,

    /// <summary>The connection was disposed and will not reconnect.</summary>
    Stopped,
}
