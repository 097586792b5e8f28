using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>One order to build and sign. Limit orders (GTC/GTD) use <see cref="Price"/> and <see cref="Size"/>;
/// marketable orders (FOK/FAK) use <see cref="Price"/> as the worst price and <see cref="Amount"/>.</summary>
public struct OrderRequest
{
    /// <summary>CTF token id (V2) or position id (V3).</summary>
    public UInt256 TokenId;
    /// <summary>BUY or SELL.</summary>
    public Side Side;
    /// <summary>Limit price, or the worst acceptable price of a market order; must be on the tick grid.</summary>
    public Price Price;
    /// <summary>Limit order size in shares.</summary>
    public Quantity Size;
    /// <summary>Market order amount in base units: collateral to spend for BUY, shares for SELL.</summary>
    public long Amount;
    /// <summary>The market's tick size.</summary>
    public TickSize TickSize;
    /// <summary>The market's negRisk flag (selects the V2 exchange; ignored by V3).</summary>
    public bool NegRisk;
    /// <summary>GTC, GTD, FOK or FAK.</summary>
    public OrderType OrderType;
    /// <summary>Unix seconds; required (non-zero) for GTD, zero otherwise. Not signed.</summary>
    public long ExpirationSeconds;
    /// <summary>Post-only (GTC/GTD only).</summary>
    public bool PostOnly;
    /// <summary>Ask the venue not to wait for settlement in its reply.</summary>
    public bool DeferExec;
    /// <summary>Salt, at most <see cref="ExchangeOrder.MaxSalt"/>.</summary>
    public ulong Salt;
    /// <summary>Creation time, milliseconds since the epoch.</summary>
    public long TimestampMs;
    /// <summary>bytes32 metadata (zero by default).</summary>
    public Hash32 Metadata;
    /// <summary>bytes32 builder code (zero by default).</summary>
    public Hash32 Builder;
    /// <summary>Overrides the builder's current version when set.</summary>
    public OrderVersion? Version;
}
