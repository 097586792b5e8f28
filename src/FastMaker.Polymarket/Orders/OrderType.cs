namespace FastMaker.Polymarket.Orders;

/// <summary>Time in force, sent as <c>orderType</c> in the POST body.</summary>
public enum OrderType : byte
{
    /// <summary>Good till cancelled.</summary>
    Gtc,
    /// <summary>Good till date (<c>expiration</c>, unix seconds).</summary>
    Gtd,
    /// <summary>Fill or kill (marketable).</summary>
    Fok,
    /// <summary>Fill and kill (marketable, partial fills allowed).</summary>
    Fak,
}
