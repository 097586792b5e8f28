namespace FastMaker.Polymarket.WebSockets;

/// <summary>What a resync request did (see <see cref="WsConnection.ResyncAsync"/>).</summary>
public enum ResyncOutcome
{
    /// <summary>The unsubscribe and subscribe went out on the live socket; a snapshot follows.</summary>
    Resubscribed,

    /// <summary>The socket was dropped (by policy or because the messages could not be sent); the reconnect resubscribes everything.</summary>
    Reconnecting,

    /// <summary>No live session now; the next session's first message carries the assets and the venue sends their books then.</summary>
    Deferred,

    /// <summary>None of the assets is subscribed on this connection (or feed): nothing was sent.</summary>
    NotSubscribed,
}
