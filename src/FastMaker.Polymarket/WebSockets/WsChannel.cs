namespace FastMaker.Polymarket.WebSockets;

/// <summary>The two CLOB WebSocket channels: public market data and the authenticated user stream.</summary>
public enum WsChannel
{
    /// <summary><c>/ws/market</c>: subscribed by token (asset) ids.</summary>
    Market,

    /// <summary><c>/ws/user</c>: subscribed by condition (market) ids, with the API credentials in the first message.</summary>
    User,
}
