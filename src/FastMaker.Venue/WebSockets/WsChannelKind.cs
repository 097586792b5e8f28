namespace FastMaker.Venue.WebSockets;

/// <summary>The two CLOB WebSocket channels.</summary>
public enum WsChannelKind
{
    /// <summary>/ws/market: public book and trade data per asset.</summary>
    Market,
    /// <summary>/ws/user: authenticated order and trade events per API key.</summary>
    User,
}
