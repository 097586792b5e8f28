namespace FastMaker.Polymarket.WebSockets;

/// <summary>How a market connection fetches a fresh book for assets whose book the consumer no longer trusts.</summary>
public enum ResyncMethod
{
    /// <summary>
    /// A dynamic unsubscribe then subscribe of just those assets on the open socket; the venue answers the subscribe
    /// with a <c>book</c> snapshot. Other assets on the connection are untouched. Falls back to a reconnect when the
    /// messages cannot be sent.
    /// </summary>
    UnsubscribeSubscribe,

    /// <summary>Drop the socket and reconnect: every asset on the connection gets a fresh snapshot (for venues without dynamic subscriptions).</summary>
    Reconnect,
}
