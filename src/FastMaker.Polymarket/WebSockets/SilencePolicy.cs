namespace FastMaker.Polymarket.WebSockets;

/// <summary>What the connection does when a subscribed asset has had no message for <see cref="WsConnectionOptions.AssetSilenceTimeout"/>.</summary>
public enum SilencePolicy
{
    /// <summary>Only raise a <see cref="WsStatusKind.AssetStale"/> event.</summary>
    Report,

    /// <summary>Report, then send a dynamic subscribe for the silent assets (the venue answers with a fresh book).</summary>
    Resubscribe,

    /// <summary>Report, then drop the socket and reconnect (every asset on the connection is resubscribed).</summary>
    Reconnect,
}
