using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.FillModel;

/// <summary>An order sent to the simulated venue: what the signed POST carries, and when it was sent (engine time).</summary>
public struct PaperOrderRequest
{
    /// <summary>The order id (the EIP-712 hash).</summary>
    public Hash32 OrderId;

    /// <summary>Dense market index.</summary>
    public int MarketIndex;

    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>BUY or SELL of the token.</summary>
    public Side Side;

    /// <summary>Limit price in the token.</summary>
    public Price Price;

    /// <summary>Shares.</summary>
    public Quantity Size;

    /// <summary>Post-only: refused if it would cross when it goes live.</summary>
    public bool PostOnly;

    /// <summary>GTC, GTD, FOK or FAK.</summary>
    public IntentTimeInForce TimeInForce;

    /// <summary>When the engine sent it, unix ms (engine clock).</summary>
    public long SentMs;
}
